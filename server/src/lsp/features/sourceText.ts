/**
 * Reports as they arrive, for the editor: `govreport/sourceText` turns a Word, PDF or HTML file's
 * bytes (sent by the client, which reads them from any file system) into the report text the client
 * shows read-only under the govreport-source: scheme; `govreport/htmlToText` turns pasted HTML into
 * report text (the client's "paste as report text"). The readers are injected (Node: intake, loaded on
 * first use); without them — the web worker — both answer a clear error.
 */
import { ResponseError } from 'vscode-languageserver';
import { uriFileName } from '../../core';
import { REQUESTS } from '../../protocol';
import type { Feature, Session } from '../session';

/** Application error code of a file that cannot be read as a report (the message says why). */
const UNREADABLE = 1;

const unavailable = (session: Session) =>
  new ResponseError(
    UNREADABLE,
    session.locale() === 'en' ? 'Word, PDF and web files are read by the desktop extension only' : '仅桌面版可读取 Word、PDF 和网页文件',
  );

function decodeBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const sourceTextFeature: Feature = {
  register(session) {
    session.connection.onRequest(REQUESTS.sourceText, async (p: { uri?: string; data?: string }) => {
      if (!session.sources) throw unavailable(session);
      const name = uriFileName(String(p?.uri ?? '')) || 'file';
      try {
        const { text, format, notes } = await session.sources.read(name, decodeBase64(String(p?.data ?? '')));
        // Notes (text left out, an encoding in doubt) go with the text, in the editor's language, for the client to show.
        return notes?.length ? { text, format, notes: notes.map((n) => n.localized(session.locale())) } : { text, format };
      } catch (e) {
        const localized = (e as { localized?: (locale: string) => string }).localized;
        if (typeof localized === 'function') throw new ResponseError(UNREADABLE, localized.call(e, session.locale()));
        throw e;
      }
    });
    session.connection.onRequest(REQUESTS.htmlToText, async (p: { html?: string }) => {
      if (!session.sources) throw unavailable(session);
      return { text: await session.sources.fragment(String(p?.html ?? '')) };
    });
  },
};
