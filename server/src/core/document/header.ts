/**
 * The parts of a 公文 around the body (GB/T 9704): 发文机关 lines, the title (which may wrap
 * onto a second line), 主送机关, the lead paragraph, and the 落款 at the end (bodies and the
 * 成文日期 written in Arabic numerals).
 */
import type { CleanLine } from '../lines/cleanLines';
import { documentMemo, type AnalysisCache } from '../text/lineCache';
import type { TextIndex } from '../text/lineIndex';
import { isFrameText } from '../lines/debrisGuard';
import { metadataLine } from '../lines/chrome';
import { CN_DATE_DIGITS, parseDateNumber, toHalfWidthDigits } from '../text/numerals';
import { BELOW_DATE, DATE_LINE, isAttachmentHead, isBodyLine } from '../lines/frameLines';

/** A 发文字号 (临府文〔2024〕3号): stands above the title, is never part of it. */
const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,16}\s*[〔［\[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]\s*(?:第\s*)?\d{1,5}\s*号$/;

/** A short lead that ends in ： (现将有关情况报告如下：) is not a 主送机关. */
const NOT_ADDRESSEE = /如下|现将|报告|汇报/;

const TITLE_WORDS = /报告|总结|情况|法治政府|年度/;
const TITLE_END = /(?:报告|总结|情况)(?:[（(][^（()）]*[）)])?$/;
const MAX_TITLE_LINE = 70;

function content(cl: CleanLine): string {
  return cl.line.text.slice(cl.contentStart, cl.contentEnd);
}

function isCandidate(cl: CleanLine): boolean {
  return !cl.isDebris && cl.contentStart < cl.contentEnd;
}

export interface HeaderLines {
  bodyLines: number[];
  titleLines: number[];
  addresseeLine: number;
  leadLines: number[];
}

/**
 * Reads the header from the lines before the first heading (`end`, exclusive).
 * Looks at the first few content lines only: a title is near the top.
 */
export function readHeader(lines: readonly CleanLine[], end: number): HeaderLines {
  const cand: number[] = [];
  for (let i = 0; i < end && cand.length < 12; i++) if (isCandidate(lines[i])) cand.push(i);
  const result: HeaderLines = { bodyLines: [], titleLines: [], addresseeLine: -1, leadLines: [] };

  let titleAt = -1;
  for (let k = 0; k < cand.length; k++) {
    const c = content(lines[cand[k]]);
    if (c.length > MAX_TITLE_LINE || /[。：:]$/.test(c)) continue;
    if (TITLE_END.test(c) && TITLE_WORDS.test(c)) {
      titleAt = k;
      break;
    }
    // A title wrapped onto two lines: this line plus the next end like a title.
    const next = k + 1 < cand.length ? content(lines[cand[k + 1]]) : '';
    if (
      next &&
      !isBodyLine(c) &&
      !DOC_NUMBER.test(toHalfWidthDigits(c)) &&
      cand[k + 1] === cand[k] + 1 &&
      // Two pieces of one run-on line are not a wrap: the title's start was found there (lines/runOn.ts).
      lines[cand[k + 1]].line !== lines[cand[k]].line &&
      !isFrameText(c) &&
      !/[。，：:；]$/.test(c) &&
      next.length <= MAX_TITLE_LINE &&
      TITLE_END.test(next) &&
      /关于|年|法治/.test(c + next)
    ) {
      titleAt = k;
      result.titleLines.push(cand[k]);
      break;
    }
  }
  if (titleAt >= 0) {
    if (result.titleLines.length) result.titleLines.push(cand[titleAt + 1]);
    else result.titleLines.push(cand[titleAt]);
    for (let k = 0; k < titleAt; k++) if (isBodyLine(content(lines[cand[k]]))) result.bodyLines.push(cand[k]);
  }
  const afterTitle = titleAt >= 0 ? result.titleLines[result.titleLines.length - 1] + 1 : 0;
  for (let i = afterTitle; i < end; i++) {
    const cl = lines[i];
    if (!isCandidate(cl)) continue;
    const c = content(cl);
    // A portal's label kept as text (发布机构： alone is no block: chromeBlocks.ts) is neither addressee nor lead.
    if (metadataLine(c)?.shape === 'label') continue;
    if (
      result.addresseeLine < 0 &&
      result.leadLines.length === 0 &&
      c.length <= 40 &&
      /[：:]$/.test(c) &&
      !/[。，,；;]/.test(c) &&
      !NOT_ADDRESSEE.test(c)
    ) {
      result.addresseeLine = i;
      continue;
    }
    if (titleAt < 0 && isBodyLine(c)) continue;
    result.leadLines.push(i);
  }
  return result;
}

export interface SignatureLines {
  bodyLines: number[];
  dateLine: number;
  date: { year: number; month: number; day: number } | null;
  /** First line of the signature block, or -1 when there is none. */
  start: number;
}

/**
 * Where the document's last analysis found the attachments (`start`, its line count when none), in
 * which lines (`index`: that analysis's line index).
 */
interface AttachmentsFound {
  index?: TextIndex;
  lines: readonly CleanLine[];
  start: number;
}
const ATTACHMENTS = documentMemo<AttachmentsFound>('attachmentsStart', () => ({ lines: [], start: 0 }));

/**
 * First line of the attachments after the body, or `lines.length` when there are none. With the
 * document's cache and this analysis's line index, a line that reads as it read at the last analysis
 * (the same object, or the same text, content span and debris-ness) is not asked again: the lines
 * before the last start were no 附件 head and the start was one (issue 27: a document of headings
 * asked every line at each keystroke, 0.47 ms of one into 300 KB of headings).
 */
export function attachmentsStart(lines: readonly CleanLine[], cache?: AnalysisCache, index?: TextIndex): number {
  const found = cache && index ? cache.document(ATTACHMENTS) : undefined;
  const last = found && found.index !== undefined && found.index === cache!.index ? found : undefined;
  let start = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const j = last ? cache!.oldLine(i) : -1;
    if (j >= 0 && j <= last!.start && j < last!.lines.length && readsAsBefore(lines[i], last!.lines[j])) {
      if (j < last!.start) continue;
      start = i;
      break;
    }
    if (isCandidate(lines[i]) && isAttachmentHead(content(lines[i]))) {
      start = i;
      break;
    }
  }
  if (found) {
    found.index = index;
    found.lines = lines;
    found.start = start;
  }
  return start;
}

