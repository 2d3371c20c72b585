// The assessor's page through the server (issue 26: "each works through the CLI, the server and the
// editor"): govreport.assessorPage over a real JSON-RPC connection on a folder of fixture reports (two
// years of one body, another body's report stating its key figures, a near-copy in a subfolder missing
// a part, a note that is no report). The page is read back with htmlparser2: the tables hold what the
// reports say, names are relative to the folder, an open report counts as the editor has it, and the
// page is the one `govreport check <folder> --format html` writes (one shared builder).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { SERVER_COMMANDS } from '../server/src/protocol';
import { useServer } from './support/serverSuite';
import { runCli } from './support/cli';

const ROOT = resolve(__dirname, '..', '..');
const REUSE = join(ROOT, 'test', 'fixtures', 'reuse');

interface Page {
  html: string;
  fileName: string;
  reports: number;
  errors: number;
  warnings: number;
  pairs: number;
  message: string;
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-assessor-server-'));
  for (const f of ['qingshan-2023.txt', 'qingshan-2024.txt']) copyFileSync(join(REUSE, f), join(dir, f));
  const last = readFileSync(join(REUSE, 'qingshan-2023.txt'), 'utf8');
  // Another body, stating the figures an assessor compares — after its 政府信息公开 sentence's own.
  writeFileSync(
    join(dir, 'baihe-2024.txt'),
    readFileSync(join(REUSE, 'qingshan-2024.txt'), 'utf8')
      .replaceAll('青山镇', '白河镇')
      .replace(
        '未发生因决策失误引发的行政复议和行政诉讼案件。',
        '全年主动公开政府信息80条，信息公开类行政复议0件，行政诉讼0件。全年办理行政复议案件12件，行政诉讼案件5件，行政诉讼败诉率为4.5%。',
      ),
  );
  mkdirSync(join(dir, 'county'));
  writeFileSync(join(dir, 'county', 'lvshui-2023.txt'), last.replace(/青山镇/g, '绿水镇').replace(/三、存在的不足和原因\n.*\n/, ''));
  writeFileSync(join(dir, 'notes.txt'), '会议记录\n明天上午九点开会。\n');
  return dir;
}

/** The page's tables as text: table id → rows → cells. */
function tables(html: string): Record<string, string[][]> {
  const doc = parseDocument(html);
  const out: Record<string, string[][]> = {};
  for (const t of DomUtils.findAll((e) => e.name === 'table', doc.children))
    out[t.attribs.id] = DomUtils.findAll((e) => e.name === 'tr', [t]).map((tr) =>
      tr.children
        .filter((c): c is Element => (c as Element).name === 'td' || (c as Element).name === 'th')
        .map((c) => DomUtils.textContent(c)),
    );
  return out;
}

