/**
 * `govreport similar <files|folders…> [--threshold 0.3] [--format text|json|csv]`: every pair of
 * reports sharing at least the threshold of their text, most similar first (DOMAIN.md §8: an
 * assessor reading a county's reports side by side). MinHash + LSH propose candidates
 * (core/similarity/corpus.ts); each is verified exactly on the two texts, read again, so memory
 * stays at a signature per report. A report and its own export or source (r.txt beside r.docx) is one
 * report, compared once. Exit 0 (pairs are a reading, not an error), 2 on bad usage or when a file
 * could not be read (as check: a reading that missed a file is not a clean one).
 */
import { basename, dirname, join } from 'node:path';
import {
  bodyKeyOfText,
  byCluster,
  csvCell,
  prepareReport,
  SimilarityCorpus,
  sortPairs,
  verifyPrepared,
  type PreparedReport,
  type SimilarPair,
} from '../../core';
import { parseFlags, USAGE, UsageError, type Io } from '../args';
import { collectFiles, InputError, readAnyReport } from '../files';
import { shownPath } from '../lastYearInFolder';
import { printable } from '../printable';
import { outJson } from '../jsonOut';
import { progressBar } from '../progress';

const FORMATS = ['text', 'json', 'csv'];
/**
 * Reports kept prepared for verification (a few tens of kilobytes each): a cluster of near-duplicates
 * up to this size is read and prepared once; a larger one is compared all the same, reading again.
 */
const PREPARED = 2048;

export async function similar(argv: readonly string[], io: Io): Promise<number> {
  const { positionals, flags } = parseFlags(argv, ['--threshold', '--format']);
  const format = flags.get('--format') ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(`未知格式 (unknown format): ${format}\n${USAGE}`);
  const threshold = Number(flags.get('--threshold') ?? '0.3');
  if (!(threshold > 0 && threshold <= 1))
    throw new UsageError(`--threshold 需要 0 到 1 之间的数 (needs a number in (0, 1]): ${flags.get('--threshold')}\n${USAGE}`);
  if (positionals.length === 0) throw new UsageError(`没有指定文件 (no files given)\n${USAGE}`);
  let unreadable = 0;
  const found = collectFiles(positionals, undefined, (message) => {
    unreadable++;
    io.err(message);
  });
  const files = oneFilePerReport(found, io);
  if (files.length === 0 && unreadable === 0) throw new InputError(`没有找到报告文件 (no report files found) in: ${positionals.join(' ')}`);

  const counting = { ...io, err: (s: string) => (unreadable++, io.err(s)) };
  const pairs = await findSimilar(files, threshold, counting);
  if (format === 'json') outJson(io, pairs);
  else if (format === 'csv') io.out(toCsv(pairs));
  else io.out(toText(pairs, files.length, threshold));
  return unreadable ? 2 : 0;
}

/** r.txt, r.report.txt, r.govreport, r.docx, r.pdf, r.html → folder/r: one report in several formats. */
const stem = (file: string) => join(dirname(file), basename(file).replace(/(\.report)?\.[^.]+$/i, ''));
const TEXT_FIRST = /\.(txt|govreport)$/i;

/**
 * One file per report: where a folder holds a report in two formats (r.txt and the r.docx exported
 * from it), the text the writer edits stands for it and the other is said on stderr and left out —
 * two formats of one report are not a 100% near-copy pair.
 */
function oneFilePerReport(files: readonly string[], io: Pick<Io, 'err'>): string[] {
  const keep = new Map<string, string>();
  for (const f of files) {
    const k = stem(f);
    const seen = keep.get(k);
    if (seen === undefined) keep.set(k, f);
    else if (!TEXT_FIRST.test(seen) && TEXT_FIRST.test(f)) keep.set(k, f);
  }
  const kept = new Set(keep.values());
  for (const f of files)
    if (!kept.has(f))
      io.err(`跳过 ${f}：与 ${keep.get(stem(f))} 是同一份报告的另一种格式 (skipped: the same report as ${keep.get(stem(f))})`);
  return files.filter((f) => kept.has(f));
}