/** Whether a line reads as the line it was for the body's heads: the same text, content span and debris-ness. */
function readsAsBefore(now: CleanLine, was: CleanLine): boolean {
  return (
    now === was ||
    (now.isDebris === was.isDebris &&
      now.contentStart === was.contentStart &&
      now.contentEnd === was.contentEnd &&
      now.line.text === was.line.text)
  );
}

/** Reads the 落款 back from line `end` (exclusive: the end of the text or the attachments), not above `minLine`. */
export function readSignature(lines: readonly CleanLine[], minLine: number, end = lines.length): SignatureLines {
  const res: SignatureLines = { bodyLines: [], dateLine: -1, date: null, start: -1 };
  let i = end - 1;
  const skipBlank = () => {
    while (i >= minLine && !isCandidate(lines[i])) i--;
  };
  skipBlank();
  // Below the date: 附注 and 版记 lines, at most a few.
  for (
    let k = 0;
    k < 4 && i > minLine && BELOW_DATE.test(content(lines[i])) && !DATE_LINE.test(toHalfWidthDigits(content(lines[i])));
    k++
  ) {
    const j = i;
    i--;
    skipBlank();
    if (i < minLine) {
      i = j;
      break;
    }
  }
  if (i < minLine) return res;
  const m = DATE_LINE.exec(toHalfWidthDigits(content(lines[i])));
  const date = m ? { year: parseDateNumber(m[1]), month: parseDateNumber(m[2]), day: parseDateNumber(m[3]) } : null;
  if (date && date.year !== null && date.month !== null && date.day !== null) {
    res.dateLine = i;
    res.date = { year: date.year, month: date.month, day: date.day };
    res.start = i;
    i--;
  }
  for (let seen = 0; i >= minLine && seen < 6; i--) {
    const cl = lines[i];
    if (!isCandidate(cl)) {
      if (cl.isDebris) continue;
      seen++;
      continue;
    }
    if (!isBodyLine(content(cl))) break;
    res.bodyLines.unshift(i);
    res.start = i;
  }
  return res;
}

const YEAR = new RegExp(`((?:19|20)\\d{2}|[二][${CN_DATE_DIGITS}]{3})\\s*年`);

/** The first year named in `s`, in Arabic or Chinese numerals (二〇二三年度). */
export function yearIn(s: string): number | null {
  const m = YEAR.exec(toHalfWidthDigits(s));
  return m ? parseDateNumber(m[1]) : null;
}
