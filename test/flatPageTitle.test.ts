// The title of a portal page flattened into one line (issue 23, "Portal pages and crawls"): the
// report's own title line, whatever page chrome is glued before it and however much of it there is;
// what a crawler writes (a local path, a column name, a source URL, a template site's sentence) is
// never the title. Each class alone, through the core, and one page through the CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../server/src/core';

/** A short report after its header, flattened (the parts run on; the 落款 at the end). */
const BODY =
  '县委、县政府：2024年，我局扎实推进法治政府建设，现将有关情况报告如下：一、主要举措和成效全年组织学法12次。' +
  '二、党政主要负责人履行推进法治建设第一责任人职责情况主要负责人带头学法。三、存在的不足和原因普法形式单一，主要原因是投入不足。' +
  '四、2025年工作安排继续加强普法。某某县司法局2025年1月20日';

const titleOf = (header: string) => analyze(header + BODY).header.title?.text;

describe('a flattened page: the title after the chrome glued before it', () => {
  const cases: [string, string, string][] = [
    [
      'navigation and reading tools, no separators',
      '首页政务公开政务服务互动交流【字体：大 中 小】',
      '某某县司法局2024年法治政府建设年度报告',
    ],
    [
      'a crawler list item with a validity value',
      '- [ 索引号 ] 0000-2025-00012- [ 时效 ] 现行有效',
      '某某县司法局2024年法治政府建设年度报告',
    ],
    ['a portal site name', '某某县人民政府门户网站', '某某县司法局2024年法治政府建设年度报告'],
    ['a column name and tool words', '关闭窗口新闻中心通知公告政策文件', '某某县司法局关于2024年度法治政府建设工作情况的报告'],
    [
      'a 发文字号 before the title (its 号 is not the name)',
      '某某县司法局某司发〔2025〕3号',
      '某某县司法局关于2024年度法治政府建设工作情况的报告',
    ],
    ['a share widget written with letters', '分享到：微信微博QQ空间', '某某县司法局2024年法治政府建设年度报告'],
    ['a body whose name holds a column word', '首页 > 政务公开 > ', '某某县政务服务中心2024年法治政府建设年度报告'],
  ];
  for (const [name, chrome, title] of cases) test(name, () => assert.equal(titleOf(chrome + title), title));

  test('a page date line before the title (星期) is no part of it', () => {
    assert.equal(titleOf('某某县人民政府 2025年3月4日星期二关于2024年法治政府建设情况的报告'), '关于2024年法治政府建设情况的报告');
  });
  test('a title wrapped after 关于 and flattened with a space for the break is one title', () => {
    assert.equal(
      titleOf('首页 > 政务公开 某某县司法局关于 2024年度法治政府建设工作情况的报告'),
      '某某县司法局关于 2024年度法治政府建设工作情况的报告',
    );
  });
});

describe('a flattened page: what a crawler writes is never the title', () => {
  test('a local path ending in the report name, a column name, a source URL', () => {
    const header =
      'D:\\crawl\\gov\\某某\\2024年法治政府建设情况报告.html 法治政府建设年度报告 http://www.mx.gov.cn/zwgk/t20250120_123.html ';
    assert.equal(titleOf(header + '某某县司法局2024年法治政府建设年度报告'), '某某县司法局2024年法治政府建设年度报告');
  });
  test("a template site's sentence about its copy", () => {
    assert.equal(
      titleOf('以下是小编为大家整理的2024年法治政府建设情况报告，供大家参考。关于2024年法治政府建设情况的报告'),
      '关于2024年法治政府建设情况的报告',
    );
  });
  test('a link to another page (上一篇：…) and a document named in 《》 are not the title', () => {
    const m = analyze(
      '上一篇：某某县2023年法治政府建设年度报告 关于2024年法治政府建设情况的报告县委、县政府：根据《关于做好2024年度法治政府建设年度报告工作的通知》，现将有关情况报告如下：' +
        BODY.slice(BODY.indexOf('一、')),
    );
    assert.equal(m.header.title?.text, '关于2024年法治政府建设情况的报告');
  });
  test('the issuing bodies in a row before 关于 are the 发文机关 line, not the title', () => {
    assert.equal(titleOf('中共某某镇委员会某某镇人民政府关于2024年法治政府建设情况的报告'), '关于2024年法治政府建设情况的报告');
  });
});

test('cli: check --format json reads the title of a flattened page after its chrome', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-flat-'));
  writeFileSync(
    join(dir, 'page.txt'),
    '网站首页 >> 政务公开 >> 工作报告- [ 时效 ] 现行有效某某县司法局2024年法治政府建设年度报告' + BODY + '\n',
  );
  const r = spawnSync(process.execPath, [resolve(__dirname, '..', '..', 'dist', 'cli.js'), 'check', dir, '--format', 'json'], {
    encoding: 'utf8',
  });
  const [file] = JSON.parse(r.stdout);
  assert.equal(file.title, '某某县司法局2024年法治政府建设年度报告');
  assert.equal(file.year, 2024);
  assert.deepEqual(
    file.diagnostics.filter((d: { code: string }) => d.code === 'missing-part'),
    [],
  );
});
