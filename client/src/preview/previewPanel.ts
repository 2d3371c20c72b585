/**
 * The page preview (as Markdown's preview): a webview beside the editor that draws the report on
 * GB/T 9704 pages. Thin: the server lays the pages out (request govreport/preview, export/pages.ts),
 * the webview script (client/preview/webview.ts → dist/preview.js) draws them; this file only
 * carries messages — new pages as you type, scroll positions both ways, a click that reveals a line.
 * Strict CSP: no remote resources, one nonce'd script from the extension, styles by nonce.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LANGUAGE_ID, REQUESTS } from '../../../server/src/protocol';

const VIEW_TYPE = 'govreport.preview';
/** Scroll events that answer our own scrolling are ignored for this long (no ping-pong between the two). */
const ECHO_MS = 300;

type FromWebview = { type: 'ready' } | { type: 'reveal'; line: number } | { type: 'scrolled'; line: number };

export class PreviewPanel {
  private static current: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private uri: vscode.Uri;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private quietUntil = 0;

  static show(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a report to preview its pages.'));
      return;
    }
    if (PreviewPanel.current) {
      PreviewPanel.current.follow(editor.document.uri);
      PreviewPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      '',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        retainContextWhenHidden: false,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')],
      },
    );
    PreviewPanel.current = new PreviewPanel(panel, context, client, editor.document.uri);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly client: BaseLanguageClient,
    uri: vscode.Uri,
  ) {
    this.uri = uri;
    panel.webview.html = html(panel.webview, vscode.Uri.joinPath(context.extensionUri, 'dist', 'preview.js'));
    this.title();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.uri.toString()) this.schedule();
      }),
      // Diagnostics arrive after the text: the marks follow them.
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === this.uri.toString())) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && e.document.languageId === LANGUAGE_ID) this.follow(e.document.uri);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document.uri.toString() !== this.uri.toString() || Date.now() < this.quietUntil) return;
        const line = e.visibleRanges[0]?.start.line ?? 0;
        void this.panel.webview.postMessage({ type: 'scroll', line });
      }),
    );
  }

  private follow(uri: vscode.Uri): void {
    if (uri.toString() === this.uri.toString()) return;
    this.uri = uri;
    this.title();
    void this.update();
  }

  private title(): void {
    this.panel.title = vscode.l10n.t('Page preview: {0}', this.uri.path.replace(/^.*\//, ''));
  }

  private schedule(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.update(), 120);
  }

  private async update(): Promise<void> {
    this.pending = undefined;
    const uri = this.uri.toString();
    const result = await this.client.sendRequest(REQUESTS.preview, { uri });
    if (result && uri === this.uri.toString()) void this.panel.webview.postMessage({ type: 'pages', ...(result as object) });
  }

  private editor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (m.type === 'ready') {
      await this.update();
      const line = this.editor()?.visibleRanges[0]?.start.line;
      if (line) void this.panel.webview.postMessage({ type: 'scroll', line });
      return;
    }
    const line = Math.max(0, Math.floor(Number(m.line) || 0));
    if (m.type === 'scrolled') {
      const editor = this.editor();
      if (!editor) return;
      this.quietUntil = Date.now() + ECHO_MS;
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
      return;
    }
    // A click: the line in the editor, selected and in view.
    const doc = await vscode.workspace.openTextDocument(this.uri);
    const at = new vscode.Position(line, 0);
    await vscode.window.showTextDocument(doc, {
      viewColumn: this.editor()?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(at, at),
    });
  }

  private dispose(): void {
    PreviewPanel.current = undefined;
    if (this.pending) clearTimeout(this.pending);
    this.disposables.forEach((d) => d.dispose());
  }
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

function html(webview: vscode.Webview, script: vscode.Uri): string {
  const n = nonce();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${n}'`,
    `style-src ${webview.cspSource} 'nonce-${n}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="govreport-nonce" content="${n}">
</head>
<body>
<main id="pages" aria-label="pages"></main>
<script nonce="${n}" src="${webview.asWebviewUri(script)}"></script>
</body>
</html>`;
}
