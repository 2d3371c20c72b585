/**
 * Large edits applied by the server in bounded messages. A code action carries its edits in the
 * response; past MAX_EDITS_PER_MESSAGE edits (a 2 M-character report with half-width punctuation
 * on every line gives ~60,000) that response would be megabytes, built again each time the cursor
 * rests on a diagnostic. Such an action carries a command instead, and the server sends the edits
 * through `workspace/applyEdit` in chunks.
 *
 * Chunks go from the end of the document to its start: an edit never moves the text before it,
 * so the positions of every later chunk stay right whatever the client did with the earlier ones.
 * Before each chunk the server checks that the text before the chunks already sent is still the
 * text the edits were computed for (the writer may type meanwhile); if not, it stops and says so.
 */
import { MessageType, ShowMessageNotification, type Position, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t, type Locale } from '../core';
import type { Session } from './session';

/** The most edits one message carries (a code action's edit, one applyEdit request). */
export const MAX_EDITS_PER_MESSAGE = 10_000;

export interface ChunkedResult {
  readonly applied: boolean;
  /** Edits the client applied. */
  readonly edits: number;
  /** applyEdit requests sent. */
  readonly chunks: number;
  /** Why it stopped early: the document was changed meanwhile, or the client refused a chunk. */
  readonly stopped?: 'changed' | 'refused';
}

/** Tells the writer the fix stopped (a notification: nothing to answer). */
export function warnChanged(session: Session, locale: Locale, done: number): void {
  void session.connection.sendNotification(ShowMessageNotification.type, {
    type: MessageType.Warning,
    message: t(locale, 'fix-all.changed', { done }),
  });
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** `edits` (non-overlapping) in chunks of at most `size`, the chunk at the end of the document first. */
export function chunksFromEnd(edits: readonly TextEdit[], size = MAX_EDITS_PER_MESSAGE): TextEdit[][] {
  const sorted = [...edits].sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
  const out: TextEdit[][] = [];
  for (let end = sorted.length; end > 0; end -= size) out.push(sorted.slice(Math.max(0, end - size), end));
  return out;
}

/**
 * Applies `edits`, computed for `doc` as it is now, through the client in chunks. The first chunk
 * names the document version (a client that has moved on refuses it); each later one is sent only
 * if the text before the part already edited is unchanged.
 */
export async function applyInChunks(
  session: Session,
  doc: TextDocument,
  edits: readonly TextEdit[],
  label: string,
  locale: Locale,
): Promise<ChunkedResult> {
  // The document object is updated in place by later changes: take what is needed now.
  const { uri, version } = doc;
  const original = doc.getText();
  const chunked = chunksFromEnd(edits);
  const starts = chunked.map((c) => doc.offsetAt(c[0].range.start));
  const versioned = !!session.clientCapabilities().workspace?.workspaceEdit?.documentChanges;
  let applied = 0;
  let chunks = 0;
  // Everything before this offset is untouched by the chunks sent so far.
  let untouched = original.length;
  for (const [i, chunk] of chunked.entries()) {
    if (chunks > 0) {
      const now = session.report(uri)?.getText();
      if (now === undefined || now.slice(0, untouched) !== original.slice(0, untouched)) {
        warnChanged(session, locale, applied);
        return { applied: applied > 0, edits: applied, chunks, stopped: 'changed' };
      }
    }
    const edit =
      versioned && chunks === 0 ? { documentChanges: [{ textDocument: { uri, version }, edits: chunk }] } : { changes: { [uri]: chunk } };
    const r = await session.connection.workspace.applyEdit({ label, edit });
    chunks++;
    if (!r.applied) return { applied: applied > 0, edits: applied, chunks, stopped: 'refused' };
    applied += chunk.length;
    untouched = starts[i];
  }
  return { applied: true, edits: applied, chunks };
}
