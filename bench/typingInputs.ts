/**
 * The inputs of the typing benches (issue 27) besides the varied text (varied.ts): the five seeds
 * copied with their digits shifted per copy, a document of nothing but headings, and text pasted
 * from a web page with the portal's chrome lines around each article.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { variedText } from './varied';

const ROOT = resolve(__dirname, '..', '..');
const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');

/** The five seeds, or undefined without ../shared (the bench then says why it skips them). */
export function seedTexts(): string[] | undefined {
  if (!existsSync(SEEDS)) return undefined;
  const names = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return names.length ? names.map((f) => readFileSync(join(SEEDS, f), 'utf8').replace(/\r\n?/g, '\n')) : undefined;
}

/** Copy `k` of a text with every digit run shifted (years kept): lines without digits repeat, as in a folder of similar reports. */
function shifted(text: string, k: number): string {
  return text.replace(/[0-9]+/g, (run, offset: number) =>
    /^(19[89]\d|20[0-4]\d)$/.test(run) ? run : String(Number(run) + ((k * 7 + offset) % 9) + 1 + k),
  );
}

/** The seeds only, copied in turn up to `bytes`, digits shifted per copy. */
export function seedsShifted(bytes: number): string | undefined {
  const seeds = seedTexts();
  if (!seeds) return undefined;
  const out: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const copy = shifted(seeds[k % seeds.length], k);
    out.push(copy.endsWith('\n') ? copy : copy + '\n');
    size += Buffer.byteLength(copy) + 1;
  }
  return out.join('');
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const cn = (n: number) => (n < 10 ? CN[n] : (n < 20 ? '' : CN[Math.floor(n / 10)]) + '十' + CN[n % 10]);

/** Phrases headings are made of: pieces of the varied text's prose (the genre's words). */
function phrases(): string[] {
  const text = variedText(200 * 1024).text;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const clean = line.replace(/[^\u4e00-\u9fa5]/g, '');
    for (let i = 0; i + 8 <= clean.length && out.length < 50_000; i += 7) out.push(clean.slice(i, i + 6 + (i % 5)));
  }
  return out;
}

/**
 * A document in which every line is a heading, about `bytes` UTF-8 bytes: a title, then 一、 parts
 * each holding （一） sections of 1. items of （1） sub-items, every title different.
 */
export function headingHeavy(bytes: number): string {
  const pool = phrases();
  const out: string[] = ['关于2024年法治政府建设情况的报告'];
  let size = Buffer.byteLength(out[0]) + 1;
  let p = 0;
  const push = (line: string) => {
    out.push(line);
    size += Buffer.byteLength(line) + 1;
  };
  const title = () => pool[p++ % pool.length] + (p >= pool.length ? String(Math.floor(p / pool.length)) : '');
  for (let a = 1; size < bytes; a++) {
    push(`${cn(((a - 1) % 99) + 1)}、${title()}`);
    for (let b = 1; b <= 9 && size < bytes; b++) {
      push(`（${cn(b)}）${title()}`);
      for (let c = 1; c <= 12 && size < bytes; c++) {
        push(`${c}.${title()}`);
        for (let d = 1; d <= 3 && size < bytes; d++) push(`（${d}）${title()}`);
      }
    }
  }
  return out.join('\n') + '\n';
}

/** A portal's page around each article: navigation, metadata, tool words, share and footer lines. */
function chrome(k: number): { top: string; bottom: string } {
  const n = k + 1;
  return {
    top: [
      `网站首页 >> 政务公开 >> 法治政府建设 >> 年度报告${n}`,
      `【字体：大 中 小】【打印】【关闭】`,
      `发布时间：2025-01-${String((k % 28) + 1).padStart(2, '0')} 10:${String(k % 60).padStart(2, '0')} 来源：某某县司法局 浏览次数：${1000 + k * 7}`,
      `[ 主题分类 ] 综合政务 [ 体裁分类 ] 报告 ${n}`,
      `分享到：微信 微博 QQ空间`,
    ].join('\n'),
    bottom: [`扫一扫在手机打开当前页`, `相关推荐`, `版权所有：某某县人民政府办公室 网站标识码${5000 + k}`, `【打印本页】【关闭窗口】`].join(
      '\n',
    ),
  };
}

/** Varied report text pasted from web pages: each copy of varied.ts's text framed by a portal's chrome lines. */
export function webPaste(bytes: number): string {
  const body = variedText(bytes).text;
  // The varied text is copies of whole reports; a new copy starts at a title line (关于…的报告).
  const lines = body.split('\n');
  const out: string[] = [];
  let k = 0;
  for (const line of lines) {
    if (/^关于.*报告$/.test(line.trim()) && out.length) {
      const c = chrome(k++);
      out.push(c.bottom, c.top);
    } else if (!out.length) out.push(chrome(k++).top);
    out.push(line);
  }
  out.push(chrome(k).bottom);
  return out.join('\n') + '\n';
}
