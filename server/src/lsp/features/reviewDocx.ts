/**
 * `govreport.reviewDocx` (workspace/executeCommand, `[{ uri, data, author? }]`): the clerk's .docx
 * (`data`, base64: the client reads it from any file system) back with every finding as a Word
 * comment on the words it is about (export/review). The findings are the editor's: its settings,
 * `.govreport.json` and last year's report beside the file. The comments' author: `author`, else
 * the `govreport.reviewer` setting, else `.govreport.json`'s `reviewer`, else 审核. Reading the .docx
 * needs the intake, so the web worker answers with an error saying so.
 */
import { ResponseError } from 'vscode-languageserver';
import { uriFileName } from '../../core';
import { fromBase64, toBase64 } from '../../export/base64';
import { SERVER_COMMANDS } from '../../protocol';
import type { Feature, Session } from '../session';

const UNREADABLE = 1;

/** draft.docx → draft.reviewed.docx */
export function reviewedFileName(uri: string): string {
  return (uriFileName(uri).replace(/\.docx$/i, '') || '报告') + '.reviewed.docx';
}

async function run(session: Session, args: readonly unknown[]) {
  const zh = session.locale() !== 'en';
  const a = (args[0] ?? {}) as { uri?: unknown; data?: unknown; author?: unknown };
  const uri = String(a.uri ?? '');
  if (typeof a.data !== 'string' || !uri)
    throw new ResponseError(UNREADABLE, zh ? '需要 uri 和 .docx 文件内容 (data)' : 'uri and data (the .docx, base64) are needed');
  if (!session.sources)
    throw new ResponseError(UNREADABLE, zh ? '仅桌面版可给 Word 文件加批注' : 'Word files are commented by the desktop extension only');
  const bytes = fromBase64(a.data);
  const name = uriFileName(uri) || 'file.docx';
  let text: string;
  try {
    ({ text } = await session.sources.read(name, bytes));
  } catch (e) {
    const localized = (e as { localized?: (locale: string) => string }).localized;
    throw new ResponseError(
      UNREADABLE,
      typeof localized === 'function' ? localized.call(e, session.locale()) : String((e as Error).message),
    );
  }
  const options = session.options();
  const model = session.service.analyze(text, { ...options, previous: session.service.previousReport(uri, session.options) });
  const { reviewDocx, ReviewError } = await import('../../export/review');
  const author = typeof a.author === 'string' && a.author.trim() ? a.author : session.settings.reviewer();
  try {
    const result = reviewDocx(bytes, text, model.findings, { author, locale: session.locale() });
    const fileName = reviewedFileName(uri);
    return {
      base64: toBase64(result.bytes),
      fileName,
      comments: result.comments,
      kept: result.kept,
      message: zh ? `批注 ${result.comments} 条` : `${result.comments} comments`,
    };
  } catch (e) {
    if (e instanceof ReviewError) throw new ResponseError(UNREADABLE, e.message);
    throw e;
  }
}

export const reviewDocxFeature: Feature = {
  register(session) {
    session.registerCommand(SERVER_COMMANDS.reviewDocx, (args) => run(session, args));
  },
};
