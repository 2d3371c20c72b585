// Every removal goes through one door (issue 21 item 1): a debris span is made only in
// core/lines/removal.ts, where the debris guard judges the words it stands for. The sources are
// scanned for another maker, and each way debris is found is given the writer's words it used to
// take: none of them is debris, none is removed by fix-all, none is left out of export.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze, fixAllCodes, mergeEdits, type TextEdit } from '../server/src/core';
import { canBeReportText } from '../server/src/core/lines/debrisGuard';
import { debrisSpan, mayRemove } from '../server/src/core/lines/removal';
import { blockText, reportBlocks } from '../server/src/export/blocks';
import { applyEdits } from './support/edits';
import { runOnPage } from './support/runOnArb';

const SRC = resolve(__dirname, '..', '..', 'server', 'src');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

const TITLE = '关于2024年法治政府建设情况的报告';
const words = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');

/** What source.fixAll leaves and what export writes of `text`. */
function afterRemoval(text: string): { fixed: string; exported: string } {
  const m = analyze(text);
  const edits = mergeEdits(m.findings.filter((f) => fixAllCodes.has(f.code) && f.fixes?.length).flatMap((f) => f.fixes![0].edits));
  return { fixed: applyEdits(text, edits as TextEdit[]), exported: reportBlocks(text, m).map(blockText).join('\n') };
}

