/**
 * The snippets of the report language, built from a profile so the standard heading wording
 * and part skeletons stay in one place (profiles/*.json). `scripts/snippets.ts` writes them to
 * snippets/govreport.json; a test checks that file is current and that every snippet, expanded,
 * reads right to the real engine.
 *
 * Years: a report is written early in the year after the one it reports on, so the report year
 * defaults to $CURRENT_YEAR − 1 and the next-year part mirrors the report year + 1. Snippets
 * cannot add, so both are regex transforms over the four digits (2029 → 2030, 2030 → 2029).
 */
import type { Profile } from '../../server/src/core/document/profile';
import { ADDRESSEES } from '../../server/src/core/edits/skeleton';

export interface Snippet {
  readonly prefix: readonly string[];
  readonly body: readonly string[];
  readonly description: string;
}

const D = '(\\d)';
const ALTS = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `(${from + i})`).join('|');
const conds = (first: number, values: string[]) => values.map((v, i) => `\${${first + i}:+${v}}`).join('');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Regex transform: a four-digit year minus one. */
const DECREMENT = `/^(\\d\\d)(?:${D}(?:${ALTS(1, 9)})|(?:${ALTS(1, 9)})0)$/$1$2${conds(3, range(0, 8).map(String))}${conds(
  12,
  range(0, 8).map((t) => `${t}9`),
)}/`;
/** Regex transform: a four-digit year plus one. */
const INCREMENT = `/^(\\d\\d)(?:${D}(?:${ALTS(0, 8)})|(?:${ALTS(0, 8)})9)$/$1$2${conds(3, range(1, 9).map(String))}${conds(
  12,
  range(1, 9).map((t) => `${t}0`),
)}/`;

/** The report year as a tab stop (default: last year) and its mirrors. */
function years(stop: number) {
  return {
    define: `\${${stop}:\${CURRENT_YEAR${DECREMENT}}}`,
    mirror: `\${${stop}}`,
    next: `\${${stop}${INCREMENT}}`,
  };
}

/** The 成文日期 as GB/T 9704 writes it: Arabic numerals, no leading zeros. */
const TODAY = '${CURRENT_YEAR}年${CURRENT_MONTH/^0//}月${CURRENT_DATE/^0//}日';

