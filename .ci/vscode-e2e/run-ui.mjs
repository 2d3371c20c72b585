// UI end-to-end test of the packaged extension: installs the .vsix into a fresh code-server, opens a workspace of
// report fixtures in headless chromium and checks what a user sees — language mode, the squiggle, the Problems
// panel, the Outline view, a mouse hover and the title's code lens (the last two when the server offers them).
// Waits for UI state, never for time. Screenshots go to $SHOTS (default docs/images).
// Usage: node run-ui.mjs [--web] <vsix> <fixture dir>
//   --web: run the extension's browser build in VS Code's web-worker extension host (as in vscode.dev) instead of
//   the Node one, via the `remote.extensionKind` setting; its screenshots stay in the run folder unless SHOTS is set.
import fs from 'node:fs';
import path from 'node:path';
import { E2E, CODE_SERVER, csEnv, run, startCodeServer, launchChromium, writeUserSettings } from './lib.mjs';
import { serverCapabilities } from './capabilities.mjs';

const ROOT = path.resolve(E2E, '../..');
const WEB = process.argv.includes('--web');
const [vsixArg, fixtureArg] = process.argv.slice(2).filter((a) => a !== '--web');
const VSIX = path.resolve(vsixArg || path.join(ROOT, 'govreport.vsix'));
const FIXTURE = path.resolve(fixtureArg || path.join(ROOT, 'test/integration/fixtures'));
const WORK = (fs.mkdirSync(path.join(E2E, 'runs'), { recursive: true }), fs.mkdtempSync(path.join(E2E, 'runs/ui-')));
const SHOTS = path.resolve(process.env.SHOTS || (WEB ? path.join(WORK, 'shots') : path.join(ROOT, 'docs/images')));
const ud = path.join(WORK, 'user-data'),
  exts = path.join(WORK, 'extensions'),
  ws = path.join(WORK, 'workspace');
fs.mkdirSync(SHOTS, { recursive: true });
fs.cpSync(FIXTURE, ws, { recursive: true });
// Outline collapsed to the parts, so every level-1 part is on screen (the list is virtual: rows off screen are not in the DOM).
writeUserSettings(ud, {
  ...(WEB ? { 'remote.extensionKind': { 'govreport.govreport': ['web'] } } : {}),
  'editor.fontFamily': "'DejaVu Sans Mono', 'WenQuanYi Micro Hei Mono', monospace",
  'outline.collapseItems': 'alwaysCollapse',
});

// What a user should see in the fixture missing-part.report.txt (English UI: code-server has no Chinese language pack).
const FILE = 'missing-part.report.txt';
const LANG = 'Government report'; // the language's first alias (package.nls.json)
const TITLE = '关于2024年法治政府建设情况的报告'; // title line: carries the missing-part error and the code lens
const PARTS = ['一、2024年推进法治政府建设的主要举措和成效', '二、存在的问题', '三、2025年工作打算'];
const DIAG = 'Missing mandatory part'; // messages.ts, English catalog
const FIX = 'Insert the part'; // the missing-part quick fix
const LENS = 'Missing'; // the title's code lens names the missing part
const FIGURE_LINE = '全年办理行政执法案件128件',
  FIGURE = '128'; // a figure to hover over
const DOCX = 'word-report.docx'; // written by the docx package (test/support/docxReport.ts), Word numbering
const DOCX_PARTS = ['一、2024年推进法治政府建设的主要举措和成效', '四、2025年推进法治政府建设的主要安排'];
const PREVIEW_COMMAND = 'Open Page Preview to the Side'; // package.nls.json: the page preview (issue 14)
const EXPORT_COMMAND = 'Export to Word (.docx)'; // package.nls.json: Export to Word (issue 14)
const STATUS = /mandatory parts 3\/4 · \d+ errors · \d+ warnings/; // govreport/status, English catalog (issue 24)
const WALKTHROUGH = 'Get started with annual report checking'; // package.nls.json walkthrough.title
const WALKTHROUGH_STEPS = ['Open or paste a report', 'See the missing parts', 'Fix all', 'Export to Word'];
const shot = (name) => path.join(SHOTS, name);

