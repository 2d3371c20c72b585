/**
 * Benchmark inputs, generated from the project's fixtures (the example report and, when
 * present, the real seeds): one report scaled to a target size, and a folder of reports.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');
const EXAMPLE = join(ROOT, 'examples', 'example.report.txt');

/** The texts inputs are made of: the example and the seeds (when the shared folder is there). */
export function sources(): string[] {
  const out = [readFileSync(EXAMPLE, 'utf8')];
  if (existsSync(SEEDS)) for (const f of readdirSync(SEEDS).sort()) if (f.endsWith('.txt')) out.push(readFileSync(join(SEEDS, f), 'utf8'));
  return out;
}

const ORDINAL = /^\s*([（(]?[一二三四五六七八九十0-9０-９]{1,3}[）)]?[、.．]|[（(][一二三四五六七八九十0-9０-９]{1,3}[）)])/;
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const cn = (n: number) => (n < 10 ? CN[n] : (n < 20 ? '' : CN[Math.floor(n / 10)]) + '十' + CN[n % 10]);

/** Body paragraphs of the sources: long lines that are not numbered headings. */
function paragraphs(): string[] {
  const out = sources()
    .flatMap((s) => s.split(/\r?\n/))
    .map((l) => l.trim())
    .filter((l) => l.length >= 40 && !ORDINAL.test(l));
  return out.length ? out : ['全年办理行政执法案件128件，其中行政处罚76件，行政检查52件。组织执法人员培训6场次，覆盖120余人次。'];
}

/** A well-formed report of about `bytes` UTF-8 bytes: the measures part grows, the rest stays. */
export function scaledReport(bytes: number): string {
  const pool = paragraphs();
  const avg = pool.reduce((a, p) => a + Buffer.byteLength(p) + 1, 0) / pool.length;
  const head =
    '中共示例县城关镇委员会\n示例县城关镇人民政府\n关于2024年法治政府建设情况的报告\n\n县委、县政府：\n2024年，城关镇坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：\n一、2024年推进法治政府建设的主要举措和成效\n';
  const tail =
    '二、党政主要负责人履行推进法治建设第一责任人职责情况\n' +
    pool[0] +
    '\n三、存在的不足和原因\n一是干部法治能力有待提升。二是普法形式较为单一。\n四、2025年工作安排\n' +
    pool[pool.length - 1] +
    '\n\n中共示例县城关镇委员会\n示例县城关镇人民政府\n2025年1月20日\n';
  const needed = Math.max(1, Math.round((bytes - Buffer.byteLength(head + tail)) / avg));
  // At most 99 sections of at most 99 items (the ordinal range); paragraphs per item grow after that.
  const perItem = Math.max(1, Math.ceil(needed / (99 * 99)));
  const items = Math.ceil(needed / perItem);
  const sections = Math.min(99, Math.max(1, Math.ceil(items / 20)));
  const perSection = Math.ceil(items / sections);
  const parts: string[] = [head];
  let p = 0;
  let size = Buffer.byteLength(head + tail);
  outer: for (let s = 1; s <= sections; s++) {
    parts.push(`（${cn(s)}）${pool[(s * 7) % pool.length].slice(0, 12)}\n`);
    for (let i = 1; i <= perSection; i++) {
      parts.push(`${i}.${pool[(p + 3) % pool.length].slice(0, 10)}\n`);
      for (let k = 0; k < perItem; k++) {
        const para = pool[p++ % pool.length];
        parts.push(para + '\n');
        size += Buffer.byteLength(para) + 1;
        if (size >= bytes) break outer;
      }
    }
  }
  parts.push(tail);
  return parts.join('');
}

/** Writes `count` reports (the sources in turn, each slightly varied) into `dir`. */
export function reportFolder(dir: string, count: number): string {
  mkdirSync(dir, { recursive: true });
  const texts = sources();
  for (let i = 0; i < count; i++) {
    const text = texts[i % texts.length].replace(/\d+件/, `${i + 1}件`);
    writeFileSync(join(dir, `r${String(i).padStart(4, '0')}.report.txt`), text);
  }
  return dir;
}
