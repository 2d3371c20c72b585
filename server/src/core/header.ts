/**
 * The parts of a 公文 around the body (GB/T 9704): 发文机关 lines, the title (which may wrap
 * onto a second line), 主送机关, the lead paragraph, and the 落款 at the end (bodies and the
 * 成文日期 written in Arabic numerals).
 */
import type { CleanLine } from './debris';
import { parseSmallChineseNumber, toHalfWidthDigits } from './numerals';

/** Names of issuing bodies end like this. */
const BODY_SUFFIX =
  /(?:委员会|人民政府|人民代表大会常务委员会|党委|党组|党工委|工委|政府|办公室|办公厅|办事处|管委会|管理委员会|委|局|厅|院|署|部|中心|所|处|站|大队|支队|总队|联合会|街道|镇|乡|公司|集团)(?:文件)?$/;
const BODY_CHARS = /^[\u4e00-\u9fa5（）()·]{3,40}$/;
const NOT_A_BODY = /关于|报告|年|[，。：；、]/;

/** A line (or each white-space separated piece of it) that names an issuing body. */
export function isBodyLine(content: string): boolean {
  const pieces = content.split(/[\s\u3000]+/).filter(Boolean);
  if (pieces.length === 0 || pieces.length > 4) return false;
  return pieces.every((p) => BODY_CHARS.test(p) && BODY_SUFFIX.test(p) && !NOT_A_BODY.test(p));
}

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

const CN_DIGIT = '〇○零一二三四五六七八九';
const CN_SMALL = '[一二三四五六七八九十]{1,3}';
/** 成文日期 in Arabic numerals (GB/T 9704-2012) or, as many drafts still write it, in Chinese ones (二〇二四年一月二十日). */
const DATE_LINE = new RegExp(`^((?:19|20)\\d{2}|[${CN_DIGIT}]{4})\\s*年\\s*(\\d{1,2}|${CN_SMALL})\\s*月\\s*(\\d{1,2}|${CN_SMALL})\\s*日$`);
/**
 * What GB/T 9704 puts below the 成文日期: the 附注 in brackets (（此件公开发布）, a contact),
 * and the 版记 (抄送…, …印发). They are not the signature and must not hide it.
 */
const BELOW_DATE = /^(?:[（(][^（）()]{1,60}[）)]|抄送[:：].*|.{0,60}印发)$/;

function dateNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4 && [...s].every((c) => CN_DIGIT.includes(c))) {
    return Number([...s].map((c) => Math.max(0, CN_DIGIT.indexOf(c) - 2)).join(''));
  }
  return parseSmallChineseNumber(s);
}

/** GB/T 9704: attachments follow the 落款, each opening with a line that reads 附件 (or 附件2). */
const ATTACHMENT_HEAD = /^附\s*件\s*(?:[0-9０-９]{1,2}\s*)?[:：]?$/;

/** Whether a line's content is the head of an attachment (附件, 附件2, 附件：), alone on its line. */
export function isAttachmentHead(content: string): boolean {
  return ATTACHMENT_HEAD.test(content);
}

/** First line of the attachments after the body, or `lines.length` when there are none. */
export function attachmentsStart(lines: readonly CleanLine[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (isCandidate(lines[i]) && isAttachmentHead(content(lines[i]))) return i;
  }
  return lines.length;
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
  const date = m ? { year: dateNumber(m[1]), month: dateNumber(m[2]), day: dateNumber(m[3]) } : null;
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

const YEAR = new RegExp(`((?:19|20)\\d{2}|[二][${CN_DIGIT}]{3})\\s*年`);

/** The first year named in `s`, in Arabic or Chinese numerals (二〇二三年度). */
export function yearIn(s: string): number | null {
  const m = YEAR.exec(toHalfWidthDigits(s));
  return m ? dateNumber(m[1]) : null;
}

/**
 * A line of the signature's own frame: a 成文日期 alone on its line (2025年1月20日, 二〇二五年一月二十日),
 * or what GB/T 9704 puts below it (（此件公开发布）, 抄送：…, …印发).
 */
export function isSignatureFrame(content: string): boolean {
  return DATE_LINE.test(toHalfWidthDigits(content)) || BELOW_DATE.test(content);
}
