/**
 * The reviewer's round trip (issue 26): the clerk's own .docx back with every finding as a Word
 * comment (批注) anchored on the words it is about. Nothing else in the package changes: every part
 * is written back byte for byte except document.xml (the anchors added as text, runs split only at
 * an anchor with their w:rPr as written), the comments part (ours appended after the file's own) and,
 * when the file had no comments, its relationship and content type.
 * API boundary: the .docx bytes, the report text the intake read from them and the findings of its
 * analysis in; the reviewed .docx out. Shared by `govreport review`, the server command
 * `govreport.reviewDocx` and the editor's *Send back with comments*.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Finding, Locale } from '../../core';
import { alignTexts } from './align';
import { insertAnchors, type Anchor } from './anchors';
import { addCommentsContentType, addCommentsRelationship, commentsXml, usedIds, type NewComment } from './commentsPart';
import { readWordText, type WordText } from './wordText';

/** The author of the comments when no reviewer name is configured. */
export const DEFAULT_REVIEWER = '审核';

export interface ReviewOptions {
  /** The comments' author (a setting, `.govreport.json` `reviewer`, `--author`); default 审核. */
  readonly author?: string;
  readonly locale?: Locale;
  /** The comments' date (ISO 8601); default now. */
  readonly date?: string;
}

export interface ReviewResult {
  readonly bytes: Uint8Array;
  /** Comments added (one per finding). */
  readonly comments: number;
  /** Comments the file had already (kept). */
  readonly kept: number;
}

/** A file that cannot be reviewed, with a message for the user (zh-cn first). */
export class ReviewError extends Error {}

/** How much a package may unpack to (all parts, media included), by the sizes its zip directory declares. */
const MAX_UNPACKED = 256 * 1024 * 1024;

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_COMMENTS = /\/comments$/;

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

function relationships(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^<>]*>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(m[0])?.[1] ?? '';
    return { id: attr('Id'), type: attr('Type'), target: attr('Target').replace(/&amp;/g, '&') };
  });
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

const relsPath = (part: string) => {
  const slash = part.lastIndexOf('/') + 1;
  return `${part.slice(0, slash)}_rels/${part.slice(slash)}.rels`;
};

function utf8(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xff || bytes[0] === 0xfe)
    throw new ReviewError(`${name} 是 UTF-16 编码，暂不能加批注 (is UTF-16; cannot add comments)`);
  const head = strFromU8(bytes.subarray(0, 200), true);
  const declared = /^(?:\ufeff)?<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
  if (declared && !/^utf-?8$/i.test(declared))
    throw new ReviewError(`${name} 是 ${declared} 编码，暂不能加批注 (is ${declared}; cannot add comments)`);
  return strFromU8(bytes);
}

/** Line starts of a text (LF line ends, as the intake writes them). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

const SEVERITY: Record<string, [string, string]> = {
  error: ['错误', 'Error'],
  warning: ['警告', 'Warning'],
  information: ['提示', 'Information'],
  hint: ['提示', 'Hint'],
};

/** A finding as a comment's paragraphs: 【警告】message [code], then the fix where there is one. */
export function commentParagraphs(f: Finding, locale: Locale = 'zh-cn'): string[] {
  const zh = locale !== 'en';
  const severity = SEVERITY[f.severity]?.[zh ? 0 : 1] ?? f.severity;
  const out = [zh ? `【${severity}】${f.message}（${f.code}）` : `[${severity}] ${f.message} (${f.code})`];
  const fix = f.fixes?.[0]?.title;
  if (fix) out.push(zh ? `建议：${fix}` : `Suggested fix: ${fix}`);
  return out;
}

/**
 * The Word characters a finding is about: its report range mapped through the alignment, on real
 * text (not a tab, a break or a numbering label Word writes itself); else the words of its line;
 * else the document's first words (a finding about the whole report).
 */