const results = [];
async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push([name, true]);
    console.log(`  ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push([name, false]);
    console.log(`  FAIL ${name}: ${e.message.split('\n')[0]}`);
  }
}
const skip = (name, why) => console.log(`  skip ${name}: ${why}`);

const caps = await serverCapabilities(ROOT);
const t0 = Date.now();
await run(
  CODE_SERVER,
  ['--config', path.join(WORK, 'code-server-config.yaml'), '--user-data-dir', ud, '--extensions-dir', exts, '--install-extension', VSIX],
  { env: csEnv() },
);
const cs = await startCodeServer({ userDataDir: ud, extensionsDir: exts, logFile: path.join(WORK, 'code-server.log') });
console.log(`extension host: ${WEB ? 'web worker (browser build, dist/web)' : 'Node (remote extension host, dist/extension.js)'}`);
console.log(`code-server up at ${cs.url} after ${Date.now() - t0} ms (log: ${WORK}/code-server.log)`);
const browser = await launchChromium();
let exitCode = 1;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  // Browser console errors: all with UI_CONSOLE=1; in --web mode the extension's own (its host runs in this page).
  page.on('console', (m) => {
    if (m.type() === 'error' && (process.env.UI_CONSOLE || (WEB && /govreport/i.test(m.text()))))
      console.log('[console]', m.text().slice(0, 400));
  });
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE });
  await row.waitFor({ timeout: 60000 });
  await row.click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const lineOf = (text) => editor.locator('.view-line', { hasText: text }).first();
  await lineOf(TITLE).waitFor({ timeout: 30000 });

  await check(`language mode is ${LANG}`, async () => {
    await page
      .locator('.statusbar-item', { hasText: new RegExp(`^${LANG}$`) })
      .first()
      .waitFor({ timeout: 30000 });
  });
  await check('error squiggle under the title (missing part)', async () => {
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: shot('e2e-editor.png') });
  });

  await check('Problems panel lists the missing part', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: DIAG }).first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: shot('e2e-problems.png') });
  });

  await check('Outline view lists the parts', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('Explorer: Focus on Outline View');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Focus on Outline View' }).first().waitFor();
    await page.keyboard.press('Enter');
    for (const part of PARTS) await page.locator('.outline-pane .monaco-list-row', { hasText: part }).first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: shot('e2e-outline.png') });
  });

  if (!caps.codeActionProvider) skip('quick fix menu', 'the server offers no code actions yet');
  else
    await check('quick fix menu on the title offers to insert the part', async () => {
      await lineOf(TITLE).click(); // caret on the title line, where the error is
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget', { hasText: FIX }).first().waitFor({ state: 'visible', timeout: 30000 });
      await page.screenshot({ path: shot('e2e-quickfix.png') });
      await page.keyboard.press('Escape');
    });

  if (!caps.hoverProvider) skip('hover over a figure', 'the server offers no hover yet');
  else
    await check(`mouse hover over the figure ${FIGURE}`, async () => {
      // Where the figure is drawn: a DOM range over its characters (widths of CJK text are not a fixed column).
      const at = await lineOf(FIGURE_LINE).evaluate((line, word) => {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.data.indexOf(word);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + word.length);
          const b = r.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
        return null;
      }, FIGURE);
      if (!at) throw new Error(`${FIGURE} not found on the line`);
      await page.mouse.move(at.x - 40, at.y); // move in from the side, then onto the figure
      await page.mouse.move(at.x, at.y, { steps: 5 });
      const hover = page.locator('.monaco-hover .hover-contents').first();
      await hover.waitFor({ state: 'visible', timeout: 30000 });
      await page.locator('.monaco-hover .hover-contents', { hasText: FIGURE }).first().waitFor({ state: 'visible', timeout: 30000 });
      await page.screenshot({ path: shot('e2e-hover.png') });
    });

  if (!caps.codeLensProvider) skip("the title's code lens", 'the server offers no code lens yet');
  else
    await check('code lens above the title', async () => {
      await page.mouse.move(5, 5); // away from the figure: the hover closes
      await page.keyboard.press('Escape');
      await page.locator('.monaco-hover .hover-contents', { hasText: FIGURE }).first().waitFor({ state: 'hidden', timeout: 30000 });
      await editor.locator('.codelens-decoration', { hasText: LENS }).first().waitFor({ timeout: 30000 });
      await page.screenshot({ path: shot('e2e-codelens.png') });
    });

  // The status bar (issue 24): the server's line for the active report; a click opens the Problems view.
  await check('status bar: profile, mandatory parts 3/4, errors and warnings; a click opens Problems', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    const item = page.locator('.statusbar-item', { hasText: STATUS }).first();
    await item.waitFor({ timeout: 30000 });
    // The panel closed first (View: Hide Panel), so what opens Problems is the click.
    const markers = page.locator('.markers-panel').first();
    if (await markers.isVisible()) {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type('View: Hide Panel');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Hide Panel' }).first().waitFor();
      await page.keyboard.press('Enter');
      await markers.waitFor({ state: 'hidden', timeout: 30000 });
    }
    await item.click();
    await page.locator('.markers-panel .monaco-list-row', { hasText: DIAG }).first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: shot('e2e-statusbar.png') });
  });

  // The Getting Started walkthrough (issue 24): four steps, from opening a report to Word.
  await check('walkthrough: Getting Started lists the four steps', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('Open Walkthrough');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: WALKTHROUGH }).first().click({ timeout: 30000 });
    for (const step of WALKTHROUGH_STEPS)
      await page.locator('.gettingStartedContainer', { hasText: step }).first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: shot('e2e-walkthrough.png') });
    await page.keyboard.press('Control+W');
  });

  // A Word file opened as its report text (read-only, govreport-source:) with the outline and the findings;
  // Node host only: the web worker server has no file readers.
  if (WEB) skip('a .docx opened as report text', 'the web worker server reads no Word files');
  else
    await check('a .docx opens as its report text (Open as Report Text)', async () => {
      await page.keyboard.press('Escape');
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: DOCX }).first().click();
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type('Open as Report Text');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open as Report Text' }).first().waitFor();
      await page.keyboard.press('Enter');
      await editor.locator('.view-line', { hasText: DOCX_PARTS[0] }).first().waitFor({ timeout: 30000 });
      await page
        .locator('.tab', { hasText: `${DOCX}.govreport` })
        .first()
        .waitFor({ timeout: 30000 });
      for (const part of DOCX_PARTS)
        await page.locator('.outline-pane .monaco-list-row', { hasText: part }).first().waitFor({ timeout: 30000 });
      await page.screenshot({ path: shot('e2e-docx.png') });
    });

  // The page preview and the Word export (issue 14), on the report again.
  await check('page preview beside the editor: the title, a page break, page numbers', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first().click();
    await lineOf(TITLE).click();
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(PREVIEW_COMMAND);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: PREVIEW_COMMAND }).first().waitFor();
    await page.keyboard.press('Enter');
    // A webview is an iframe (the webview host) holding the content's iframe.
    const view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await view.locator('.line.title', { hasText: TITLE }).first().waitFor({ timeout: 30000 });
    await view.locator('section.page').nth(1).waitFor({ timeout: 30000 }); // the report runs onto a second page
    await view.locator('section.page .number', { hasText: '— 2 —' }).first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: shot('e2e-preview.png') });
  });

  await check('Export to Word: saved next to the report, the message names what is missing', async () => {
    await lineOf(TITLE).click();
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(EXPORT_COMMAND);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: EXPORT_COMMAND }).first().waitFor();
    await page.keyboard.press('Enter');
    // code-server's save dialog is VS Code's simple file dialog: a quick input holding the default path.
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(() => /\.docx$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''), null, {
      timeout: 30000,
    });
    const target = await input.inputValue();
    await page.keyboard.press('Enter');
    await page.locator('.notifications-toasts', { hasText: 'Exported' }).first().waitFor({ timeout: 30000 });
    if (!target.endsWith('/missing-part.docx')) throw new Error(`default target ${target}`);
    const file = path.join(ws, 'missing-part.docx');
    const bytes = fs.readFileSync(file);
    if (bytes.subarray(0, 2).toString() !== 'PK') throw new Error('not a Word package');
    await page.locator('.notifications-toasts', { hasText: 'missing mandatory parts' }).first().waitFor({ timeout: 5000 });
  });

  exitCode = results.every(([, ok]) => ok) ? 0 : 1;
  if (exitCode) await page.screenshot({ path: path.join(WORK, 'failure.png') });
} catch (e) {
  console.log('FATAL', e);
  exitCode = 1;
} finally {
  await browser.close();
  await cs.stop();
}
const passed = results.filter(([, ok]) => ok).length;
if (exitCode === 0 && !process.env.KEEP_RUNS) fs.rmSync(WORK, { recursive: true, force: true });
else console.log(`logs and failure.png in ${WORK}`);
console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${SHOTS}`);
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(exitCode);
