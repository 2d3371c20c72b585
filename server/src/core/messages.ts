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
  'large-document': '文档较大（{size} 个字符，超过上限 {max}，见设置 govreport.maxDocumentSize）：为保持输入流畅，已跳过耗时的检查；大纲和必备部分照常检查',
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
  'large-document': 'Large document ({size} characters, above the limit of {max}, see the setting govreport.maxDocumentSize): costly checks are skipped to keep typing fluid; the outline and the mandatory parts are still checked',
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
