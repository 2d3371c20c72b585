/**
 * The page preview's script, inside the webview (bundled to dist/preview.js). It draws the pages
 * the server laid out (server/src/export/pages.ts) on the sheet it describes (A4, the margins, the
 * 22 × 28 grid, the fonts with their fallbacks, — N — page numbers: PreviewSheet, from
 * server/src/export/gbt9704.ts) and reports scrolling and clicks back by source line. It shares only
 * the protocol's types with the server: no layout decisions here; no network, no inline handlers
 * (strict CSP).
 */
import type { PreviewLine, PreviewPage, PreviewResult, PreviewSheet } from '../../server/src/protocol';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();

/** Letter spacing that puts a character of `pt` on the grid's character pitch (as Word's grid does). */
const squeeze = (sheet: PreviewSheet, pt: number) => `${(sheet.charPitchPt - sheet.sizePt.body) * (pt / sheet.sizePt.body)}pt`;

/** The page's style sheet, from the sheet the server sent. */
function css(sheet: PreviewSheet): string {
  const { margin, typeArea, sizePt: SIZE, linePitchPt: LINE_PITCH_PT } = sheet;
  const family = (role: string) => sheet.fontFamily[role] ?? 'serif';
  return `:root { color-scheme: light; }
body { margin: 0; padding: 16px 0; background: var(--vscode-editor-background, #e8e8e8); }
#pages { display: flex; flex-direction: column; align-items: center; gap: 16px; }
.page { position: relative; width: ${sheet.widthMm}mm; height: ${sheet.heightMm}mm; background: #fff; color: #000;
  box-shadow: 0 1px 4px rgba(0,0,0,.35); flex: none; }
.area { position: absolute; left: ${margin.leftMm}mm; top: ${margin.topMm}mm; width: ${typeArea.widthMm}mm; height: ${typeArea.heightMm}mm; }
.line { position: relative; height: ${LINE_PITCH_PT}pt; line-height: ${LINE_PITCH_PT}pt; white-space: pre; overflow: visible;
  font-family: ${family('body')}; font-size: ${SIZE.body}pt; letter-spacing: ${squeeze(sheet, SIZE.body)}; box-sizing: border-box; cursor: default; }
/* One row is one line: never wrapped again here (a font wider than the grid runs into the margin instead). */
.line.justify:not(.last) { text-align: justify; text-align-last: justify; }
.line.center { text-align: center; } .line.right { text-align: right; }
.line.title, .line.attachmentTitle { font-size: ${SIZE.title}pt; letter-spacing: ${squeeze(sheet, SIZE.title)}; }
.line.heading { cursor: pointer; }
.line:hover { background: rgba(0, 120, 215, .06); }
.r-title { font-family: ${family('title')}; } .r-heading1 { font-family: ${family('heading1')}; }
.r-heading2 { font-family: ${family('heading2')}; } .r-body { font-family: ${family('body')}; }
.line.sev-error::before, .line.sev-warning::before, .line.sev-information::before, .line.sev-hint::before {
  content: ''; position: absolute; left: -6mm; top: 25%; height: 50%; width: 2mm; border-radius: 1mm; }
.line.sev-error::before { background: #e51400; } .line.sev-warning::before { background: #bf8803; }
.line.sev-information::before, .line.sev-hint::before { background: #1a85ff; }
.line.sev-error, .line.sev-warning { text-decoration: underline wavy; text-decoration-color: rgba(229, 20, 0, .55); text-underline-offset: 4pt; }
.line.sev-warning { text-decoration-color: rgba(191, 136, 3, .6); }
.row { display: flex; border: .5pt solid #000; border-top: none; font-family: ${family('body')}; font-size: ${SIZE.table}pt; line-height: 1.25; box-sizing: border-box; }
.row.first { border-top: .5pt solid #000; }
.cell { flex: 1; padding: 2pt; border-left: .5pt solid #000; text-align: center; white-space: normal; overflow-wrap: anywhere; }
.cell:first-child { border-left: none; }
.number { position: absolute; top: ${margin.topMm + typeArea.heightMm + sheet.pageNumberGapMm}mm; font-family: ${family('pageNumber')};
  font-size: ${SIZE.pageNumber}pt; white-space: pre; }
.number.odd { right: calc(${margin.rightMm}mm + ${SIZE.pageNumber}pt); } .number.even { left: calc(${margin.leftMm}mm + ${SIZE.pageNumber}pt); }
.empty { color: #666; font: 14px sans-serif; padding: 2em; }
`;
}

