/**
 * Every message a user reads, Chinese first, English available. Keys are stable; rules look
 * messages up by key so wording changes never touch rule code.
 */
import type { Locale } from './model';

type Args = Record<string, string | number>;
type Catalog = Record<string, string>;

const zh: Catalog = {
  'missing-part': '缺少必备部分：{part}',
  'missing-part.mentioned': '缺少必备部分：{part}。第{line}行的“{name}”提到了该内容，但它只是下级条目，不是独立的部分',
  'missing-part.fix': '插入“{part}”部分',
  'part.detail.mandatory': '必备部分：{part}',
  'part.detail.optional': '部分：{part}',
  'part.detail.inferred': '（按主题归为）{part}',
  'part.detail.combined': '、',
  'detect.looksLikeReport': '这个文件看起来是一份年度报告。',
  'completion.next': '接续 {previous}',
  'completion.first': '{parent} 下的第一项',
  'completion.firstPart': '第一部分',
  'completion.part': '插入缺少的必备部分：{part}',
  'codelens.summary': '{profile} · 必备部分 {present}/{total}',
  'codelens.missing': '缺少：{part}',
};

const en: Catalog = {
  'missing-part': 'Missing mandatory part: {part}',
  'missing-part.mentioned': 'Missing mandatory part: {part}. "{name}" on line {line} mentions it, but only as a sub-item, not as a part of its own',
  'missing-part.fix': 'Insert the part "{part}"',
  'part.detail.mandatory': 'Mandatory part: {part}',
  'part.detail.optional': 'Part: {part}',
  'part.detail.inferred': '(by topic) {part}',
  'part.detail.combined': ', ',
  'detect.looksLikeReport': 'This file looks like an annual report.',
  'completion.next': 'Next after {previous}',
  'completion.first': 'First item under {parent}',
  'completion.firstPart': 'First part',
  'completion.part': 'Insert the missing mandatory part: {part}',
  'codelens.summary': '{profile} · mandatory parts {present}/{total}',
  'codelens.missing': 'Missing: {part}',
};

const catalogs: Record<Locale, Catalog> = { 'zh-cn': zh, en };

/** Chinese unless the client asked for English. */
export function toLocale(tag: string | undefined | null): Locale {
  return tag && tag.toLowerCase().startsWith('en') ? 'en' : 'zh-cn';
}

export function t(locale: Locale, key: string, args: Args = {}): string {
  const template = catalogs[locale][key] ?? zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in args ? String(args[name]) : `{${name}}`));
}
