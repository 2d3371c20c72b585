/**
 * "Paste as report text": HTML on the clipboard (a web page's or Word's text/html) pasted into a
 * report comes in as report text — chrome dropped, paragraphs kept, list numbers written out — the
 * server converts it (govreport/htmlToText), so the client stays thin.
 * The document paste API is stable from VS Code 1.97; the extension still supports ^1.91, so the
 * provider is registered only where the API exists (feature-detected, no proposed API).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LANGUAGE_ID, REQUESTS } from '../../server/src/protocol';

/** The parts of the paste API (VS Code ≥ 1.97) used here, typed locally: @types/vscode stays at 1.91. */
interface PasteApi {
  readonly DocumentPasteEdit: new (insertText: string, title: string, kind: unknown) => unknown;
  readonly DocumentDropOrPasteEditKind: { readonly Text: { append(...parts: string[]): unknown } };
  readonly languages: {
    registerDocumentPasteEditProvider?(
      selector: vscode.DocumentSelector,
      provider: {
        provideDocumentPasteEdits(
          document: vscode.TextDocument,
          ranges: readonly vscode.Range[],
          dataTransfer: vscode.DataTransfer,
          context: unknown,
          token: vscode.CancellationToken,
        ): Promise<unknown[] | undefined>;
      },
      metadata: { providedPasteEditKinds: unknown[]; pasteMimeTypes: string[] },
    ): vscode.Disposable;
  };
}

/** Registers the provider; returns false where VS Code is too old for the paste API. */
export function registerPasteAsReport(context: vscode.ExtensionContext, client: BaseLanguageClient): boolean {
  const api = vscode as unknown as PasteApi;
  if (!api.languages.registerDocumentPasteEditProvider || !api.DocumentPasteEdit || !api.DocumentDropOrPasteEditKind) return false;
  const kind = api.DocumentDropOrPasteEditKind.Text.append('govreport');
  context.subscriptions.push(
    api.languages.registerDocumentPasteEditProvider(
      { language: LANGUAGE_ID },
      {
        async provideDocumentPasteEdits(_document, _ranges, dataTransfer, _context, token) {
          const html = await dataTransfer.get('text/html')?.asString();
          if (!html || token.isCancellationRequested) return undefined;
          const { text } = await client.sendRequest<{ text: string }>(REQUESTS.htmlToText, { html });
          if (!text || token.isCancellationRequested) return undefined;
          return [new api.DocumentPasteEdit(text, vscode.l10n.t('Paste as report text'), kind)];
        },
      },
      { providedPasteEditKinds: [kind], pasteMimeTypes: ['text/html'] },
    ),
  );
  return true;
}
