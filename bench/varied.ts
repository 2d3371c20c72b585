/**
 * A varied benchmark input (issue 16): the seeds, the example and the test fixtures stacked copy
 * after copy up to a size, each copy's digits and wording varied so that no line repeats. A
 * repeated line would be a free hit for any per-line cache, so the generator checks the result
 * and varies again whatever still repeats.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sources } from './inputs';

const ROOT = resolve(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'reports');

/** The texts copies are made of: example, seeds, then the fixture reports. */
function pool(): string[] {
  const fixtures = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
  return [...sources(), ...fixtures].map((t) => t.replace(/\r\n?/g, '\n'));
}

/** Wording a copy may swap (both ways), chosen per copy by the bits of its number. */
const SWAPS: readonly (readonly [string, string])[] = [
  ['加强', '强化'],
  ['推进', '推动'],
  ['全面', '全方位'],
  ['深入', '持续'],
  ['完善', '健全'],
  ['落实', '贯彻'],
  ['组织', '安排'],
  ['开展', '举办'],
  ['积极', '主动'],
  ['进一步', '更加'],
  ['提升', '提高'],
  ['工作', '事项'],
];
/** Words a line may take to become unique when swaps and digits did not make it so. */
const PLACES = ['城关镇', '青木关镇', '新桥街道', '龙泉乡', '石门镇', '高新区', '河东街道', '凤鸣镇', '柳林乡', '长安街道'];

const YEAR = /^(19[89]\d|20[0-4]\d)$/;

/** Copy `k` of a text: digits shifted (years kept, so the report year still reads), words swapped. */
function vary(text: string, k: number): string {
  let out = text.replace(/[0-9]+/g, (run, offset: number) => {
    if (YEAR.test(run)) return run;
    const shift = ((k * 7 + offset) % 9) + 1;
    return String(Number(run) + shift);
  });
  for (let b = 0; b < SWAPS.length; b++) {
    if (!((k >> b) & 1)) continue;
    const [a, c] = SWAPS[b];
    out = out.replace(new RegExp(`${a}|${c}`, 'g'), (w) => (w === a ? c : a));
  }
  return out;
}

/** A line that repeats an earlier one is varied again (a place name woven in), until it is new. */
function unique(line: string, seen: Set<string>, salt: number): string {
  if (!line.trim() || !seen.has(line)) return line;
  for (let n = 0; ; n++) {
    const place = PLACES[(salt + n) % PLACES.length];
    // After the ordinal of a heading, else at the start of the text.
    const m = /^(\s*(?:[（(][^）)]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])?)/.exec(line)!;
    const candidate = m[1] + place + (n >= PLACES.length ? String(n) : '') + line.slice(m[1].length);
    if (!seen.has(candidate)) return candidate;
  }
}

export interface VariedText {
  readonly text: string;
  readonly copies: number;
  /** Lines with content, and how many of them occur more than once (0 by construction). */
  readonly contentLines: number;
  readonly repeatedLines: number;
}

/** About `bytes` UTF-8 bytes of varied report text (whole copies, the last one may be cut at a line). */
export function variedText(bytes: number): VariedText {
  const texts = pool();
  const seen = new Set<string>();
  const out: string[] = [];
  let size = 0;
  let k = 0;
  outer: for (; ; k++) {
    const lines = vary(texts[k % texts.length], k).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = unique(lines[i], seen, k + i);
      if (line.trim()) seen.add(line);
      out.push(line);
      size += Buffer.byteLength(line) + 1;
      if (size >= bytes) break outer;
    }
  }
  const text = out.join('\n') + '\n';
  const counts = new Map<string, number>();
  for (const l of text.split('\n')) if (l.trim()) counts.set(l, (counts.get(l) ?? 0) + 1);
  let repeated = 0;
  for (const n of counts.values()) if (n > 1) repeated += n;
  return { text, copies: k + 1, contentLines: [...counts.values()].reduce((a, b) => a + b, 0), repeatedLines: repeated };
}
