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
  'fix-all': '修正本文件中所有同类问题（{code}）',
  'fix-all.source': '修正本文件中所有可自动修正的问题',
  'part-without-causes': '“存在的不足”部分只列问题，没有分析原因（应写明不足和原因）',
  'empty-part': '“{part}”部分没有实质内容',
  'heading-sequence.skipped': '序号不连续：“{text}”处应为“{expected}”',
  'heading-sequence.repeated': '序号重复：“{text}”处应为“{expected}”',
  'heading-sequence.order': '序号顺序错误：“{text}”处应为“{expected}”',
  'heading-sequence.fix': '重新编号本级标题',
  'heading-style.form': '序号“{text}”不符合公文格式（GB/T 9704），应为“{expected}”',
  'heading-style.level': '第二层标题应使用“（一）”式序号：“{text}”应为“{expected}”',
  'heading-style.fix': '改为“{expected}”',
  'heading-style.fixAll': '规范本文件中所有标题序号的写法',
  'heading-style.indent': '一级标题“{text}”前有缩进，与其他一级标题不一致',
  'heading-style.indent.fix': '删除标题前的空格',
  'year-mismatch.heading': '标题中的年份（{found}年）与报告年度（{year}年）不符：“{part}”应为{expected}年',
  'year-mismatch.early': '成文日期{date}早于报告年度（{year}年）结束',
  'year-mismatch.deadline': '成文日期{date}晚于{deadline}（次年{month}月{day}日）',
  'missing-title': '未找到报告标题',
  'missing-signature': '未找到落款（发文机关署名和成文日期）',
  'missing-signature.bodies': '落款缺少发文机关署名',
  'missing-signature.date': '落款缺少成文日期',
  'debris.bookmark': '残留的书签标记：{text}',
  'debris.web': '残留的网页内容：{text}',
  'debris.page-number': '残留的页码：{text}',
  'debris.fix': '删除残留内容',
  'debris.fixAll': '删除本文件中所有残留内容',
  'unbalanced-pair.unclosed': '「{open}」没有对应的「{close}」',
  'unbalanced-pair.stray': '「{open}」前面没有对应的「{other}」',
  'placeholder': '模板占位内容未替换：{text}',
  'punctuation-width': '中文中使用了半角标点（{count}处：{marks}）',
  'punctuation-width.fix': '改为全角标点（本行）',
  'punctuation-width.fixAll': '将本文件中所有半角标点改为全角',
  'renumber.title': '重新编号',
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
  'large-document': 'Large document ({size} characters, above the limit of {max}, see the setting govreport.maxDocumentSize): costly checks are skipped to keep typing fluid; the outline and the mandatory parts are still checked',
  'fix-all': 'Fix all of this kind in the file ({code})',
  'fix-all.source': 'Fix everything that can be fixed automatically in the file',
  'part-without-causes': 'The shortcomings part lists problems but gives no causes (the rule asks for shortcomings and their causes)',
  'empty-part': 'The part "{part}" has no content',
  'heading-sequence.skipped': 'Numbering skips: "{text}" should be "{expected}"',
  'heading-sequence.repeated': 'Numbering repeats: "{text}" should be "{expected}"',
  'heading-sequence.order': 'Numbering out of order: "{text}" should be "{expected}"',
  'heading-sequence.fix': 'Renumber this level',
  'heading-style.form': 'The ordinal "{text}" is not in the GB/T 9704 form; write "{expected}"',
  'heading-style.level': 'Level-two headings use "（一）" ordinals: "{text}" should be "{expected}"',
  'heading-style.fix': 'Change to "{expected}"',
  'heading-style.fixAll': 'Normalise every heading ordinal in the file',
  'heading-style.indent': 'The level-one heading "{text}" is indented, unlike the other level-one headings',
  'heading-style.indent.fix': 'Remove the spaces before the heading',
  'year-mismatch.heading': 'The year in the heading ({found}) does not match the report year ({year}): "{part}" should name {expected}',
  'year-mismatch.early': 'The date {date} is before the end of the report year ({year})',
  'year-mismatch.deadline': 'The date {date} is after {deadline} ({month}/{day} of the following year)',
  'missing-title': 'No report title found',
  'missing-signature': 'No signature (issuing body and date) found',
  'missing-signature.bodies': 'The signature names no issuing body',
  'missing-signature.date': 'The signature has no date',
  'debris.bookmark': 'Word bookmark left in the text: {text}',
  'debris.web': 'Web-page text left in the report: {text}',
  'debris.page-number': 'Page number left in the text: {text}',
  'debris.fix': 'Remove the debris',
  'debris.fixAll': 'Remove all debris in the file',
  'unbalanced-pair.unclosed': '"{open}" is never closed with "{close}"',
  'unbalanced-pair.stray': '"{open}" has no "{other}" before it',
  'placeholder': 'Template placeholder left in the text: {text}',
  'punctuation-width': 'Half-width punctuation in Chinese text ({count}: {marks})',
  'punctuation-width.fix': 'Convert to full-width punctuation (this line)',
  'punctuation-width.fixAll': 'Convert all half-width punctuation in the file',
  'renumber.title': 'Renumber',
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