describe('one door for every removal (core/lines/removal.ts)', () => {
  test('no source but removal.ts makes a debris span (LineDebris) or casts to one', () => {
    const makers: string[] = [];
    for (const path of sources(SRC)) {
      if (path.endsWith(join('lines', 'removal.ts'))) continue;
      const text = readFileSync(path, 'utf8');
      // An object literal with the span's fields, or a cast: the only ways around the brand.
      if (
        /as\s+LineDebris\b|<LineDebris>/.test(text) ||
        /\{\s*kind\b[^{}]{0,80}\bstart\s*[:,}][^{}]{0,80}\bend\s*[:,}][^{}]{0,80}\bwholeLine\b/.test(text)
      )
        makers.push(path.slice(SRC.length + 1));
    }
    assert.deepEqual(makers, []);
  });

  // Each way of finding debris, fed the writer's words it could take; `keep` are those words.
  const paths: { path: string; text: string; keep: string[] }[] = [
    {
      path: 'a whole-line pattern (^扫一扫, 当前位置：)',
      text: [
        TITLE,
        '一、工作开展情况',
        '扫一扫二维码即可在线申请法律援助，全年受理申请36件。',
        '当前位置：县委常委会召开',
        '二、存在的不足',
        '内容。',
      ].join('\n'),
      keep: ['扫一扫二维码即可在线申请法律援助，全年受理申请36件。', '当前位置：县委常委会召开'],
    },
    {
      path: 'a metadata line (a label at the start)',
      text: [TITLE, '一、工作开展情况', '来源：全年受理行政复议申请36件', '文号：某府发〔2024〕12号', '二、存在的不足', '内容。'].join(
        '\n',
      ),
      keep: ['来源：全年受理行政复议申请36件', '文号：某府发〔2024〕12号'],
    },
    {
      path: 'a metadata value under its label (one cell a line)',
      text: [TITLE, '一、工作开展情况', '内容。', '发布机构：', '某某县司法局', '2025年1月20日'].join('\n'),
      keep: ['某某县司法局', '2025年1月20日'],
    },
    {
      path: 'a line of tool words (微信 微博 as a table’s header row)',
      text: [TITLE, '一、工作开展情况', '各平台发布数量如下', '微信 微博', '120 80', '二、存在的不足', '内容。'].join('\n'),
      keep: ['微信 微博'],
    },
    {
      path: 'the tail after 返回顶部 (the 发文机关 and 发文字号 below it)',
      text: ['返回顶部', '某某县人民政府', '某府发〔2025〕3号', TITLE, '一、工作开展情况', '内容。'].join('\n'),
      keep: ['某某县人民政府', '某府发〔2025〕3号'],
    },
    {
      path: 'a running header (a label written twice beside a page number)',
      text: [TITLE, '一、工作开展情况', '主要做法：', '内容。', '— 1 —', '二、存在的不足', '主要做法：', '内容。'].join('\n'),
      keep: ['主要做法：'],
    },
    {
      path: 'the chrome of a run-on page’s header',
      text: `某某县人民政府新闻发布办公室 某府发[2025]3号 ${TITLE} 县委：现将有关情况报告如下：一、主要举措和成效。全年办理案件3件。二、存在的不足和原因。基层力量不足。`,
      keep: ['某某县人民政府新闻发布办公室', '某府发[2025]3号'],
    },
    {
      path: 'the footer of a run-on page',
      text: `${TITLE}县委：现将有关情况报告如下：一、主要举措和成效。全年办理案件3件。二、存在的不足和原因。基层力量不足。附件：某某县2024年度法治建设相关阅读书目`,
      keep: ['附件：某某县2024年度法治建设相关阅读书目'],
    },
    {
      path: 'a web address (a government’s site named by the writer)',
      text: [
        TITLE,
        '一、工作开展情况',
        '某某县司法局门户网站 www.mxsf.gov.cn',
        '“渝快办”平台（cq.gov.cn）',
        '二、存在的不足',
        '内容。',
      ].join('\n'),
      keep: ['某某县司法局门户网站 www.mxsf.gov.cn', '“渝快办”平台（cq.gov.cn）'],
    },
    {
      path: 'an attachment’s file name in the body (附件说明)',
      text: [TITLE, '一、工作开展情况', '内容。', '附件：某某县2024年法治工作台账.xlsx', '某某县司法局', '2025年1月20日'].join('\n'),
      keep: ['附件：某某县2024年法治工作台账.xlsx'],
    },
    {
      path: 'the footer of a run-on page after the 落款, holding a 附注 (GB/T 9704)',
      text: `${TITLE}县委：现将有关情况报告如下：一、主要举措和成效。全年办理案件3件。二、存在的不足和原因。基层力量不足。某某县司法局2025年1月20日【打印本页】（此件公开发布）`,
      keep: ['（此件公开发布）'],
    },
    {
      path: 'a line of reading tools holding a 附注',
      text: [TITLE, '一、工作开展情况', '内容。', '某某县司法局', '2025年1月20日', '【打印】【关闭】(此件主动公开)'].join('\n'),
      keep: ['(此件主动公开)'],
    },
    {
      path: 'chrome glued to the title (the title stays)',
      text: ['- [ 时效 ] 现行有效某某镇人民政府关于2024年法治政府建设情况的报告', '一、工作开展情况', '内容。'].join('\n'),
      keep: ['某某镇人民政府关于2024年法治政府建设情况的报告'],
    },
  ];
  test('a removal covering a 附注 (（此件公开发布）, (此件主动公开)) is refused by the guard', () => {
    for (const note of ['（此件公开发布）', '(此件主动公开)', '（ 此件依申请公开 ）'])
      for (const span of [note, `【打印本页】${note}`, `${note}【关闭窗口】`, `返回顶部 ${note} 网站地图`]) {
        assert.equal(canBeReportText(span), true, span);
        assert.equal(mayRemove(span), false, span);
        assert.equal(debrisSpan(span, 'web', 0, span.length, true), null, span);
      }
  });

  for (const { path, text, keep } of paths) {
    test(`${path}: the writer’s words stay in the model, after fix-all and in export`, () => {
      const m = analyze(text);
      const { fixed, exported } = afterRemoval(text);
      for (const w of keep) {
        for (const d of m.debris) assert.ok(!words(d.text).includes(words(w)) && !words(w).includes(words(d.text)), `debris ${d.text}`);
        assert.ok(words(fixed).includes(words(w)), `fix-all removes ${w}`);
        assert.ok(words(exported).includes(words(w)), `export drops ${w}`);
      }
    });
  }

  test('property: every debris span of a run-on page is text the guard lets go', () => {
    fc.assert(
      fc.property(runOnPage, ({ text }) => {
        for (const d of analyze(text).debris) assert.ok(!canBeReportText(d.text), `debris the guard keeps: ${d.text}`);
      }),
      { numRuns: 200 },
    );
  });
});
