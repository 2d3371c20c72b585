// The assessor's page (issue 26): `govreport check <folder> --format html -o review.html` on a folder
// of three reports (two years of one body, another body's near-copy), read as HTML and then in a real
// browser (Debian's chromium through playwright-core from .ci/vscode-e2e's tools): it renders with no
// network, a header click sorts, a cell's link lands on its findings, it prints. The screenshot goes
// to $SHOTS when set (SHOTS=docs/images for the one in docs/review.md).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { analyze, keyFigures } from '../server/src/core';
import { runCli } from './support/cli';

const ROOT = resolve(__dirname, '..', '..');
const DIR = join(ROOT, 'test', 'fixtures', 'reuse');
const TOOLS = process.env.TOOLS || join(homedir(), '.cache/vscode-e2e-tools');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// The little of playwright-core this test uses (it is a tool of the e2e runs, not a dependency).
interface Locator {
  click(): Promise<void>;
  first(): Locator;
  getAttribute(name: string): Promise<string | null>;
  textContent(): Promise<string | null>;
  isVisible(): Promise<boolean>;
}
interface Page {
  on(event: 'pageerror', f: (e: Error) => void): void;
  goto(url: string): Promise<unknown>;
  evaluate<T>(expression: string): Promise<T>;
  locator(selector: string, options?: { hasText: string }): Locator;
  screenshot(options: { path: string }): Promise<unknown>;
  emulateMedia(options: { media: 'print' }): Promise<void>;
  pdf(options: { format: string }): Promise<Buffer>;
}
interface Browser {
  newContext(options: { viewport: { width: number; height: number } }): Promise<{
    on(event: 'request', f: (r: { url(): string }) => void): void;
    newPage(): Promise<Page>;
  }>;
  close(): Promise<void>;
}
type Chromium = { launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser> };

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-assessor-'));
  copyFileSync(join(DIR, 'qingshan-2023.txt'), join(dir, 'qingshan-2023.txt'));
  copyFileSync(join(DIR, 'qingshan-2024.txt'), join(dir, 'qingshan-2024.txt'));
  // Another body's report, the same text but its name and without its shortcomings part: a near-copy pair and a ✘.
  const other = readFileSync(join(DIR, 'qingshan-2023.txt'), 'utf8')
    .replace(/青山镇/g, '绿水镇')
    .replace(/三、存在的不足和原因\n.*\n/, '');
  writeFileSync(join(dir, 'lvshui-2023.txt'), other);
  return dir;
}

function page(): { dir: string; html: string; file: string } {
  const dir = folder();
  const file = join(dir, 'review.html');
  const r = runCli(['check', '.', '--format', 'html', '-o', 'review.html'], { cwd: dir });
  assert.equal(r.status, 1, r.stderr); // the missing part is an error
  assert.match(r.stderr, /已写入 review\.html/);
  return { dir, html: readFileSync(file, 'utf8'), file };
}

