/**
 * Every message a user reads, Chinese first, English available. Keys are stable; rules look
 * messages up by key so wording changes never touch rule code. The keys are typed: a misspelt
 * key, or an English catalog lacking a key the Chinese one has (or the other way round), fails
 * the type check.
 */
import type { Locale } from './model';

type Args = Record<string, string | number>;
const zh = {
  'figure-sum.table': '表格数字不符：{detail}',
  'figure-sum.table.row': '“{row}”各列相加为 {sum}，总计列为 {total}',
  'figure-sum.table.equation': '第{column}列 {left} = {leftSum}，而 {right} = {rightSum}',
  'figure-sum.table.column': '第{column}列分项相加为 {sum}，“{row}”为 {total}',
  'hover.figure.exact': '{text}（确数）',
  'hover.figure.approximate': '{text}（约数，约 {value}{unit}）',
  'hover.figure.noLabel': '（未识别出统计对象）',
  'hover.figure.subject': '统计对象取自前文：{subject}',
  'hover.figure.part': '所在部分：{part}',
  'hover.figure.outside': '不在正文部分中',
  'hover.figure.section': '所在章节：{section}',
  'hover.figure.related': '同句数字：{list}',
  'hover.figure.ok': '✓ 数字核对未发现矛盾',
  'hover.figure.lastYear': '{label} {value}，上年 {last}，{change}（{year}年报告）',
  'hover.figure.points': '{change}个百分点',
  'hover.table.label': '统计对象',
  'hover.table.value': '数值',
  'hover.table.unit': '单位',
  'hover.heading.count': '本节共 {count} 个数字',
  'hover.title.heading': '全文共 {count} 个数字，按必备部分：',
  'hover.title.part': '必备部分',
  'hover.title.figures': '数字',
  'hover.title.weak': '没有具体数字，偏弱',
  'hover.title.absent': '缺少该部分',
  'figure.describe': '{label}{value}',
  'figure.list': '；',
  'figure-sum': '合计与分项不符：{label}{total}{unit}，分项相加 {items} = {sum}{unit}',
  'figure-percent.shares': '占比与数量不符（{total}）：{items}',
  'figure-percent.item': '{item}应占{exact}%（写作{stated}）',
  'figure-percent.rate': '{rate}与数量不符：{part} ÷ {whole} = {exact}%',
  'figure-rate.over': '{rate}：比率不会超过100%',
  'figure-rate.count': '{count}超过了总数（{total}）',
  'missing-part': '缺少必备部分：{part}',
  'missing-part.mentioned': '缺少必备部分：{part}。第{line}行的“{name}”提到了该内容，但它只是下级条目，不是独立的部分',
  'missing-part.fix': '插入“{part}”部分',
  'part.detail.mandatory': '必备部分：{part}',
  'part.detail.optional': '部分：{part}',
  'part.detail.inferred': '（按主题归为）{part}',
  'part.detail.combined': '、',
  'completion.next': '接续 {previous}',
  'completion.first': '{parent} 下的第一项',
  'completion.firstPart': '第一部分',
  'completion.part': '插入缺少的必备部分：{part}',
  'codelens.summary': '{profile} · 必备部分 {present}/{total}',
  'codelens.missing': '缺少：{part}',
  'server.practised':
    'govreport：已在示例报告上练习输入 {keystrokes} 次按键，并练习打开 {reports} 份报告（{ms} 毫秒），首次输入和打开不再等待编译',
  'status.counts': '{errors} 个错误 · {warnings} 个警告',
  'ignore.action': '在本工作区忽略此问题（{code}）',
  'status.tooltip': '{profile}：必备部分 {present}/{total}；错误 {errors}，警告 {warnings}。点击打开“问题”面板。',
  'workspace.checked': '已检查 {reports} 份报告（另有 {open} 份已打开）：{errors} 个错误，{warnings} 个警告',
  'assessor.page': '审核汇总页：{reports} 份报告，{errors} 个错误，{warnings} 个警告，{pairs} 对相似报告',
  'assessor.noReports': '文件夹中没有找到报告文件（{folder}）',
  'assessor.unreadable': '无法读取 {file}',
  'codelens.figures': '数据 {count} 项',
  'codelens.noFigures': '没有数据',
  'large-document':
    '文档较大（{size} 个字符，超过上限 {max}，见设置 govreport.maxDocumentSize）：为保持输入流畅，已跳过耗时的检查；大纲和必备部分照常检查',
  'fix-all.source': '修正本文件中所有可自动修正的问题',
  'fix-all.changed': '文档在修正时已被改动，修正已停止（已修正 {done} 处），请重新执行',
  'part-without-causes': '“存在的不足”部分只列问题，没有分析原因（应写明不足和原因）',
  'empty-part': '“{part}”部分没有实质内容',
  'heading-sequence.skipped': '序号不连续：“{text}”处应为“{expected}”',
  'heading-sequence.repeated': '序号重复：“{text}”处应为“{expected}”',
  'heading-sequence.order': '序号顺序错误：“{text}”处应为“{expected}”',
  'heading-sequence.fix': '重新编号本级标题',
  'heading-style.form': '序号“{text}”不符合公文格式（GB/T 9704），应为“{expected}”',
  'heading-style.lost': '部分标题“{text}”缺少序号（Word 自动编号未随文字复制），应加“{expected}”',
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
  'debris.metadata': '残留的网页信息栏（索引号、发布机构等）：{text}',
  'debris.template': '残留的范文网站或水印文字：{text}',
  'debris.running-header': '残留的页眉或页脚：{text}',
  'debris.fix': '删除残留内容',
  'run-on-text': '此行丢失了换行：{count} 个标题与正文连在一行',
  'run-on-text.fix': '在每个标题前换行',
  'run-on-text.fixAll': '在本文件所有连在一行的标题前换行',
  'debris.fixAll': '删除本文件中所有残留内容',
  'unbalanced-pair.unclosed': '「{open}」没有对应的「{close}」',
  'unbalanced-pair.stray': '「{open}」前面没有对应的「{other}」',
  placeholder: '模板占位内容未替换：{text}',
  'punctuation-width': '中文中使用了半角标点（{count}处：{marks}）',
  'punctuation-width.fix': '改为全角标点（本行）',
  'punctuation-width.fixAll': '将本文件中所有半角标点改为全角',
  'renumber.title': '重新编号',
  'severity.error': '错误',
  'severity.warning': '警告',
  'severity.information': '提示',
  'severity.hint': '建议',
  'dated-reference.date': '引用了“{name}”，但它{happened}才发生，晚于本报告的成文日期（{date}）',
  'dated-reference.year': '引用了“{name}”，但它{happened}才发生，晚于报告年度（{year}年）结束',
  'outdated-reference.name': '“{old}”是旧称，现称“{current}”',
  'outdated-reference.hint': '“{old}”是旧提法，现为“{current}”',
  'outdated-reference.fix': '改为“{current}”',
  'outdated-reference.period': '“{name}”时期是{from}—{until}年，不含{year}年',
  'outdated-reference.guiding': '指导思想只提到“{cited}”，而{newer}（{date}）已召开',
  'reused-text': '与上年报告重复{percent}%（{file} 第{line}行）',
  'stale-figures': '数字与上年报告（{file} 第{line}行）相同：{figures}，可能沿用了上年数据',
  'hover.reused': '**上年报告**（{file} 第{line}行，重复{percent}%）：',
  'codelens.reused': '与上年报告重复 {percent}%',
  'hover.reference.event': '**{name}**：{date}',
  'hover.reference.period': '**{name}**：{from}—{until}年',
  'hover.reference.name': '**{name}**：旧称，自{date}起为“{current}”',
  'too-large': '文档过大（{length}个字符，上限{limit}），未作检查。报告正文通常不超过5万字，请确认粘贴的内容',
} as const satisfies Record<string, string>;

