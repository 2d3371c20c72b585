/**
 * A corpus of reports as portals and crawlers publish them (issue 23, DOMAIN.md §7), built from clean
 * reports (the seeds when present, the repository's fixture reports always): each report rendered as
 * many page shapes — metadata blocks as tables, `label：value` lines and crawler lists, reading tools
 * and share widgets a word a line, breadcrumbs, bilingual banners, date lines, navigation, template
 * sites' intros, outros and watermarks, a crawler's own header, the title glued to chrome — and as the
 * same pages flattened into one line. Every piece of a page knows whether it is chrome or the
 * writer's, so `measure` can count what the analysis recognised and what it took from the writer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, fixAllCodes, mergeEdits, type ReportModel } from '../../server/src/core';
import { applyEdits } from './edits';
import { haveSeeds, seed } from './seeds';

/** A piece of a line: chrome (a portal's or a crawler's) or the writer's words. */
export interface Segment {
  readonly text: string;
  readonly chrome: boolean;
  /** The class of chrome it stands for (for per-class figures). */
  readonly cls?: string;
}
export type PageLine = readonly Segment[];

export interface CleanReport {
  readonly name: string;
  readonly text: string;
}

export interface Page {
  readonly name: string;
  readonly report: string;
  readonly flat: boolean;
  readonly lines: readonly PageLine[];
  /** What the clean report reads as: its title and its missing parts. */
  readonly title: string | undefined;
  readonly missing: readonly string[];
  readonly profile: string;
}

