/**
 * The main job, end to end: starts the real language server (`node dist/server.js --stdio`),
 * opens a report as an editor would, and prints what the editor shows — the outline
 * (document symbols), the problems (published diagnostics) and the figures of the first part (hover).
 * Usage: npm run demo [-- FILE] [--locale en]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startServer } from '../test/support/lspClient';

async function main() {
  const args = process.argv.slice(2);
  const localeAt = args.indexOf('--locale');
  const locale = localeAt >= 0 ? args.splice(localeAt, 2)[1] : 'zh-cn';
  const file = resolve(args[0] ?? resolve(__dirname, '..', '..', 'examples', 'example.report.txt'));
  const uri = pathToFileURL(file).toString();
  // The server as it ships: it practises (lsp/warmUp.ts) whenever this client is quiet.
  const server = await startServer({ locale, warmUp: true });
  try {
    const diagnostics = await server.open(uri, readFileSync(file, 'utf8'));
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const en = locale.startsWith('en');
    console.log(`${en ? 'File' : '文件'}: ${file}`);
    console.log(en ? '\nOutline (document symbols):' : '\n大纲（文档符号）：');
    const print = (ss: DocumentSymbol[], indent: string) => {
      for (const s of ss) {
        console.log(`${String(s.selectionRange.start.line + 1).padStart(4)}  ${indent}${s.name}${s.detail ? '   — ' + s.detail : ''}`);
        print(s.children ?? [], indent + '  ');
      }
    };
    print(symbols, '');
    console.log(en ? '\nProblems (diagnostics):' : '\n问题（诊断）：');
    if (diagnostics.length === 0) console.log(en ? '  none' : '  无');
    const sev = en ? ['', 'error', 'warning', 'info', 'hint'] : ['', '错误', '警告', '提示', '建议'];
    for (const d of diagnostics as Diagnostic[]) {
      console.log(`  ${d.range.start.line + 1}:${d.range.start.character + 1}  ${sev[d.severity ?? 1]}  [${d.code}]  ${d.message}`);
    }
    // Figures: what hovering the first part's heading shows (its figures as a table).
    if (symbols[0]) {
      const hover = await server.request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: symbols[0].selectionRange.start,
      });
      console.log(en ? `\nHover on "${symbols[0].name}" (figures):` : `\n悬停“${symbols[0].name}”（数字）：`);
      console.log(hover ? (hover.contents as MarkupContent).value.replace(/^/gm, '  ') : en ? '  none' : '  无');
    }
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