/** A message key: one of the Chinese catalog's. */
export type MessageKey = keyof typeof zh;
type Catalog = Readonly<Record<MessageKey, string>>;

const en: Catalog = {
  'figure-sum.table': 'Table figures disagree: {detail}',
  'figure-sum.table.row': '"{row}": the columns add up to {sum}, the total column says {total}',
  'figure-sum.table.equation': 'column {column}: {left} = {leftSum}, but {right} = {rightSum}',
  'figure-sum.table.column': 'column {column}: the items add up to {sum}, "{row}" says {total}',
  'hover.figure.exact': '{text} (exact)',
  'hover.figure.approximate': '{text} (approximate, about {value} {unit})',
  'hover.figure.noLabel': '(what is counted was not recognised)',
  'hover.figure.subject': 'What is counted comes from earlier in the sentence: {subject}',
  'hover.figure.part': 'Part: {part}',
  'hover.figure.outside': 'outside the numbered parts',
  'hover.figure.section': 'Section: {section}',
  'hover.figure.related': 'Same sentence: {list}',
  'hover.figure.ok': '✓ No contradiction found among the figures',
  'hover.figure.lastYear': '{label} {value}, last year {last}, {change} ({year} report)',
  'hover.figure.points': '{change} percentage points',
  'hover.table.label': 'What',
  'hover.table.value': 'Value',
  'hover.table.unit': 'Unit',
  'hover.heading.count': '{count} figures in this section',
  'hover.title.heading': '{count} figures in the report, by mandatory part:',
  'hover.title.part': 'Mandatory part',
  'hover.title.figures': 'Figures',
  'hover.title.weak': 'no concrete figures: weak',
  'hover.title.absent': 'part missing',
  'figure.describe': '{label} {value}',
  'figure.list': '; ',
  'figure-sum': 'Total and items disagree: {label} {total} {unit}, but the items add up to {items} = {sum} {unit}',
  'figure-percent.shares': 'Shares do not match the counts (of {total}): {items}',
  'figure-percent.item': '{item} is {exact}% (stated {stated})',
  'figure-percent.rate': '{rate} does not match the counts: {part} ÷ {whole} = {exact}%',
  'figure-rate.over': '{rate}: a rate cannot exceed 100%',
  'figure-rate.count': '{count} exceeds its total ({total})',
  'missing-part': 'Missing mandatory part: {part}',
  'missing-part.mentioned':
    'Missing mandatory part: {part}. "{name}" on line {line} mentions it, but only as a sub-item, not as a part of its own',
  'missing-part.fix': 'Insert the part "{part}"',
  'part.detail.mandatory': 'Mandatory part: {part}',
  'part.detail.optional': 'Part: {part}',
  'part.detail.inferred': '(by topic) {part}',
  'part.detail.combined': ', ',
  'completion.next': 'Next after {previous}',
  'completion.first': 'First item under {parent}',
  'completion.firstPart': 'First part',
  'completion.part': 'Insert the missing mandatory part: {part}',
  'codelens.summary': '{profile} · mandatory parts {present}/{total}',
  'codelens.missing': 'Missing: {part}',
  'server.practised':
    'govreport: practised {keystrokes} keystrokes on the example report and opened {reports} reports ({ms} ms), so the first ones typed or opened do not wait for the compiler',
  'status.counts': '{errors} errors · {warnings} warnings',
  'ignore.action': 'Ignore this finding in this workspace ({code})',
  'status.tooltip': '{profile}: mandatory parts {present}/{total}; {errors} errors, {warnings} warnings. Click to open the Problems view.',
  'workspace.checked': 'Checked {reports} reports ({open} more are open): {errors} errors, {warnings} warnings',
  'assessor.page': "Assessor's page: {reports} reports, {errors} errors, {warnings} warnings, {pairs} near-copy pairs",
  'assessor.noReports': 'No report files found in the folder ({folder})',
  'assessor.unreadable': 'Cannot read {file}',
  'codelens.figures': '{count} figures',
  'codelens.noFigures': 'no figures',
  'large-document':
    'Large document ({size} characters, above the limit of {max}, see the setting govreport.maxDocumentSize): costly checks are skipped to keep typing fluid; the outline and the mandatory parts are still checked',
  'fix-all.source': 'Fix everything that can be fixed automatically in the file',
  'fix-all.changed': 'The document changed while the fixes were applied; stopped after {done} edits. Run the fix again',
  'part-without-causes': 'The shortcomings part lists problems but gives no causes (the rule asks for shortcomings and their causes)',
  'empty-part': 'The part "{part}" has no content',
  'heading-sequence.skipped': 'Numbering skips: "{text}" should be "{expected}"',
  'heading-sequence.repeated': 'Numbering repeats: "{text}" should be "{expected}"',
  'heading-sequence.order': 'Numbering out of order: "{text}" should be "{expected}"',
  'heading-sequence.fix': 'Renumber this level',
  'heading-style.form': 'The ordinal "{text}" is not in the GB/T 9704 form; write "{expected}"',
  'heading-style.lost': 'The part heading "{text}" has lost its ordinal (Word numbering not copied with the text); write "{expected}"',
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
  'debris.metadata': 'Web-page metadata (index number, publisher …) left in the report: {text}',
  'debris.template': 'Template-site boilerplate or watermark left in the report: {text}',
  'debris.running-header': 'Running header or footer left in the text: {text}',
  'debris.fix': 'Remove the debris',
  'run-on-text': 'This line lost its line breaks: {count} headings run on with the text',
  'run-on-text.fix': 'Put each heading on its own line',
  'run-on-text.fixAll': 'Put every run-on heading in the file on its own line',
  'debris.fixAll': 'Remove all debris in the file',
  'unbalanced-pair.unclosed': '"{open}" is never closed with "{close}"',
  'unbalanced-pair.stray': '"{open}" has no "{other}" before it',
  placeholder: 'Template placeholder left in the text: {text}',
  'punctuation-width': 'Half-width punctuation in Chinese text ({count}: {marks})',
  'punctuation-width.fix': 'Convert to full-width punctuation (this line)',
  'punctuation-width.fixAll': 'Convert all half-width punctuation in the file',
  'renumber.title': 'Renumber',
  'severity.error': 'error',
  'severity.warning': 'warning',
  'severity.information': 'info',
  'severity.hint': 'hint',
  'dated-reference.date': 'Cites "{name}", which happened on {happened}, after the date of this report ({date})',
  'dated-reference.year': 'Cites "{name}", which happened on {happened}, after the end of the report year ({year})',
  'outdated-reference.name': '"{old}" is an old name; the current one is "{current}"',
  'outdated-reference.hint': '"{old}" is dated wording; now "{current}"',
  'outdated-reference.fix': 'Change to "{current}"',
  'outdated-reference.period': 'The "{name}" period is {from}–{until}; it does not include {year}',
  'outdated-reference.guiding': 'The guiding thought stops at "{cited}", but {newer} ({date}) had taken place',
  'reused-text': "{percent}% repeats last year's report ({file}, line {line})",
  'stale-figures': "The figures are those of last year's report ({file}, line {line}): {figures}; were they updated?",
  'hover.reused': "**Last year's report** ({file}, line {line}, {percent}% repeated):",
  'codelens.reused': "{percent}% repeats last year's report",
  'hover.reference.event': '**{name}**: {date}',
  'hover.reference.period': '**{name}**: {from}–{until}',
  'hover.reference.name': '**{name}**: old name; "{current}" since {date}',
  'too-large':
    'The document is too large to check ({length} characters, limit {limit}). A report is rarely over 50,000 characters; check what was pasted',
};