describe("the assessor's page (check --format html)", () => {
  test('one self-contained file: parts ✔/✘, findings per rule, reused share, near-copy pairs, key figures with a chart each', () => {
    const { html } = page();
    // Nothing fetched: no external URL in src/href, a CSP that forbids the network.
    assert.doesNotMatch(html, /(?:src|href)="(?:https?:)?\/\//);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    const parts = html.match(/<table class="sortable" id="parts">.*?<\/table>/s)![0];
    const row = (name: string) => parts.match(new RegExp(`<tr><td class="name"><a href="#r\\d">${name}.*?</tr>`))![0];
    assert.match(row('lvshui-2023\\.txt'), /<a href="#r\d-missing-part">✘<\/a>/);
    assert.doesNotMatch(row('qingshan-2024\\.txt'), /✘/);
    // 50% is not above the default threshold of 50%: not red (shown and compared as the same whole percent).
    assert.match(row('qingshan-2024\\.txt'), /<td data-v="0\.5\d*" class=""><a href="#r\d-reused-text">50%<\/a>/);
    assert.match(html, /<th><code>missing-part<\/code><\/th>/);
    const pairs = html.match(/<table class="sortable" id="pairs">.*?<\/table>/s)![0];
    assert.match(pairs, /lvshui-2023\.txt.*qingshan-2023\.txt|qingshan-2023\.txt.*lvshui-2023\.txt/);
    assert.match(html, /<table class="sortable" id="figures"><thead><tr><th class="name">报告<\/th><th>行政复议案件<\/th>/);
    assert.match(html, /<div class="chart"><h4>合法性审查<\/h4><svg/);
    // Every in-page link has its target.
    for (const [, id] of html.matchAll(/href="#([^"]+)"/g)) assert.match(html, new RegExp(`id="${id}"`), id);
  });

  test("key figures: the first figure the profile's words name, not a category of it (信息公开类行政复议)", () => {
    const text = readFileSync(join(DIR, 'qingshan-2024.txt'), 'utf8').replace(
      '（二）规范行政决策',
      '收到信息公开类行政复议0件。全年办理行政复议案件5件，行政诉讼案件2件。（二）规范行政决策',
    );
    const found = Object.fromEntries(keyFigures(analyze(text)).map((k) => [k.id, k.found?.text]));
    assert.equal(found.reconsideration, '5件');
    assert.equal(found.litigation, '2件');
  });

  test('names relative to the checked folder: two folders’ qingshan-2024.txt stay apart, no absolute path on the page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-assessor-two-'));
    for (const sub of ['a', 'b']) mkdirSync(join(dir, sub));
    const text = readFileSync(join(DIR, 'qingshan-2024.txt'), 'utf8');
    writeFileSync(join(dir, 'a', 'qingshan-2024.txt'), text);
    writeFileSync(join(dir, 'b', 'qingshan-2024.txt'), text.replace(/青山镇/g, '绿水镇'));
    const r = runCli(['check', dir, '--format', 'html']);
    assert.equal(r.status, 0, r.stderr);
    const html = r.stdout;
    const parts = html.match(/<table class="sortable" id="parts">.*?<\/table>/s)![0];
    assert.deepEqual(
      [...parts.matchAll(/<td class="name"><a href="#r\d">([^<]*)<\/a>/g)].map((m) => m[1]),
      ['a/qingshan-2024.txt', 'b/qingshan-2024.txt'],
    );
    assert.deepEqual(
      [...html.matchAll(/<h3>([^<]*)<\/h3>/g)].map((m) => m[1]),
      ['a/qingshan-2024.txt', 'b/qingshan-2024.txt'],
    );
    // The near-copy pair: both names relative, each linking to its report's findings.
    const pairs = html.match(/<table class="sortable" id="pairs">.*?<\/table>/s)![0];
    assert.match(
      pairs,
      /<td class="name"><a href="#r0">a\/qingshan-2024\.txt<\/a><\/td><td class="name"><a href="#r1">b\/qingshan-2024\.txt<\/a>/,
    );
    assert.ok(!html.includes(dir), 'the checked folder’s own path is not on the page');
  });

  test('-o is for --format html only: with another format one clear line and exit 2, nothing written', () => {
    const dir = folder();
    for (const format of ['text', 'json', 'sarif']) {
      const r = runCli(['check', '.', '--format', format, '-o', 'out.txt'], { cwd: dir });
      assert.equal(r.status, 2, format);
      assert.match(r.stderr, /^-o 只用于 --format html；.*\(-o is for --format html; redirect standard output for the others\)\n/, format);
      assert.equal(r.stdout, '');
      assert.equal(existsSync(join(dir, 'out.txt')), false);
    }
    // Without --format (text by default) too.
    assert.equal(runCli(['check', '.', '-o', 'out.txt'], { cwd: dir }).status, 2);
  });

  const require = createRequire(join(TOOLS, 'package.json'));
  let why = '';
  if (!existsSync(CHROMIUM)) why = `no chromium at ${CHROMIUM}`;
  else if (!existsSync(join(TOOLS, 'node_modules', 'playwright-core')))
    why = `no playwright-core in ${TOOLS} (bash .ci/vscode-e2e/install-tools.sh)`;
  test('in Chromium: renders offline, sorts on a header click, a link lands on its findings, prints', { skip: why || false }, async () => {
    const { chromium } = require('playwright-core') as { chromium: Chromium };
    const { file } = page();
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      context.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      const p = await context.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(pathToFileURL(file).href);
      const names = () => p.evaluate<string[]>(`[...document.querySelectorAll('#parts tbody tr td.name a')].map((a) => a.textContent)`);
      assert.deepEqual(await names(), ['lvshui-2023.txt', 'qingshan-2023.txt', 'qingshan-2024.txt']);
      // Sort by errors, twice: descending puts the report with the missing part first.
      const errorsHeader = p.locator('#parts th', { hasText: '错误' });
      await errorsHeader.click();
      await errorsHeader.click();
      assert.equal(await errorsHeader.getAttribute('aria-sort'), 'descending');
      assert.equal((await names())[0], 'lvshui-2023.txt');
      // Sort by the reused share, descending: the 2024 report (50%) first.
      const reusedHeader = p.locator('#parts th', { hasText: '与上年重复' });
      await reusedHeader.click();
      await reusedHeader.click();
      assert.equal((await names())[0], 'qingshan-2024.txt');
      if (process.env.SHOTS) await p.screenshot({ path: join(process.env.SHOTS, 'assessor-page.png') });
      // Follow the ✘ to the missing-part findings.
      await p.locator('#parts a', { hasText: '✘' }).click();
      const hash = await p.evaluate<string>('location.hash');
      assert.match(hash, /^#r\d-missing-part$/);
      const target = p.locator(hash);
      assert.match((await target.textContent()) ?? '', /missing-part/);
      assert.ok(await target.isVisible());
      assert.match((await p.locator(`${hash} + ul`).textContent()) ?? '', /推进法治政府建设存在的不足和原因/);
      // It prints: a PDF with the tables (the print stylesheet hides the sort hint).
      await p.emulateMedia({ media: 'print' });
      assert.equal(await p.locator('.hint').first().isVisible(), false);
      const pdf = await p.pdf({ format: 'A4' });
      assert.ok(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 10_000);
      assert.deepEqual(errors, []);
      assert.deepEqual(requests, []);
    } finally {
      await browser.close();
    }
  });
});
