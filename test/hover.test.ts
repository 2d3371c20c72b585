// Hover on figures, headings and the title: in the core, and through the real server.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/core';
import { figureHover } from '../server/src/core/figures/hover';
import { startServer, type ServerHandle } from './support/lspClient';
import { dedent } from './support/render';

const REPORT = dedent(`
  关于2024年某镇法治政府建设情况的报告
  一、2024年主要举措和成效
  （一）化解矛盾
  全年排查矛盾纠纷572件，化解551件，化解成功率达到96%。发放宣传资料1万余份。
  二、存在的不足和原因
  一是学习不够深入。
  三、2025年工作安排
  继续努力。
`);

const LAST_YEAR = REPORT.replace(/2024/g, '2023').replace(/2025/g, '2024').replace('572件', '500件').replace('551件', '450件');

describe('figure hover (core)', () => {
  const m = analyze(REPORT);
  const at = (text: string) => m.figures.find((f) => f.text === text)!.range.start;

  test('on a figure: label, exact or approximate value, part, section, related figures, check', () => {
    const h = figureHover(m, at('551件'))!;
    assert.equal(
      h.markdown,
      [
        '**化解矛盾纠纷** — 551件（确数）',
        '',
        '统计对象取自前文：矛盾纠纷',
        '',
        '所在部分：推进法治政府建设的主要举措和成效',
        '',
        '所在章节：一、2024年主要举措和成效 › （一）化解矛盾',
        '',
        '同句数字：排查矛盾纠纷 572件 · 化解成功率 96%',
        '',
        '✓ 数字核对未发现矛盾',
      ].join('\n'),
    );
    assert.match(figureHover(m, at('1万余份'))!.markdown, /^\*\*发放宣传资料\*\* — 1万余份（约数，约 10000份）/);
  });

  test('on a heading: the section figures as a table, and how many', () => {
    const h = figureHover(m, { line: 2, character: 1 })!;
    assert.deepEqual(h.markdown.split('\n'), [
      '**（一）化解矛盾** — 本节共 4 个数字',
      '',
      '| 统计对象 | 数值 | 单位 |',
      '|---|---:|---|',
      '| 排查矛盾纠纷 | 572 | 件 |',
      '| 化解矛盾纠纷 | 551 | 件 |',
      '| 化解成功率 | 96 | % |',
      '| 发放宣传资料 | ≈10000 | 份 |',
    ]);
  });

  test('on the title: figures per mandatory part; a part without any is weak, a missing one says so', () => {
    const rows = figureHover(m, { line: 0, character: 3 })!.markdown.split('\n');
    assert.equal(rows[0], '**全文共 4 个数字，按必备部分：**');
    assert.ok(rows.includes('| 推进法治政府建设的主要举措和成效 | 4 |  |'));
    assert.ok(rows.includes('| 推进法治政府建设存在的不足和原因 | 0 | 没有具体数字，偏弱 |'));
    assert.ok(rows.includes('| 党政主要负责人履行推进法治建设第一责任人职责情况 | 0 | 缺少该部分 |'));
  });

  test('English, with a finding and last year', () => {
    const e = analyze(REPORT.replace('化解551件', '化解600件'), { locale: 'en' });
    const f = e.figures.find((x) => x.text === '600件')!;
    const md = figureHover(e, f.range.start, analyze(LAST_YEAR))!.markdown;
    assert.match(md, /⚠ `figure-rate` 化解矛盾纠纷 600件 exceeds its total \(排查矛盾纠纷 572件\)/);
    assert.match(md, /化解矛盾纠纷 600件, last year 450件, \+33% \(2023 report\)/);
  });

  test('last year: a count as a relative change, a rate in percentage points, an unchanged rate as ±0', () => {
    const hover = (text: string, last: string) =>
      figureHover(m, m.figures.find((x) => x.text === text)!.range.start, analyze(last))!.markdown;
    assert.match(hover('551件', LAST_YEAR), /化解矛盾纠纷 551件，上年 450件，\+22%（2023年报告）/);
    assert.match(hover('96%', LAST_YEAR.replace('达到96%', '达到90%')), /化解成功率 96%，上年 90%，\+6个百分点（2023年报告）/);
    assert.match(hover('96%', LAST_YEAR), /化解成功率 96%，上年 96%，±0个百分点/);
  });

  test('elsewhere: nothing', () => {
    assert.equal(figureHover(m, { line: 5, character: 4 }), null);
  });
});

describe('hover over stdio', () => {
  let server: ServerHandle;
  let dir: string;
  before(async () => {
    server = await startServer();
    dir = mkdtempSync(join(tmpdir(), 'govreport-hover-'));
    writeFileSync(join(dir, '2023.report.txt'), LAST_YEAR);
    writeFileSync(join(dir, 'other.report.txt'), LAST_YEAR.replace(/某镇/g, '别镇'));
  });
  after(async () => {
    await server.stop();
  });

  test('a figure: Markdown with the label, the range of the figure, and last year from the same folder', async () => {
    const uri = pathToFileURL(join(dir, '2024.report.txt')).href;
    await server.open(uri, REPORT);
    const h = await server.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 16 } });
    const c = h.contents as MarkupContent;
    assert.equal(c.kind, 'markdown');
    assert.match(c.value, /^\*\*化解矛盾纠纷\*\* — 551件（确数）/);
    assert.match(c.value, /化解矛盾纠纷 551件，上年 450件，\+22%（2023年报告）/);
    assert.deepEqual(h.range, { start: { line: 3, character: 15 }, end: { line: 3, character: 19 } });
  });

  test('a heading: the section table', async () => {
    const uri = 'file:///hover-heading.govreport';
    await server.open(uri, REPORT);
    const h = await server.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.match(
      (h.contents as MarkupContent).value,
      /^\*\*一、2024年主要举措和成效\*\* — 本节共 4 个数字\n\n\| 统计对象 \| 数值 \| 单位 \|/,
    );
    const none = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 4 } });
    assert.equal(none, null);
  });
});
