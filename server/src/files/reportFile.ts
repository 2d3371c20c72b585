/**
 * Reading a report file from disk — the one reader the CLI and the language server (last year's
 * report beside a document) share. Node only; the core never reads files.
 * Only regular files are read (a FIFO would block, a link to /dev/zero never ends), and the size
 * is checked before a byte is read. The bytes are decoded as the clerks' files come: UTF-8 (BOM
 * dropped), UTF-16 with a BOM (Notepad's "Unicode"), else GB18030/GBK (Word's Chinese exports) or
 * another legacy East Asian code page when chardet says so (Big5, Shift-JIS, EUC-JP, EUC-KR).
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** File names the CLI searches folders for and the server looks at beside a report. */
export const REPORT_EXTENSIONS: readonly string[] = ['.govreport', '.report.txt', '.txt'];

export function isReportFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return REPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * The CLI's cap: 64 MiB, far above the core's own limit (5,000,000 characters ≈ 15 MB of
 * Chinese text; a larger text gets a `too-large` finding). Above it a file is not a report.
 */
export const MAX_REPORT_FILE_BYTES = 64 * 1024 * 1024;

/** A report file that cannot be read or decoded; the message says why, in Chinese and English. */
export class ReportFileError extends Error {}

/** Legacy East Asian code pages told apart by chardet, as iconv-lite names them. */
const LEGACY: Readonly<Record<string, LegacyEncoding>> = {
  GB18030: 'gb18030',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
};
type LegacyEncoding = 'gb18030' | 'big5' | 'shift_jis' | 'euc-jp' | 'euc-kr';

/** Enough bytes to tell the code pages apart (chardet counts character frequencies). */
const SNIFF_BYTES = 64 * 1024;

export interface DecodedReport {
  readonly text: string;
  /**
   * `utf-8`; `utf-16le`/`utf-16be` when a UTF-16 BOM says so (Notepad's "Unicode"); or, when the
   * bytes are not UTF-8, the legacy code page they read as: `gb18030` (GBK, Word's Chinese
   * exports, the usual case), `big5` (traditional Chinese), `shift_jis`/`euc-jp`, `euc-kr`.
   */
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | LegacyEncoding;
}

/**
 * Which legacy code page non-UTF-8 bytes are in. Any double-byte text decodes as GB18030 without
 * an error — a Big5 or Shift-JIS file becomes fluent-looking garbage — so chardet judges
 * (character-frequency statistics; on the seeds as GBK it is sure of GB18030 even at 60
 * characters). On a few words it is sure of nothing (every candidate at 10 of 100): GB18030 then,
 * the clerks' usual code page. Another code page wins only when chardet is fairly sure (≥ 50) and
 * surer than of GB18030.
 */
function legacyEncoding(bytes: Buffer): LegacyEncoding {
  const matches = chardet.analyse(bytes.subarray(0, SNIFF_BYTES));
  const gb = matches.find((m) => m.name === 'GB18030')?.confidence ?? 0;
  const other = matches.find((m) => LEGACY[m.name] && m.name !== 'GB18030');
  return other && other.confidence >= 50 && other.confidence > gb ? LEGACY[other.name] : 'gb18030';
}

/** Decodes a report's bytes: UTF-8 (BOM dropped), UTF-16 with a BOM, else the legacy code page chardet names (GB18030 by default), else null. */
export function decodeReport(bytes: Uint8Array): DecodedReport | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  let encoding: DecodedReport['encoding'] = 'utf-8';
  const utf16 = buffer[0] === 0xff && buffer[1] === 0xfe ? 'utf-16le' : buffer[0] === 0xfe && buffer[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    text = iconv.decode(buffer, utf16); // iconv-lite drops the BOM
    if (text.includes('\ufffd')) return null;
    encoding = utf16;
  }
  // isUtf8 validates without decoding (much faster than a fatal TextDecoder).
  else if (isUtf8(buffer)) text = buffer.toString('utf8');
  else {
    // A replacement character or a NUL byte means these bytes are not text in that code page
    // either (binary, UTF-16 without a BOM).
    encoding = legacyEncoding(buffer);
    text = iconv.decode(buffer, encoding);
    if (text.includes('\ufffd') || text.includes('\0')) return null;
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}

/**
 * The bytes of a regular file of at most `maxBytes` bytes. Symbolic links are followed, but
 * what they lead to must be a regular file too. Opened non-blocking (a FIFO swapped in after
 * the check does not block) and checked again on the open descriptor.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new ReportFileError(`无法读取 ${path}：${(e as Error).message} (cannot read)`);
  }
  checkRegular(path, st, maxBytes);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new ReportFileError(`无法读取 ${path}：${(e as Error).message} (cannot read)`);
  }
  try {
    const now = fstatSync(fd);
    checkRegular(path, now, maxBytes);
    const bytes = Buffer.allocUnsafe(now.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break; // shrank meanwhile: take what is there
      read += n;
    }
    return bytes.subarray(0, read);
  } catch (e) {
    if (e instanceof ReportFileError) throw e;
    throw new ReportFileError(`无法读取 ${path}：${(e as Error).message} (cannot read)`);
  } finally {
    closeSync(fd);
  }
}

function checkRegular(path: string, st: { isFile(): boolean; size: number }, maxBytes: number): void {
  if (!st.isFile()) throw new ReportFileError(`${path} 不是普通文件，未读取 (not a regular file)`);
  if (st.size > maxBytes)
    throw new ReportFileError(`${path} 过大（${st.size} 字节，上限 ${maxBytes}），不像是一份报告，未读取 (file too large)`);
}

/** Reads and decodes a report file. Unreadable, oversized, non-regular or undecodable input is a ReportFileError. */
export function readReportFile(path: string, maxBytes = MAX_REPORT_FILE_BYTES): DecodedReport {
  const decoded = decodeReport(readRegularFile(path, maxBytes));
  if (!decoded)
    throw new ReportFileError(
      `${path} 不是 UTF-8 编码的文本，也无法按 GB18030/GBK、Big5 等编码解码，请另存为 UTF-8 (not text in UTF-8, GB18030 or another known encoding)`,
    );
  return decoded;
}
