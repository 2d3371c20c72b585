// Key figures (the assessor's page, profiles' `keyFigures`): the figure that is the report's own total
// of each quantity, not the first one that names it. Short texts isolate each case; the five seeds
// are checked against what each states, read by hand (DOMAIN.md §3), when ../shared is there.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, keyFigures } from '../server/src/core';
import { needsSeeds, seed } from './support/seeds';

const TITLE = '青山镇2024年法治政府建设年度报告\n';
/** The key figures found, by id, as written (1件, 20余场次). */
const found = (text: string) =>
  Object.fromEntries(
    keyFigures(analyze(text))
      .filter((k) => k.found)
      .map((k) => [k.id, k.found!.text]),
  );

describe('key figures: the report’s total of each quantity', () => {
  test('a figure listed after the 政府信息公开 figures counts the info-disclosure cases, not the report’s', () => {
    const f = found(
      TITLE +
        '全年共主动公开政府信息12条，收到政府信息公开申请3件，信息公开类行政复议0件，行政诉讼0件。强化行政复议应诉工作，其中行政诉讼案件共1件。\n',
    );
    assert.equal(f.litigation, '1件', 'not the 0件 of the disclosure sentence');
    assert.equal(f.reconsideration, undefined, 'the report states no total of its reconsideration cases');
  });

  test('信息公开 after the total, in its breakdown, leaves the total alone', () => {
    assert.equal(found(TITLE + '全年办理行政复议案件5件，其中政府信息公开类2件。\n').reconsideration, '5件');
  });

  test('the quantity named in full (行政复议案件) wins over a figure naming it in passing', () => {
    assert.equal(found(TITLE + '参加行政复议听证1件，全年行政复议案件共4件。\n').reconsideration, '4件');
  });

  test('普法: the events held, not the legal adviser’s part in them, not the leader’s own (带头)', () => {
    const f = found(TITLE + '法律顾问参与普法宣传2次。主要负责人带头参与法治宣传活动6次。全年开展普法宣传活动15场次。\n');
    assert.equal(f['legal-education'], '15场次');
    assert.equal(found(TITLE + '主要负责人带头参与法治宣传活动6次。\n')['legal-education'], undefined);
  });

  test('a total wins over an itemised category that names the quantity in full (其中矛盾纠纷45件)', () => {
    assert.equal(found(TITLE + '全年共调解各类纠纷120件，其中矛盾纠纷45件。\n').disputes, '120件');
  });
});

describe('key figures of the seeds, as read by hand', { skip: needsSeeds }, () => {
  // What each seed states (line numbers 1-based); a key figure a seed does not state is absent.
  const expected: Record<number, Record<string, string>> = {
    // L14: 信息公开类行政复议0件，行政诉讼0件 (the disclosure sentence) … 其中行政诉讼案件共1件; no total of
    // reconsideration cases. L17: 开展普法宣传活动20余场次 (L12's 参与普法宣传1次 is the legal adviser's).
    0: { litigation: '1件', 'legal-education': '20余场次' },
    // L10: 共办理行政执法案件672件 (then its three categories); L11: 共累计排查矛盾纠纷572件 (化解551件 of them).
    // 主要领导参与…应诉3件次 counts the leaders' appearances, not cases; 应诉率 is not 出庭应诉率.
    1: { enforcement: '672件', disputes: '572件' },
    // L28: 全年行政复议案件1件,行政诉讼案件3件,行政机关负责人出庭率100%,胜诉率100% (no 败诉率);
    // 排查调处矛盾纠纷826件. 普法: L54's 带头参与法治宣传活动6次 is the leader's own; L20's 主题宣传20场次
    // is named by none of the profile's words, so nothing rather than the leader's 6次.
    2: { reconsideration: '1件', litigation: '3件', 'appearance-rate': '100%', disputes: '826件' },
    // No case counts, no 普法 event count (悬挂…横幅100余条, 讲座10余次 are not named).
    3: {},
    // L16: 今年共有行政复议3件，行政应诉案件6件; L18: 共调解矛盾纠纷788件.
    4: { reconsideration: '3件', litigation: '6件', disputes: '788件' },
  };
  for (const [n, want] of Object.entries(expected))
    test(`seed ${n}`, () => {
      assert.deepEqual(found(seed(Number(n))), want);
    });
});
