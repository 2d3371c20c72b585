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
  'too-large': '文档过大（{length}个字符，上限{limit}），未作检查。报告正文通常不超过5万字，请确认粘贴的内容',
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
  'too-large': 'The document is too large to check ({length} characters, limit {limit}). A report is rarely over 50,000 characters; check what was pasted',
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