/** The style sheet, installed once the first pages arrive with their sheet. */
let sheet: PreviewSheet | undefined;
function installStyle(next: PreviewSheet): void {
  if (sheet) return;
  sheet = next;
  const style = document.createElement('style');
  style.nonce = document.querySelector<HTMLMetaElement>('meta[name="govreport-nonce"]')?.content ?? '';
  style.textContent = css(next);
  document.head.appendChild(style);
  fitWidth();
}

function lineElement(sheet: PreviewSheet, l: PreviewLine, first: boolean): HTMLElement {
  const el = document.createElement('div');
  el.dataset.source = String(l.source);
  if (l.kind === 'table-row') {
    el.className = `row${first ? ' first' : ''}`;
    el.style.minHeight = `${l.height * sheet.linePitchPt}pt`;
    for (const c of l.cells ?? []) {
      const cell = document.createElement('div');
      cell.className = 'cell';
      cell.textContent = c;
      el.appendChild(cell);
    }
    return el;
  }
  el.className = ['line', l.kind, l.align, l.last ? 'last' : '', l.severity ? `sev-${l.severity}` : ''].filter(Boolean).join(' ');
  if (l.indent) el.style.paddingLeft = `${l.indent * sheet.charPitchPt}pt`;
  if (l.rightIndent) el.style.paddingRight = `${l.rightIndent * sheet.charPitchPt}pt`;
  if (l.kind === 'heading' && l.level) el.title = `${l.level}`;
  for (const r of l.runs) {
    const span = document.createElement('span');
    span.className = `r-${r.role}`;
    span.textContent = r.text;
    el.appendChild(span);
  }
  return el;
}

/** Pages narrower than the pane are scaled down to fit its width (as a PDF viewer's "fit width"), never up. */
function fitWidth(): void {
  if (!sheet) return;
  const root = document.getElementById('pages')!;
  const pagePx = (sheet.widthMm / 25.4) * 96;
  root.style.zoom = String(Math.min(1, (document.documentElement.clientWidth - 24) / pagePx));
}
window.addEventListener('resize', fitWidth);

function render(sheet: PreviewSheet, pages: readonly PreviewPage[]): void {
  const root = document.getElementById('pages')!;
  const keep = document.scrollingElement?.scrollTop ?? 0;
  root.replaceChildren();
  for (const p of pages) {
    const page = document.createElement('section');
    page.className = 'page';
    page.dataset.page = String(p.number);
    const area = document.createElement('div');
    area.className = 'area';
    p.lines.forEach((l, i) => area.appendChild(lineElement(sheet, l, l.kind === 'table-row' && p.lines[i - 1]?.kind !== 'table-row')));
    const number = document.createElement('div');
    number.className = `number ${p.number % 2 ? 'odd' : 'even'}`;
    number.textContent = p.numberText;
    page.append(area, number);
    root.appendChild(page);
  }
  if (document.scrollingElement) document.scrollingElement.scrollTop = keep;
}

// Scrolling both ways, by source line. Our own scrolling is not reported back.
let quietUntil = 0;
const lines = () => Array.from(document.querySelectorAll<HTMLElement>('[data-source]'));

function scrollToLine(line: number): void {
  const target = lines().find((el) => Number(el.dataset.source) >= line);
  if (!target) return;
  quietUntil = Date.now() + 300;
  target.scrollIntoView({ block: 'start' });
}

let frame = 0;
window.addEventListener('scroll', () => {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    if (Date.now() < quietUntil) return;
    const top = lines().find((el) => el.getBoundingClientRect().bottom > 0);
    if (top) vscode.postMessage({ type: 'scrolled', line: Number(top.dataset.source) });
  });
});

document.addEventListener('click', (e) => {
  const el = (e.target as HTMLElement).closest<HTMLElement>('[data-source]');
  if (el) vscode.postMessage({ type: 'reveal', line: Number(el.dataset.source) });
});

window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as { type: string; line?: number } & Partial<PreviewResult>;
  if (m.type === 'pages' && m.pages && m.sheet) {
    installStyle(m.sheet);
    render(m.sheet, m.pages);
  } else if (m.type === 'scroll' && typeof m.line === 'number') scrollToLine(m.line);
});

vscode.postMessage({ type: 'ready' });
