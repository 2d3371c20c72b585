// Intake in linear time and without stack overflows (issue 12, round 2: the outside probe). Each
// file below is small — from 1 KB to 2 MB — and each crashed the reader or took minutes before.
// Bounds are CPU seconds of this process, generous (see test/slow/linearTime.test.ts): only the broken path misses them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { docxToText } from '../server/src/intake/docx';
import { articleText, fragmentText } from '../server/src/intake/html';
import { tidyLines } from '../server/src/intake/lines';
import { layoutPages, type PdfPage } from '../server/src/intake/pdf/layout';

function within<T>(seconds: number, what: string, f: () => T): T {
  const started = process.cpuUsage();
  const out = f();
  const used = process.cpuUsage(started);
  const took = (used.user + used.system) / 1e6;
  assert.ok(took < seconds, `${what} took ${took.toFixed(1)} s (bound ${seconds} s)`);
  return out;
}

const P = '<p>我县扎实推进法治政府建设，全年办理行政复议案件12件。</p>';
const page = (body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于2024年法治政府建设情况的报告</title></head><body>${body}</body></html>`;

test('100,000 nested <div>s: read, not a stack overflow (was RangeError: Maximum call stack size exceeded from 10,000)', () => {
  const text = within(20, 'nested divs', () => articleText(page('<div>'.repeat(100_000) + P + '</div>'.repeat(100_000))).text);
  assert.match(text, /全年办理行政复议案件12件。/);
  const pasted = within(20, 'pasted nested divs', () => fragmentText('<div>'.repeat(100_000) + P + '</div>'.repeat(100_000)));
  assert.equal(pasted, '我县扎实推进法治政府建设，全年办理行政复议案件12件。');
});

test('100,000 unclosed <div><span><b> in under 20 s (was minutes: the parser unshifted every open element)', () => {
  const text = within(20, 'unclosed', () => articleText(page('<div><span><b>'.repeat(100_000) + P)).text);
  assert.match(text, /全年办理行政复议案件12件。/);
});

test('tables in tables, lists in lists, 20,000 deep: read in order', () => {
  const tables = within(20, 'nested tables', () =>
    fragmentText('<table><tr><td>'.repeat(20_000) + '甲' + '</td></tr></table>'.repeat(20_000)),
  );
  assert.equal(tables, '甲');
  const lists = within(20, 'nested lists', () => fragmentText('<ol><li>'.repeat(20_000) + '乙' + '</li></ol>'.repeat(20_000)));
  assert.match(lists, /乙$/);
});

test('16,000 nested paragraphs score the article in under 20 s (was quadratic: each paragraph re-walked its subtree)', () => {
  const para = '<div>我县扎实推进法治政府建设取得明显成效，办理案件3件。';
  const text = within(20, 'nested paragraphs', () => articleText(page(para.repeat(16_000) + '</div>'.repeat(16_000))).text);
  assert.equal(text.split('我县扎实推进').length - 1, 16_000);
});

test('a layout cell of 200,000 paragraphs gives its lines (was RangeError from push(...lines))', () => {
  const text = within(30, 'layout cell', () =>
    fragmentText('<table><tr><td>' + '<p>办理3件。</p>'.repeat(200_000) + '</td><td><p>x</p></td></tr></table>'),
  );
  assert.equal(text.split('\n').length, 200_001);
});

test('a long run of spaces inside a line is trimmed in linear time (was minutes for 200,000 NBSP)', () => {
  const nbsp = within(10, 'NBSP run', () => fragmentText(`<p>甲${'\u00a0'.repeat(400_000)}乙 </p>`));
  assert.equal(nbsp, `甲${' '.repeat(400_000)}乙`);
  const entities = within(10, '&nbsp; run', () => fragmentText(`<p>一、${'&nbsp;'.repeat(400_000)}加强</p>`));
  assert.ok(entities.startsWith('一、') && entities.endsWith('加强'));
  assert.equal(
    within(10, 'tidyLines', () => tidyLines(`甲${' \u3000\t'.repeat(200_000)}乙 \t\n\n\n\n丙\u3000\u00a0`)),
    `甲${' \u3000\t'.repeat(200_000)}乙\n\n丙`,
  );
});

function docx(body: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({ 'word/document.xml': strToU8(xml) });
}
const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;

test('.docx: 400,000 spaces inside a paragraph and inside a table cell in under 10 s each (was quadratic: a 1.6 KB file took minutes)', () => {
  const spaces = ' '.repeat(400_000);
  const text = within(10, 'paragraph', () => docxToText(docx(para(`甲${spaces}乙${spaces}`))));
  assert.equal(text, `甲${spaces}乙`);
  const cell = within(10, 'cell', () =>
    docxToText(docx(`<w:tbl><w:tr><w:tc>${para(`甲${spaces}乙`)}</w:tc><w:tc>${para('丙')}</w:tc></w:tr></w:tbl>`)),
  );
  assert.equal(cell, `| 甲${spaces}乙 | 丙 |`);
  // A nested table's row inside a cell: its bars become spaces, the spaces beside them go.
  const nested = within(10, 'nested cell', () =>
    docxToText(
      docx(
        `<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc>${para(`甲${spaces}`)}</w:tc><w:tc>${para(`${spaces}乙`)}</w:tc></w:tr></w:tbl></w:tc><w:tc>${para('丙')}</w:tc></w:tr></w:tbl>`,
      ),
    ),
  );
  assert.equal(nested, '| 甲 乙 | 丙 |');
});

test('.pdf: 100,000 lines that fill the width, one paragraph, laid out in under 10 s (was > 10 min: each join re-tested the whole paragraph)', () => {
  const pages: PdfPage[] = Array.from({ length: 2_000 }, () => ({
    width: 595,
    height: 842,
    lines: Array.from({ length: 50 }, (_, i) => ({ text: `办理案件${i}件`, x0: 72, x1: 500 + (i % 3), y: 800 - i * 15, size: 12 })),
  }));
  const text = within(10, 'full-width lines', () => layoutPages(pages));
  assert.equal(text.split('\n').length, 1);
  // The two lines at each page's top and bottom repeat on every page: running headers, dropped.
  assert.equal(text.split('办理案件').length - 1, 2_000 * 46);
});

test('.pdf: a page of 200,000 lines, each starting elsewhere: no stack overflow from Math.min(...starts)', () => {
  const page: PdfPage = {
    width: 595,
    height: 842,
    lines: Array.from({ length: 200_000 }, (_, i) => ({ text: `第${i}行 word`, x0: 72 + i, x1: 300 + i, y: 800 - i, size: 12 })),
  };
  const text = within(10, 'many starts', () => layoutPages([page]));
  assert.ok(text.startsWith('第0行 word'));
});