const ROOT = resolve(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');

/** Seed 2 is itself a portal page: its chrome lines (DOMAIN.md §3) are set aside for the clean report. */
const SEED2_CHROME = /^(?:您当前|\[ 索引号|日期:|语音|进入|退出|扫一扫|返回|部门街镇|政务新媒体|智能问答|收起)/;

/** The clean reports: fixture reports of several shapes, an 信息公开 report, and the seeds when present. */
export function cleanReports(): CleanReport[] {
  const reports: CleanReport[] = [
    'county-wenhao',
    'town-signature',
    'province-department',
    'department-fr-first',
    'bureau-no-shortcomings',
    'combined-shortcomings-next',
    'township-bodies-doc',
    'wrapped-title-year-line',
  ]
    .filter((n) => existsSync(join(FIXTURES, 'reports', `${n}.txt`)))
    .map((n) => ({ name: n, text: readFileSync(join(FIXTURES, 'reports', `${n}.txt`), 'utf8').replace(/\r\n/g, '\n') }));
  reports.push({ name: 'xxgk-national', text: readFileSync(join(FIXTURES, 'portal', 'xxgk-national.txt'), 'utf8') });
  if (haveSeeds)
    for (const n of [0, 1, 2, 3, 4]) {
      let text = seed(n).replace(/\r\n/g, '\n');
      if (n === 2)
        text = text
          .split('\n')
          .filter((l) => !SEED2_CHROME.test(l.trim()))
          .join('\n');
      reports.push({ name: `seed${n}`, text });
    }
  return reports;
}

/** A small deterministic generator (mulberry32): the same corpus on every run. */
function random(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Context {
  readonly body: string;
  readonly year: number;
  readonly pick: <T>(xs: readonly T[]) => T;
}

const chrome = (cls: string, ...texts: string[]): PageLine[] => texts.map((text) => [{ text, chrome: true, cls }]);

// —— chrome above the report ——————————————————————————————————————————————————————————————

const breadcrumbs = (c: Context): PageLine[] =>
  c.pick([
    () => chrome('breadcrumb', '首页 > 政务公开 > 法治政府建设'),
    () => chrome('breadcrumb', '您当前的位置：首页 > 信息公开 > 法定主动公开内容 > 法治政府建设'),
    () => chrome('breadcrumb', '当前位置：首页>政务公开>年度报告'),
    () => chrome('breadcrumb', '首页 » 政府信息公开 » 法治政府建设年度报告'),
    () => chrome('breadcrumb', '网站首页 >> 政务公开 >> 工作报告'),
    () => chrome('breadcrumb', '您现在的位置：', '首页 > 政务公开 > 法治政府建设'),
    () => chrome('breadcrumb', '首页', '>', '政务公开', '>', '法治政府建设'),
    () => chrome('breadcrumb', '[首页](http://www.mx.gov.cn/) > [政务公开](http://www.mx.gov.cn/zwgk/) > 法治政府建设'),
  ])();

const metadataBlock = (c: Context): PageLine[] => {
  const index = `11500106MB1A23456X/${c.year + 1}-000${10 + Math.floor(c.pick([1, 2, 3, 4, 5, 6, 7, 8]))}`;
  const date = `${c.year + 1}-01-2${c.pick([0, 2, 5, 8])}`;
  return c.pick([
    // One cell a line, as a table pasted.
    () => chrome('metadata-table', '索引号', index, '发布机构', c.body, '主题分类', '综合政务', '成文日期', date, '发布日期', date),
    // Tab-separated rows of a table.
    () => chrome('metadata-table', `索引号\t${index}\t发布机构\t${c.body}`, `主题分类\t综合政务\t成文日期\t${date}`),
    // A Markdown table.
    () =>
      chrome(
        'metadata-table',
        `| 索引号 | ${index} | 发布机构 | ${c.body} |`,
        '| --- | --- | --- | --- |',
        `| 主题分类 | 综合政务 | 成文日期 | ${date} |`,
      ),
    // label：value lines.
    () => chrome('metadata-lines', `索引号：${index}`, `发布机构：${c.body}`, `发布日期：${date}`, '主题分类：其他', '有效性：有效'),
    () => chrome('metadata-lines', `索 引 号：${index}`, `发文机关：${c.body}`, `成文日期：${date}`, `文　　号：`, '主 题 词：'),
    () => chrome('metadata-lines', `发布时间：${date} 10:30 来源：${c.body} 浏览次数：1234`),
    () => chrome('metadata-lines', `来源：${c.body}`, `发布时间：${date}`, '作者：张三'),
    // Crawler and Markdown converter lists.
    () =>
      chrome(
        'metadata-list',
        `- [ 索引号 ] ${index}`,
        `- [ 发布机构 ] ${c.body}`,
        '- [ 主题分类 ] 综合政务',
        `- [ 成文日期 ] ${date}`,
        `- [ 发布日期 ] ${date}`,
      ),
    () => chrome('metadata-list', `* **索引号**：${index}`, `* **发布机构**：${c.body}`, `* **发布日期**：${date}`),
    () => chrome('metadata-list', `- 索引号：${index}`, `- 发布机构：${c.body}`, '- 主题分类：其他'),
    // Seed 2's shape: bracketed pairs on one line.
    () => chrome('metadata-pairs', `[ 索引号 ]${index} [ 发文字号 ] [ 发布机构 ]${c.body} [ 主题分类 ]其他 [ 成文日期 ]${date} [ 有效性 ]`),
    // One label a line, its value on the next.
    () => chrome('metadata-lines', '索引号：', index, '发布机构：', c.body, '发布日期：', date),
  ])();
};

const tools = (c: Context): PageLine[] =>
  c.pick([
    () => chrome('tools', '【字体：大 中 小】【打印】【关闭】'),
    () => chrome('tools', '字号：', '大', '中', '小'),
    () => chrome('tools', '大', '中', '小'),
    () => chrome('tools', '【大】【中】【小】'),
    () => chrome('tools', 'A+ A A-'),
    () => chrome('tools', '语音播报'),
    () => chrome('tools', '打印本页 关闭窗口'),
    () => chrome('tools', '字体：', '大', '中', '小', '打印', '关闭'),
  ])();

const share = (c: Context): PageLine[] =>
  c.pick([
    () => chrome('share', '分享到：', '微信', '微博', 'QQ空间'),
    () => chrome('share', '分享到：微信 微博 QQ空间'),
    () => chrome('share', '分享：'),
    () => chrome('share', '分享到：'),
    () => chrome('share', '扫一扫在手机打开当前页'),
  ])();

const banner = (c: Context): PageLine[] =>
  c.pick([
    () => chrome('banner', `${c.body} The People's Government of Mou County`),
    () => chrome('banner', `${c.body}门户网站`),
    () => chrome('banner', `${c.body} ${c.year + 1}年3月4日星期二`),
    () => chrome('banner', `今天是${c.year + 1}年3月4日 星期二`),
    () => chrome('banner', `${c.year + 1}年3月4日 星期二 农历二月初五`),
    () => chrome('banner', '某某县人民政府网', 'www.mx.gov.cn'),
  ])();

const navigation = (c: Context): PageLine[] =>
  c.pick([
    () => chrome('navigation', '首页', '政务公开', '政务服务', '互动交流', '走进某某'),
    () => chrome('navigation', '首页 | 政务公开 | 政务服务 | 互动交流 | 走进某某'),
    () => chrome('navigation', '政府信息公开', '法治政府建设'),
    () => chrome('navigation', '新闻中心', '通知公告', '政策文件'),
  ])();

const crawler = (c: Context): PageLine[] =>
  c.pick([
    () => chrome('crawler', `D:\\crawl\\gov\\某某\\${c.year}年法治政府建设情况报告.html`),
    () => chrome('crawler', `/data/crawl/fzzf/${c.year + 1}0120_123.html`),
    () => chrome('crawler', `http://www.mx.gov.cn/zwgk/fzzfjs/${c.year + 1}01/t${c.year + 1}0120_123.html`),
    () =>
      chrome(
        'crawler',
        '栏目：法治政府建设',
        `来源网址：http://www.mx.gov.cn/zwgk/t${c.year + 1}0120_123.html`,
        `采集时间：${c.year + 1}-03-01 10:00:00`,
      ),
    () => chrome('crawler', '法治政府建设年度报告', `http://www.mx.gov.cn/zwgk/t${c.year + 1}0120_456.html`),
    () => chrome('crawler', '政府信息公开年报'),
  ])();

const templateIntro = (c: Context): PageLine[] =>
  c.pick([
    () => chrome('template', `以下是小编为大家整理的${c.year}年法治政府建设情况报告，供大家参考。`),
    () => chrome('template', '小编精心整理了这篇法治政府建设工作报告，希望对大家有所帮助，供大家参考。'),
    () => chrome('template', '开头部分已省略500字'),
    () => chrome('template', '本文由第一范文网用户整理，仅供参考。'),
  ])();

// —— chrome below the report ——————————————————————————————————————————————————————————————

const footer = (c: Context): PageLine[] =>
  c.pick([
    () =>
      chrome(
        'footer',
        '返回顶部',
        '主办单位：某某县人民政府办公室 承办单位：某某县大数据发展中心',
        '网站标识码：5001060002 渝ICP备05003300号-1',
      ),
    () => chrome('footer', '【打印本页】【关闭窗口】', `上一篇：某某县${c.year - 1}年法治政府建设年度报告`, '下一篇：无'),
    () => chrome('footer', '扫一扫在手机打开当前页', '返回主站', '部门街镇', '政务新媒体', '返回顶部'),
    () => chrome('footer', `Copyright © ${c.year + 1} 某某县人民政府 All Rights Reserved`, '建议使用IE9以上浏览器，1366*768分辨率浏览本站'),
    () => chrome('footer', '相关链接', '网站地图', '联系我们'),
    () => chrome('footer', '责任编辑：张三'),
  ])();

const bottomMetadata = (c: Context): PageLine[] =>
  c.pick([
    () => chrome('metadata-lines', `来源：${c.body}`, '作者：张三', '编辑：李四'),
    () => chrome('metadata-lines', `发布时间：${c.year + 1}-01-22 浏览次数：88`),
    () => chrome('metadata-lines', '来源：', c.body, '责任编辑：', '李四'),
    () => chrome('metadata-list', `- [ 发布日期 ] ${c.year + 1}-01-22`, '- [ 浏览次数 ] 88'),
  ])();

const templateOutro = (c: Context): PageLine[] =>
  c.pick([
    () => chrome('template', '本文由范文网用户上传整理，转载请注明出处。'),
    () => chrome('template', '更多相关范文请访问 www.fanwen123.com'),
    () => chrome('template', '第一范文网 www.diyifanwen.com'),
    () => chrome('template', '免费下载这篇文档', '相关推荐'),
    () => chrome('template', '（本文档共3页，仅展示前2000字）'),
  ])();

/** Lines a template site puts inside the text: a watermark, an advertisement. */
const watermark = (c: Context): PageLine[] =>
  c.pick([
    () => chrome('watermark', '第一范文网 www.diyifanwen.com'),
    () => chrome('watermark', '【第一范文网 https://www.diyifanwen.com】'),
    () => chrome('watermark', '本文来源：https://www.fanwen123.com/fanwen/123.html'),
    () => chrome('watermark', '更多精品范文尽在 www.xxfanwen.com'),
  ])();

type Block = (c: Context) => PageLine[];
const TOP: readonly Block[] = [breadcrumbs, metadataBlock, tools, share, banner, navigation, crawler, templateIntro];
const BOTTOM: readonly Block[] = [footer, bottomMetadata, templateOutro, share, tools];

/** Glue portal chrome to the title line (the crawler lost the break): `- [ 时效 ] 现行有效` + title. */
const GLUED = ['- [ 时效 ] 现行有效', '[ 有效性 ] 有效', '# ', '【字体：大 中 小】', '现行有效'];

const BODY = /^[\u4e00-\u9fa5（）()]{3,30}(?:人民政府|委员会|司法局|局|办公室|街道办事处|镇|乡|中心)$/;

/** The issuing body a report names (its 落款 or a title's beginning), else 某某县人民政府. */
function bodyOf(m: ReportModel): string {
  const named = m.signature?.bodies[0]?.text ?? m.header.bodies[0]?.text;
  return named && BODY.test(named) ? named : '某某县人民政府';
}

/** Every shape of page for one clean report. */
export function pagesOf(report: CleanReport, shapes = 16): Page[] {
  const model = analyze(report.text);
  const title = model.header.title?.text;
  const missing = model.findings
    .filter((f) => f.code === 'missing-part')
    .map((f) => String(f.data?.part))
    .sort();
  const body = bodyOf(model);
  const year = model.year ?? 2024;
  const reportLines = report.text.replace(/\n+$/, '').split('\n');
  const titleLines = new Set(model.header.title?.lines ?? []);
  const pages: Page[] = [];
  let n = 0;
  for (let k = 0; k < shapes; k++) {
    const rnd = random(hash(report.name) + k * 7919);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const c: Context = { body, year, pick };
    const lines: PageLine[] = [];
    // Above: two to five blocks in some order; a crawler's header first when there is one.
    const top = [...TOP].sort(() => rnd() - 0.5).slice(0, 2 + Math.floor(rnd() * 4));
    for (const b of top) lines.push(...b(c));
    const glue = k % 4 === 3 && titleLines.size === 1 ? pick(GLUED) : '';
    reportLines.forEach((text, i) => {
      if (glue && titleLines.has(i)) lines.push([{ text: glue, chrome: true, cls: 'glued' }, ...writerLine(text)]);
      else lines.push(text.trim() ? writerLine(text) : []);
      // Template sites put their watermark between paragraphs now and then.
      if (k % 3 === 1 && i > 3 && i % 9 === 0 && i < reportLines.length - 3) lines.push(...watermark(c));
    });
    const bottom = [...BOTTOM].sort(() => rnd() - 0.5).slice(0, 1 + Math.floor(rnd() * 3));
    for (const b of bottom) lines.push(...b(c));
    const name = `${report.name}#${++n}`;
    pages.push({ name, report: report.name, flat: false, lines, title, missing, profile: model.profile.id });
    // The same page with every line break lost (every fourth shape), joined by nothing or a space.
    if (k % 4 === 0) {
      const sep = k % 8 === 0 ? '' : ' ';
      const flat: Segment[] = [];
      for (const l of lines) {
        if (l.length === 0) continue;
        if (flat.length && sep) flat.push({ text: sep, chrome: false });
        flat.push(...l.map((s) => ({ ...s, text: s.text.trim() })));
      }
      pages.push({ name: `${name} flat`, report: report.name, flat: true, lines: [flat], title, missing, profile: model.profile.id });
    }
  }
  return pages;
}

function hash(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

export const pageText = (p: Page): string => p.lines.map((l) => l.map((s) => s.text).join('')).join('\n') + '\n';

export interface ClassFigures {
  chrome: number;
  recognised: number;
}

export interface Figures {
  pages: number;
  chromeSegments: number;
  recognised: number;
  writerSegments: number;
  /** Writer segments with any character made debris. */
  falseDebris: number;
  /** Writer segments fix-all does not leave whole. */
  falseRemovals: number;
  titles: number;
  titlesRight: number;
  /** Pages whose missing parts are those of the clean report. */
  partsRight: number;
  byClass: Record<string, ClassFigures>;
  /** What went wrong, for reading (the first few of each kind). */
  misses: string[];
}

/** A text's words: letters and digits only (fix-all may change an ordinal's brackets or a mark's width, never a word). */
const words = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
const ORDINAL = /^\s*(?:[（(]\s*[0-9一二三四五六七八九十]{1,3}\s*[）)]|[0-9一二三四五六七八九十]{1,3}\s*[、.．])/;
/** Word's bookmarks in the clean reports are debris (a chrome segment of their own). */
const BOOKMARK = /\[(?:bookmark:[^\]]*|_?(?:GoBack|OLE_LINK\d*|_Toc\d+|_Hlk\d+))\]/g;

function writerLine(text: string): PageLine {
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(BOOKMARK)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), chrome: false });
    out.push({ text: m[0], chrome: true, cls: 'bookmark' });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), chrome: false });
  return out;
}