/** Snippet text must not be read as syntax. */
function escape(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A part's heading text and body, with the years filled in and `{cursor}` as the writer's first stop. */
function partText(profile: Profile, id: string, y: ReturnType<typeof years>, cursor: string): string[] {
  const part = profile.parts.find((p) => p.id === id)!;
  const marks: Record<string, string> = { '{year}': y.mirror, '{nextYear}': y.next, '{cursor}': cursor };
  const fill = (s: string) =>
    s
      .split(/(\{year\}|\{nextYear\}|\{cursor\})/)
      .map((piece) => marks[piece] ?? escape(piece))
      .join('');
  return [fill(part.standardHeading ?? part.name['zh-cn']), ...(part.skeleton ?? ['{cursor}']).map(fill)];
}

function mandatoryInOrder(profile: Profile): string[] {
  const order = profile.conventionalOrder ?? profile.parts.map((p) => p.id);
  return order.filter((id) => profile.parts.find((p) => p.id === id)?.mandatory);
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The whole-report skeleton of a profile. The default kind's title reads 关于……情况的报告;
 * other kinds use their name as the title (…2024年政府信息公开工作年度报告), which is what
 * chooses their profile when the draft is read.
 */
function wholeReport(profile: Profile, prefix: readonly string[], asDefault: boolean): Snippet {
  const y = years(2);
  const kind = profile.name['zh-cn'];
  const topic = kind.replace(/年度报告$/, '');
  const title = asDefault ? `\${1}关于${y.define}年${escape(topic)}情况的报告` : `\${1}${y.define}年${escape(kind)}`;
  const body: string[] = [
    '${1:某某镇人民政府}',
    title,
    '',
    `\${3|${ADDRESSEES.join(',')}|}：`,
    `${y.mirror}年，\${1}坚持以习近平新时代中国特色社会主义思想为指导，\${4:……}现将有关情况报告如下：`,
  ];
  mandatoryInOrder(profile).forEach((id, i) => {
    const [heading, ...rest] = partText(profile, id, y, i === 0 ? '${5:……}' : '……');
    body.push(`${CN[i]}、${heading}`, ...rest);
  });
  body.push('', '${1}', TODAY, '$0');
  return { prefix, body, description: `${kind}：发文机关、标题、主送机关、导语、全部必备部分和落款` };
}

export function buildSnippets(profile: Profile): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  const y = years(2);
  out[`${profile.name['zh-cn']}（全文）`] = wholeReport(profile, profile.snippetPrefixes ?? [profile.id], true);

  // Each part on its own, with its ordinal to choose.
  for (const part of profile.parts) {
    const prefix = part.snippetPrefixes;
    if (!prefix?.length) continue;
    const [heading, ...rest] = partText(profile, part.id, y, '$0');
    const yearStop = heading.includes(y.mirror) || heading.includes(y.next) || rest.some((l) => l.includes(y.mirror));
    out[`部分：${part.name['zh-cn']}`] = {
      prefix,
      body: [`\${1|${CN.slice(0, 6).join(',')}|}、${yearStop ? replaceFirstYear(heading, y) : heading}`, ...rest],
      description: `${part.mandatory ? '必备部分' : '部分'}：${part.name['zh-cn']}（标准标题和提纲）`,
    };
  }

  // Heading levels (GB/T 9704 §7.3.3) and a 一是 run.
  const levels: [string, string[], string][] = [
    ['一级标题 一、', ['一级标题', 'yjbt', 'h1'], '${1|一,二,三,四,五,六,七,八,九,十|}、${2:标题}'],
    ['二级标题 （一）', ['二级标题', 'ejbt', 'h2'], '（${1|一,二,三,四,五,六,七,八,九,十|}）${2:标题}'],
    ['三级标题 1.', ['三级标题', 'sjbt', 'h3'], '${1:1}.${2:标题}'],
    ['四级标题 （1）', ['四级标题', 'sijbt', 'h4'], '（${1:1}）${2:标题}'],
  ];
  for (const [name, prefix, line] of levels) {
    out[name] = { prefix, body: [line, '$0'], description: `${name}（GB/T 9704 结构层次序数）` };
  }
  out['一是、二是、三是'] = {
    prefix: ['一是', 'ys', 'yishi'],
    body: ['一是${1:……}。二是${2:……}。三是${3:……}。$0'],
    description: '一是……二是……三是……（段内列举）',
  };

  // The signature block.
  out['落款'] = {
    prefix: ['落款', 'lk', 'luokuan'],
    body: ['', '${1:某某镇人民政府}', `\${2:${TODAY}}`, '$0'],
    description: '落款：发文机关署名和成文日期（阿拉伯数字）',
  };
  return out;
}

/** In a lone part, the first year becomes the year tab stop (default last year). */
function replaceFirstYear(heading: string, y: ReturnType<typeof years>): string {
  const first = [y.mirror, y.next]
    .map((m) => ({ m, i: heading.indexOf(m) }))
    .filter((x) => x.i >= 0)
    .sort((a, b) => a.i - b.i)[0];
  if (!first) return heading;
  if (first.m === y.next) {
    // A next-year part alone: the year it plans for is this year.
    return heading.replace(y.next, '${2:${CURRENT_YEAR}}');
  }
  return heading.replace(y.mirror, y.define);
}

/** Every snippet of the default kind, plus the whole-report skeleton of each other kind. */
export function snippetsJson(defaultKind: Profile, otherKinds: readonly Profile[] = []): string {
  const out = buildSnippets(defaultKind);
  for (const p of otherKinds) {
    const prefix = p.snippetPrefixes ?? [p.id];
    out[`${p.name['zh-cn']}（全文）`] = wholeReport(p, prefix, false);
  }
  return JSON.stringify(out, null, 2) + '\n';
}