const catalogs: Record<Locale, Catalog> = { 'zh-cn': zh, en };

/** Chinese unless the client asked for English. */
export function toLocale(tag: string | undefined | null): Locale {
  return tag && tag.toLowerCase().startsWith('en') ? 'en' : 'zh-cn';
}

export function t(locale: Locale, key: MessageKey, args: Args = {}): string {
  // The pieces found by locale and key in one map: the catalog's property looked up by a key string
  // (a table of ~200 properties) and then the template's pieces by the template: 320-330 → 255-265
  // ns a call over five of the analysis's keys in both locales (3 pairs).
  const byKey = locale === 'zh-cn' ? compiledZh : locale === 'en' ? compiledEn : undefined;
  let pieces = byKey?.get(key);
  if (pieces === undefined) {
    pieces = split(catalogs[locale][key] ?? zh[key] ?? key);
    byKey?.set(key, pieces);
  }
  // Literal text at even places, placeholder names at odd ones.
  let out = pieces[0];
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i];
    out += (name in args ? String(args[name]) : `{${name}}`) + pieces[i + 1];
  }
  return out;
}

/** Each template split once at its placeholders (t runs for every finding of every analysis). */
const compiled = new Map<string, string[]>();

function split(template: string): string[] {
  let pieces = compiled.get(template);
  if (!pieces) compiled.set(template, (pieces = template.split(/\{(\w+)\}/)));
  return pieces;
}

/** The pieces of each key's template, by locale. */
const compiledZh = new Map<string, string[]>();
const compiledEn = new Map<string, string[]>();