describe("the assessor's page through the server (govreport.assessorPage)", () => {
  const s = useServer();
  const page = (uri: string) =>
    s.server.request<Page>('workspace/executeCommand', { command: SERVER_COMMANDS.assessorPage, arguments: [{ uri }] });

  test('the tables of a folder: parts ✔/✘, reused share, near-copies, key figures; names relative to the folder', async () => {
    const dir = folder();
    const result = await page(pathToFileURL(dir).href);
    assert.equal(result.fileName, 'review.html');
    assert.equal(result.reports, 4, 'notes.txt names no report kind');
    assert.match(result.message, /^审核汇总页：4 份报告，\d+ 个错误，\d+ 个警告，\d+ 对相似报告$/);
    const t = tables(result.html);
    const name = (row: string[]) => row[0].replace(/关于.*$/, '');
    assert.deepEqual(t.parts.slice(1).map(name), ['baihe-2024.txt', 'county/lvshui-2023.txt', 'qingshan-2023.txt', 'qingshan-2024.txt']);
    const row = (table: string, file: string) => t[table].find((r) => r[0].startsWith(file))!;
    assert.deepEqual(t.parts[0].slice(0, 2), ['报告', '年度']);
    assert.ok(row('parts', 'county/lvshui-2023.txt').includes('✘'), 'the missing shortcomings part');
    assert.ok(!row('parts', 'qingshan-2024.txt').includes('✘'));
    assert.equal(row('parts', 'qingshan-2024.txt').at(-1), '50%', "last year's report beside it");
    assert.equal(row('parts', 'qingshan-2023.txt').at(-1), '—');
    assert.ok(
      t.pairs.some((r) => r[0] === 'county/lvshui-2023.txt' && r[1] === 'qingshan-2023.txt'),
      t.pairs.map((r) => r.join(' ')).join('\n'),
    );
    assert.equal(result.pairs, t.pairs.length - 1);
    // Key figures: the report's totals, not the info-disclosure sentence's 0件.
    assert.deepEqual(t.figures[0].slice(0, 4), ['报告', '行政复议案件', '行政诉讼案件', '行政诉讼败诉率']);
    assert.deepEqual(row('figures', 'baihe-2024.txt').slice(1, 4), ['12件', '5件', '4.5%']);
    assert.ok(!result.html.includes(dir), 'no absolute path on the page');
  });

  test('the same page as govreport check <folder> --format html (one builder), but for the time it was made', async () => {
    const dir = folder();
    const fromServer = (await page(pathToFileURL(dir).href)).html;
    // Run in the folder: the CLI names last year's report in reused-text's message as it found it (a path).
    const cli = runCli(['check', '.', '--format', 'html'], { cwd: dir });
    assert.equal(cli.status, 1, cli.stderr);
    const untimed = (html: string) => html.replace(/生成时间 [\d-]+ [\d:]+/, '生成时间 …').trimEnd(); // stdout ends with one more newline
    assert.equal(untimed(fromServer), untimed(cli.stdout));
  });

  test('Word reports in the folder are on it, as the CLI puts them; a file that cannot be read is listed', async () => {
    const dir = folder();
    copyFileSync(join(ROOT, 'test', 'integration', 'fixtures', 'word-report.docx'), join(dir, 'county', 'word-report.docx'));
    const fromServer = await page(pathToFileURL(dir).href);
    assert.equal(fromServer.reports, 5);
    const t = tables(fromServer.html);
    const row = t.parts.find((r) => r[0].startsWith('county/word-report.docx'));
    assert.ok(row, t.parts.map((r) => r[0]).join('\n'));
    assert.ok(!row.includes('✘'), 'the Word report has every part');
    const cli = runCli(['check', '.', '--format', 'html'], { cwd: dir });
    const untimed = (html: string) => html.replace(/生成时间 [\d-]+ [\d:]+/, '生成时间 …').trimEnd();
    assert.equal(untimed(fromServer.html), untimed(cli.stdout));

    writeFileSync(join(dir, 'broken.docx'), 'not a zip');
    const withBroken = await page(pathToFileURL(dir).href);
    assert.equal(withBroken.reports, 5);
    assert.match(withBroken.html, /<h2>无法读取的文件<\/h2><ul><li>[^<]*broken\.docx[^<]*<\/li><\/ul>/);
  });

  test('an open report counts as the editor has it, not as saved', async () => {
    const dir = folder();
    const file = join(dir, 'qingshan-2023.txt');
    const edited = readFileSync(file, 'utf8').replace(/三、存在的不足和原因\n.*\n/, '');
    await s.server.open(pathToFileURL(file).href, edited, 'govreport');
    const t = tables((await page(pathToFileURL(dir).href)).html);
    assert.ok(t.parts.find((r) => r[0].startsWith('qingshan-2023.txt'))!.includes('✘'));
  });

  test('a folder without reports: an error saying so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-assessor-empty-'));
    writeFileSync(join(dir, 'notes.txt'), '会议记录\n');
    await assert.rejects(page(pathToFileURL(dir).href), /文件夹中没有找到报告文件/);
    await assert.rejects(page(''), /文件夹中没有找到报告文件/);
  });
});