/** What the analysis makes of every page. */
export function measure(pages: readonly Page[]): Figures {
  const f: Figures = {
    pages: 0,
    chromeSegments: 0,
    recognised: 0,
    writerSegments: 0,
    falseDebris: 0,
    falseRemovals: 0,
    titles: 0,
    titlesRight: 0,
    partsRight: 0,
    byClass: {},
    misses: [],
  };
  const miss = (s: string) => {
    if (f.misses.length < 5000) f.misses.push(s);
  };
  for (const page of pages) {
    f.pages++;
    const text = pageText(page);
    const m = analyze(text);
    // Debris characters, line by line.
    const covered = page.lines.map((l) => new Uint8Array(l.reduce((n, s) => n + s.text.length, 0)));
    for (const d of m.debris) {
      for (let line = d.range.start.line; line <= d.range.end.line; line++) {
        const cov = covered[line];
        if (!cov) continue;
        const from = line === d.range.start.line ? d.range.start.character : 0;
        const to = line === d.range.end.line ? d.range.end.character : cov.length;
        cov.fill(1, from, to);
      }
    }
    // What removes: every fix-all but outdated-reference, which changes words on purpose (issue 21 item 5 takes it out of fix-all).
    const edits = mergeEdits(
      m.findings
        .filter((x) => fixAllCodes.has(x.code) && x.code !== 'outdated-reference' && x.fixes?.length)
        .flatMap((x) => x.fixes![0].edits),
    );
    const fixed = words(applyEdits(text, edits));
    page.lines.forEach((l, line) => {
      let at = 0;
      for (const s of l) {
        const from = at;
        at += s.text.length;
        let chars = 0;
        let hit = 0;
        for (let k = from; k < at; k++) {
          if (/\s/.test(s.text[k - from])) continue;
          chars++;
          hit += covered[line][k];
        }
        if (chars === 0) continue;
        if (s.chrome) {
          const cls = (f.byClass[s.cls ?? 'other'] ??= { chrome: 0, recognised: 0 });
          f.chromeSegments++;
          cls.chrome++;
          if (hit >= chars * 0.8) {
            f.recognised++;
            cls.recognised++;
          } else miss(`${page.name}: chrome kept [${s.cls}] ${s.text.slice(0, 60)}`);
        } else {
          f.writerSegments++;
          if (hit > 0) {
            f.falseDebris++;
            miss(`${page.name}: WRITER MADE DEBRIS ${s.text.slice(0, 60)}`);
          }
          // A heading's ordinal may be rewritten (（1） → （一）): the words after it must stay.
          if (!fixed.includes(words(s.text.replace(ORDINAL, '')))) {
            f.falseRemovals++;
            miss(`${page.name}: WRITER REMOVED BY FIX-ALL ${s.text.slice(0, 60)}`);
          }
        }
      }
    });
    if (page.title) {
      f.titles++;
      if (words(m.header.title?.text ?? '') === words(page.title)) f.titlesRight++;
      else miss(`${page.name}: title ${JSON.stringify(m.header.title?.text)} for ${page.title}`);
    }
    const missing = m.findings
      .filter((x) => x.code === 'missing-part')
      .map((x) => String(x.data?.part))
      .sort();
    if (JSON.stringify(missing) === JSON.stringify(page.missing) && m.profile.id === page.profile) f.partsRight++;
    else miss(`${page.name}: missing ${missing.join(',')} (${m.profile.id}) for ${page.missing.join(',')} (${page.profile})`);
  }
  return f;
}

/** The corpus of every clean report. */
export function portalCorpus(shapes = 16): Page[] {
  return cleanReports().flatMap((r) => pagesOf(r, shapes));
}
