/**
 * The parts of a 公文 around the body (GB/T 9704): 发文机关 lines, the title (which may wrap
 * onto a second line), 主送机关, the lead paragraph, and the 落款 at the end (bodies and the
 * 成文日期 written in Arabic numerals).
 */
import type { CleanLine } from './debris';

/** Names of issuing bodies end like this. */
const BODY_SUFFIX =
  /(?:委员会|人民政府|人民代表大会常务委员会|党委|党组|党工委|工委|政府|办公室|办公厅|办事处|管委会|管理委员会|委|局|厅|院|署|部|中心|所|处|公司|集团)$/;
const BODY_CHARS = /^[\u4e00-\u9fa5（）()·]{3,40}$/;
const NOT_A_BODY = /关于|报告|年|[，。：；、]/;

/** A line (or each white-space separated piece of it) that names an issuing body. */
export function isBodyLine(content: string): boolean {
  const pieces = content.split(/[\s\u3000]+/).filter(Boolean);
  if (pieces.length === 0 || pieces.length > 4) return false;
  return pieces.every((p) => BODY_CHARS.test(p) && BODY_SUFFIX.test(p) && !NOT_A_BODY.test(p));
}

const TITLE_WORDS = /报告|总结|情况|法治政府|年度/;
const TITLE_END = /(?:报告|总结|情况)(?:[（(][^）)]*[）)])?$/;
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
      next && !isBodyLine(c) && cand[k + 1] === cand[k] + 1 && !/[。，：:；]$/.test(c) &&
      next.length <= MAX_TITLE_LINE && TITLE_END.test(next) && /关于|年|法治/.test(c + next)
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
    if (result.addresseeLine < 0 && result.leadLines.length === 0 && c.length <= 40 && /[：:]$/.test(c) && !/[。，,；;]/.test(c)) {
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

const DATE_LINE = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/** Reads the 落款 from the end of the text, not above `minLine`. */
export function readSignature(lines: readonly CleanLine[], minLine: number): SignatureLines {
  const res: SignatureLines = { bodyLines: [], dateLine: -1, date: null, start: -1 };
  let i = lines.length - 1;
  while (i >= minLine && !isCandidate(lines[i])) i--;
  if (i < minLine) return res;
  const m = DATE_LINE.exec(content(lines[i]));
  if (m) {
    res.dateLine = i;
    res.date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
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

const YEAR = /((?:19|20)\d{2})\s*年/;

export function yearIn(s: string): number | null {
  const m = YEAR.exec(s);
  return m ? Number(m[1]) : null;
}
