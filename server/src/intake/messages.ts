/**
 * What a user reads when a file cannot be read as a report, or was read with something left out or
 * in doubt (a note): Chinese first, English available.
 */

const zh = {
  binaryWord: '{file} 是旧版 Word/WPS 二进制文件（.doc/.wps），无法直接读取：请在 Word 或 WPS 中“另存为” .docx 后再检查',
  badDoc: '{file} 无法作为 Word 97–2003 文档（.doc）读取（{reason}）：请在 Word 或 WPS 中“另存为” .docx 后再检查',
  wpsUnreadable: '{file} 是 WPS 文字的专有格式（.wps），无法直接读取：请在 WPS 中“另存为” .docx 或 .doc 后再检查',
  encrypted: '{file} 设有打开密码（已加密），无法读取：请在 Word 或 WPS 中取消密码（文件 → 信息 → 保护文档）后另存再检查',
  badDocx: '{file} 不是有效的 .docx 文件（{reason}）',
  altChunk: '{file} 中嵌入了 {kind} 格式的内容（altChunk），无法读取：请在 Word 中打开并另存为 .docx 后再检查',
  badPdf: '{file} 无法作为 PDF 读取（{reason}）',
  pdfNoText: '{file} 中没有可提取的文字（可能是扫描件，需要先进行文字识别）',
  pdfTooManyPages: '{file} 有 {pages} 页，超过上限 {max} 页，不像是一份报告，未读取',
  badOfd: '{file} 不是有效的 OFD 文件（{reason}）',
  badMht: '{file} 不是可读取的单个文件网页（.mht）（{reason}）：请在 Word 或浏览器中打开并另存为 .docx 或网页后再检查',
  ofdNoText: '{file} 中没有可提取的文字（可能是扫描件，需要先进行文字识别）',
  tooLarge: '{file} 读出的文字有 {chars} 字，超过上限 {max} 字，不像是一份报告，未读取',
  unknown: '{file} 不是可识别的报告格式',
  // Notes: the file was read, but not everything in it is in the text, or some of it is in doubt.
  htmlLeftOut: '网页中正文以外还有 {chars} 字的段落未读入（{blocks} 处，如“{sample}”）；若其中有报告内容，请另存网页的正文后再检查',
  hiddenText: '{file} 中有 {chars} 字设为隐藏文字，未读入（如“{sample}”）；若其中有报告内容，请在 Word 或 WPS 中取消隐藏后再检查',
  charsetMismatch: '网页声明的编码是 {declared}，但内容是 {actual}，已按 {actual} 读取',
  undecodable: '{file} 中有 {count} 处字节不是有效的 {encoding} 编码，已显示为“\ufffd”：文字可能有误，请核对原文件',
};
const en: typeof zh = {
  binaryWord: '{file} is a legacy binary Word/WPS file (.doc/.wps), which cannot be read: save it as .docx in Word or WPS and check that',
  badDoc: '{file} cannot be read as a Word 97–2003 document (.doc) ({reason}): save it as .docx in Word or WPS and check that',
  wpsUnreadable: "{file} is in WPS Writer's own format (.wps), which cannot be read: save it as .docx or .doc in WPS and check that",
  encrypted:
    '{file} is password-protected (encrypted) and cannot be read: remove the password in Word or WPS (File → Info → Protect Document), save and check again',
  badDocx: '{file} is not a valid .docx file ({reason})',
  altChunk: '{file} embeds content in {kind} format (altChunk), which cannot be read: open it in Word, save it as .docx and check that',
  badPdf: '{file} cannot be read as a PDF ({reason})',
  pdfNoText: '{file} contains no extractable text (probably a scan: run text recognition first)',
  pdfTooManyPages: '{file} has {pages} pages, more than the limit of {max}: not a report, not read',
  badOfd: '{file} is not a valid OFD file ({reason})',
  badMht:
    '{file} cannot be read as a single-file web page (.mht) ({reason}): open it in Word or a browser, save it as .docx or a web page and check that',
  ofdNoText: '{file} contains no extractable text (probably a scan: run text recognition first)',
  tooLarge: '{file} reads as {chars} characters, more than the limit of {max}: not a report, not read',
  unknown: '{file} is not a report format this tool reads',
  htmlLeftOut:
    'outside the article, {chars} characters of paragraphs on the page were not read ({blocks} blocks, e.g. “{sample}”); if they are part of the report, save the article on its own and check that',
  hiddenText:
    '{file} has {chars} characters formatted as hidden text, not read (e.g. “{sample}”); if they are part of the report, unhide them in Word or WPS and check again',
  charsetMismatch: 'the page declares the encoding {declared} but its content is {actual}: read as {actual}',
  undecodable:
    '{file} has {count} byte sequences that are not valid {encoding}, shown as “\ufffd”: the text may be wrong, compare it with the original',
};

export type IntakeMessage = keyof typeof zh;

function localizedText(key: IntakeMessage, args: Record<string, string>, locale: string): string {
  return format((locale.toLowerCase().startsWith('zh') ? zh : en)[key], args);
}

/** A file that cannot be read as a report; the message in both languages. */
export class SourceError extends Error {
  constructor(
    readonly key: IntakeMessage,
    readonly args: Record<string, string>,
  ) {
    super(`${format(zh[key], args)} (${format(en[key], args)})`);
  }

  localized(locale: string): string {
    return localizedText(this.key, this.args, locale);
  }
}

/** Something a user must know about a file that was read: text left out, an encoding in doubt. */
export class SourceNote {
  constructor(
    readonly key: IntakeMessage,
    readonly args: Record<string, string>,
  ) {}

  /** Both languages, as the CLI prints its messages. */
  get message(): string {
    return `${format(zh[this.key], this.args)} (${format(en[this.key], this.args)})`;
  }

  localized(locale: string): string {
    return localizedText(this.key, this.args, locale);
  }
}

function format(s: string, args: Record<string, string>): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => args[k] ?? m);
}