export async function findSimilar(files: readonly string[], threshold: number, io: Pick<Io, 'err' | 'progress'>): Promise<SimilarPair[]> {
  const corpus = new SimilarityCorpus();
  const bar = io.progress && files.length > 1 ? progressBar(files.length, io.progress) : undefined;
  for (let i = 0; i < files.length; i++) {
    const text = await readText(files[i], io);
    if (text !== undefined) corpus.add(i, text);
    bar?.update(i + 1);
  }
  bar?.clear();

  // Each report of a cluster read and prepared once while its cluster is compared (core/similarity/prepared.ts).
  const prepared = new Map<number, { report: PreparedReport; body: string } | undefined>();
  const ready = async (i: number) => {
    if (prepared.has(i)) {
      const hit = prepared.get(i);
      prepared.delete(i); // most recently used last
      prepared.set(i, hit);
      return hit;
    }
    const t = await readText(files[i], { err: () => {} });
    const entry = t === undefined ? undefined : { report: prepareReport(t), body: bodyKeyOfText(t) };
    if (prepared.size >= PREPARED) prepared.delete(prepared.keys().next().value!);
    prepared.set(i, entry);
    return entry;
  };
  const out: SimilarPair[] = [];
  for (const c of byCluster(corpus.candidates(threshold))) {
    const [pa, pb] = [await ready(c.a), await ready(c.b)];
    if (pa === undefined || pb === undefined) continue;
    const r = verifyPrepared(pa.report, pb.report, threshold);
    if (!r) continue;
    out.push({
      a: shownPath(files[c.a]),
      b: shownPath(files[c.b]),
      similarity: Math.round(r.similarity * 1000) / 1000,
      sameBody: pa.body !== '' && pa.body === pb.body,
      shared: r.shared,
    });
  }
  return sortPairs(out);
}

async function readText(file: string, io: Pick<Io, 'err'>): Promise<string | undefined> {
  try {
    return (await readAnyReport(file)).text;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(e.message);
    return undefined;
  }
}

export function toCsv(pairs: readonly SimilarPair[]): string {
  const rows = [['a', 'b', 'similarity', 'sameBody', 'sharedParagraphs', 'shared'].join(',')];
  for (const p of pairs) {
    rows.push(
      [
        csvCell(p.a),
        csvCell(p.b),
        String(p.similarity),
        String(p.sameBody),
        String(p.shared.length),
        p.shared.map((s) => `${s.aLine}:${s.bLine}`).join(' '),
      ].join(','),
    );
  }
  return rows.join('\n');
}

/** How many shared paragraphs the text view lists per pair. */
const LIST = 8;

export function toText(pairs: readonly SimilarPair[], reports: number, threshold: number): string {
  if (pairs.length === 0)
    return `${reports} 份报告中没有相似度达到 ${threshold} 的报告对 (no pair of the ${reports} reports reaches ${threshold})`;
  const lines = [
    `${reports} 份报告，${pairs.length} 对相似度 ≥ ${threshold} (${pairs.length} pairs of ${reports} reports at or above ${threshold}):`,
  ];
  for (const p of pairs) {
    lines.push(`${(p.similarity * 100).toFixed(0).padStart(3)}%  ${p.a}  ↔  ${p.b}${p.sameBody ? '  （同一单位 same body）' : ''}`);
    if (p.shared.length) {
      const list = p.shared
        .slice(0, LIST)
        .map((s) => `${s.aLine}↔${s.bLine}`)
        .join(', ');
      lines.push(`      共有段落 ${p.shared.length} 个 (shared paragraphs, line↔line): ${list}${p.shared.length > LIST ? ' …' : ''}`);
    }
  }
  return printable(lines.join('\n'));
}