function anchorOf(f: Finding, starts: readonly number[], text: string, map: Int32Array, word: WordText): [number, number] {
  const real = (k: number) => k >= 0 && k < map.length && map[k] >= 0 && word.span[map[k]] >= 0;
  const span = (a: number, b: number): [number, number] | undefined => {
    let x = a;
    while (x < b && !real(x)) x++;
    let y = b - 1;
    while (y >= x && !real(y)) y--;
    return x <= y ? [map[x], map[y]] : undefined;
  };
  const line = Math.min(f.range.start.line, starts.length - 1);
  const endLine = Math.min(f.range.end.line, starts.length - 1);
  const lineEnd = (l: number) => (l + 1 < starts.length ? starts[l + 1] - 1 : text.length);
  const a = Math.min(starts[line] + f.range.start.character, lineEnd(line));
  const b = Math.min(starts[endLine] + f.range.end.character, lineEnd(endLine));
  const first = word.span.findIndex((s) => s >= 0);
  return span(a, b) ?? span(starts[line], lineEnd(line)) ?? [first, first];
}

export function reviewDocx(bytes: Uint8Array, text: string, findings: readonly Finding[], options: ReviewOptions = {}): ReviewResult {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    files = unzipSync(bytes, { filter: (f) => (unpacked += f.originalSize) <= MAX_UNPACKED });
  } catch (e) {
    throw new ReviewError(`不是 Word 文档 (not a .docx): ${(e as Error).message}`);
  }
  if (unpacked > MAX_UNPACKED) throw new ReviewError(`解压后超过 ${MAX_UNPACKED >> 20} MB (unpacks to more than ${MAX_UNPACKED >> 20} MB)`);
  const main = relationships(files['_rels/.rels'] && strFromU8(files['_rels/.rels'])).find((r) => REL_OFFICE_DOCUMENT.test(r.type));
  const documentPath = main ? resolveTarget('', main.target) : 'word/document.xml';
  if (!files[documentPath]) throw new ReviewError('没有正文部件 (no main document part, word/document.xml)');
  const documentRelsPath = relsPath(documentPath);
  const documentRels = files[documentRelsPath] ? strFromU8(files[documentRelsPath]) : undefined;
  const commentsRel = relationships(documentRels).find((r) => REL_COMMENTS.test(r.type));
  const commentsPath = commentsRel ? resolveTarget(documentPath, commentsRel.target) : undefined;
  const existing = commentsPath && files[commentsPath] ? utf8(files[commentsPath], commentsPath) : undefined;

  const xml = utf8(files[documentPath], documentPath);
  const word = readWordText(xml);
  const map = alignTexts(text, word.text);
  const starts = lineStarts(text);
  const firstId = usedIds(xml, existing ?? '') + 1;
  const date = options.date ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const author = options.author?.trim() || DEFAULT_REVIEWER;
  const placed = findings
    .map((f) => ({ f, at: anchorOf(f, starts, text, map, word) }))
    .filter((p) => p.at[0] >= 0)
    .sort((x, y) => x.at[0] - y.at[0] || x.at[1] - y.at[1]);
  const anchors: Anchor[] = placed.map((p, i) => ({ id: firstId + i, from: p.at[0], to: p.at[1] }));
  const comments: NewComment[] = placed.map((p, i) => ({
    id: firstId + i,
    author,
    initials: [...author][0] ?? '',
    date,
    paragraphs: commentParagraphs(p.f, options.locale),
  }));
  if (comments.length === 0) return { bytes, comments: 0, kept: countComments(existing) };

  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) out[name] = data;
  out[documentPath] = strToU8(insertAnchors(xml, word, anchors));
  if (commentsPath && existing !== undefined) out[commentsPath] = strToU8(commentsXml(existing, comments));
  else {
    const folder = documentPath.slice(0, documentPath.lastIndexOf('/') + 1);
    let name = 'comments.xml';
    for (let n = 2; files[folder + name]; n++) name = `comments${n}.xml`;
    out[folder + name] = strToU8(commentsXml(undefined, comments));
    const rels =
      documentRels ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    out[documentRelsPath] = strToU8(addCommentsRelationship(rels, name));
    const types = files['[Content_Types].xml'];
    if (!types) throw new ReviewError('没有 [Content_Types].xml (not a .docx package)');
    out['[Content_Types].xml'] = strToU8(addCommentsContentType(strFromU8(types), `/${folder}${name}`));
  }
  return { bytes: zipSync(out), comments: comments.length, kept: countComments(existing) };
}

function countComments(xml: string | undefined): number {
  return xml ? [...xml.matchAll(/<(?:\w+:)?comment\b/g)].length : 0;
}
