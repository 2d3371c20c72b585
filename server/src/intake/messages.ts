/** What a user reads when a file cannot be read as a report: Chinese first, English available. */

const zh = {
  binaryWord: '{file} 是旧版 Word/WPS 二进制文件（.doc/.wps），无法直接读取：请在 Word 或 WPS 中“另存为” .docx 后再检查',
  badDocx: '{file} 不是有效的 .docx 文件（{reason}）',
  badPdf: '{file} 无法作为 PDF 读取（{reason}）',
  pdfNoText: '{file} 中没有可提取的文字（可能是扫描件，需要先进行文字识别）',
  unknown: '{file} 不是可识别的报告格式',
};
const en: typeof zh = {
  binaryWord: '{file} is a legacy binary Word/WPS file (.doc/.wps), which cannot be read: save it as .docx in Word or WPS and check that',
  badDocx: '{file} is not a valid .docx file ({reason})',
  badPdf: '{file} cannot be read as a PDF ({reason})',
  pdfNoText: '{file} contains no extractable text (probably a scan: run text recognition first)',
  unknown: '{file} is not a report format this tool reads',
};

export type IntakeMessage = keyof typeof zh;

/** A file that cannot be read as a report; the message in both languages. */
export class SourceError extends Error {
  constructor(
    readonly key: IntakeMessage,
    readonly args: Record<string, string>,
  ) {
    super(`${format(zh[key], args)} (${format(en[key], args)})`);
  }

  localized(locale: string): string {
    return format((locale.toLowerCase().startsWith('zh') ? zh : en)[this.key], this.args);
  }
}

function format(s: string, args: Record<string, string>): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => args[k] ?? m);
}
