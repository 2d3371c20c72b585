// The TextMate grammar (syntax colouring fallback): valid JSON with the documented scopes, and
// the real engine VS Code uses tokenizes report lines into them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { GRAMMAR_PATH, scopeOf, tokenize } from './support/textmate';

test('grammar: valid JSON naming every scope the language needs', () => {
  const raw = readFileSync(GRAMMAR_PATH, 'utf8');
  const g = JSON.parse(raw);
  assert.equal(g.scopeName, 'text.govreport');
  for (const scope of [
    'markup.heading.title',
    'entity.name.addressee',
    'markup.heading.1',
    'markup.heading.2',
    'markup.heading.3',
    'markup.heading.4',
    'keyword.other.item',
    'constant.numeric.figure.value',
    'keyword.other.unit',
    'string.quoted.other.document-name',
    'string.quoted.double.term',
    'constant.other.date',
    'comment.block.debris.bookmark',
    'comment.line.debris.web',
  ]) {
    assert.ok(raw.includes(`${scope}.govreport`), scope);
  }
});

test('grammar: header lines, the four heading levels and their half-width variants', async () => {
  const [title, addressee, lead, h1, h2, h2half, h3, h4, h3full] = await tokenize(
    [
      '关于2024年法治政府建设情况的报告',
      '区委、区政府：',
      '现将有关情况报告如下：',
      '一、2024年推进法治政府建设的主要举措和成效',
      '（一）强化组织领导。一是压实责任，',
      '(二)、完善制度',
      '1.健全机制',
      '（1）强化保障。',
      '２．全角数字',
    ].join('\n'),
  );
  assert.match(scopeOf(title, '关于'), /markup\.heading\.title/);
  assert.match(scopeOf(addressee, '区委、区政府'), /entity\.name\.addressee/);
  assert.ok(!lead.some((t) => t.scopes.some((s) => s.startsWith('entity.name.addressee'))), 'the lead is no addressee');
  assert.match(scopeOf(h1, '一、'), /markup\.heading\.1\.govreport constant\.numeric\.ordinal/);
  assert.match(scopeOf(h1, '2024年'), /markup\.heading\.1\.govreport entity\.name\.section\.govreport constant\.other\.date\.year/);
  assert.match(scopeOf(h2, '（一）'), /markup\.heading\.2\.govreport constant\.numeric\.ordinal/);
  assert.match(scopeOf(h2, '强化组织领导'), /entity\.name\.section/);
  assert.match(scopeOf(h2, '一是'), /keyword\.other\.item/, 'the item after a run-in heading');
  assert.match(scopeOf(h2half, '(二)、'), /markup\.heading\.2/);
  assert.match(scopeOf(h3, '1.'), /markup\.heading\.3/);
  assert.match(scopeOf(h4, '（1）'), /markup\.heading\.4/);
  assert.match(scopeOf(h3full, '２．'), /markup\.heading\.3/);
});

test('grammar: items, figures, document names, quoted terms, dates', async () => {
  const [body, sign] = await tokenize(
    [
      '一是依据《中华人民共和国行政复议法（2023年修订）》，排查矛盾纠纷826件，调解成功率达99.39%，发放资料1万余份，开展“法律明白人”培训。二是的确不是。',
      '2024年1月30日',
    ].join('\n'),
  );
  assert.match(scopeOf(body, '一是'), /keyword\.other\.item/);
  assert.match(scopeOf(body, '《中华人民共和国行政复议法（2023年修订）》'), /document-name/, 'a year inside a document name stays in it');
  assert.match(scopeOf(body, '826'), /constant\.numeric\.figure\.value/);
  assert.match(scopeOf(body, '件'), /keyword\.other\.unit/);
  assert.match(scopeOf(body, '99.39'), /figure\.value/);
  assert.match(scopeOf(body, '%'), /keyword\.other\.unit/);
  assert.match(scopeOf(body, '1万余'), /figure\.value/);
  assert.match(scopeOf(body, '份'), /keyword\.other\.unit/);
  assert.match(scopeOf(body, '“法律明白人”'), /string\.quoted\.double\.term/);
  assert.ok(!body.some((t) => t.text.includes('二是') && t.scopes.some((s) => s.startsWith('keyword.other.item'))), '二是的 is prose');
  assert.match(scopeOf(sign, '2024年1月30日'), /constant\.other\.date\.govreport/);
});

test('grammar: debris — bookmarks before a heading, web chrome lines', async () => {
  const [bookmarked, chrome, where, index] = await tokenize(
    [
      '[bookmark: _Toc1]（四）深化普法宣传',
      '扫一扫在手机打开当前页',
      '您当前的位置：首页 > 政务公开',
      '[ 索引号 ] 11500106/2025-00012',
    ].join('\n'),
  );
  assert.match(scopeOf(bookmarked, '[bookmark: _Toc1]'), /comment\.block\.debris\.bookmark/);
  assert.match(scopeOf(bookmarked, '（四）'), /markup\.heading\.2/, 'the heading behind the bookmark is still a heading');
  assert.match(scopeOf(chrome, '扫一扫在手机打开当前页'), /comment\.line\.debris\.web/);
  assert.match(scopeOf(where, '您当前的位置：首页 > 政务公开'), /comment\.line\.debris\.web/);
  assert.match(scopeOf(index, '[ 索引号 ] 11500106/2025-00012'), /comment\.line\.debris\.web/);
});
