/**
 * Lines of the document's frame around the body (GB/T 9704), read from their content alone: an
 * issuing body's name, the head of an attachment, the 成文日期 and what stands below it. Line
 * classification (cleanLines.ts, runOn.ts) asks these; the header and the signature (document/header.ts)
 * are read with them.
 */
import { CN_DATE_DIGITS, toHalfWidthDigits } from '../text/numerals';

/** Names of issuing bodies end like this. */
const BODY_SUFFIX =
  /(?:委员会|人民政府|人民代表大会常务委员会|党委|党组|党工委|工委|政府|办公室|办公厅|办事处|管委会|管理委员会|委|局|厅|院|署|部|中心|所|处|站|大队|支队|总队|联合会|街道|镇|乡|公司|集团)(?:文件)?$/;
const BODY_CHARS = /^[\u4e00-\u9fa5（）()·]{3,40}$/;
const NOT_A_BODY = /关于|报告|年|[，。：；、]/;
/** Words for kinds of bodies, not a body's name (a portal's navigation: 部门街镇, 各乡镇). */
const GENERIC_BODIES = /^(?:各|部门|有关|相关|所属|下属|直属)|(?:街镇|镇街|乡镇)$/;

/** A line (or each white-space separated piece of it) that names an issuing body. */
export function isBodyLine(content: string): boolean {
  const pieces = content.split(/[\s\u3000]+/).filter(Boolean);
  if (pieces.length === 0 || pieces.length > 4) return false;
  return pieces.every((p) => BODY_CHARS.test(p) && BODY_SUFFIX.test(p) && !NOT_A_BODY.test(p) && !GENERIC_BODIES.test(p));
}

const CN_SMALL = '[一二三四五六七八九十]{1,3}';
/** 成文日期 in Arabic numerals (GB/T 9704-2012) or, as many drafts still write it, in Chinese ones (二〇二四年一月二十日). */
export const DATE_LINE = new RegExp(
  `^((?:19|20)\\d{2}|[${CN_DATE_DIGITS}]{4})\\s*年\\s*(\\d{1,2}|${CN_SMALL})\\s*月\\s*(\\d{1,2}|${CN_SMALL})\\s*日$`,
);
/**
 * What GB/T 9704 puts below the 成文日期: the 附注 in brackets (（此件公开发布）, a contact),
 * and the 版记 (抄送…, …印发). They are not the signature and must not hide it.
 */
export const BELOW_DATE = /^(?:[（(][^（）()]{1,60}[）)]|抄送[:：].*|.{0,60}印发)$/;

/** GB/T 9704: attachments follow the 落款, each opening with a line that reads 附件 (or 附件2). */
const ATTACHMENT_HEAD = /^附\s*件\s*(?:[0-9０-９]{1,2}\s*)?[:：]?$/;

/** Whether a line's content is the head of an attachment (附件, 附件2, 附件：), alone on its line. */
export function isAttachmentHead(content: string): boolean {
  return ATTACHMENT_HEAD.test(content);
}

/**
 * A line of the signature's own frame: a 成文日期 alone on its line (2025年1月20日, 二〇二五年一月二十日),
 * or what GB/T 9704 puts below it (（此件公开发布）, 抄送：…, …印发).
 */
export function isSignatureFrame(content: string): boolean {
  return DATE_LINE.test(toHalfWidthDigits(content)) || BELOW_DATE.test(content);
}
