/**
 * A clean report to vary by line, for tests that loop over data (test/references.test.ts); a rule's
 * own cases are marked texts (test/fixtures/rules, test/support/marks.ts).
 */
import { analyze, type Finding } from '../../server/src/core';

const CLEAN = [
  '关于2024年法治政府建设情况的报告',
  '',
  '区委、区政府：',
  '2024年，我镇持续推进法治政府建设。现将有关情况报告如下：',
  '一、2024年推进法治政府建设的主要举措和成效',
  '（一）强化领导。全年组织学法12次。',
  '（二）规范执法。全年开展执法检查30次。',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '主要负责人带头学法，专题研究法治工作4次。',
  '三、存在的不足和原因',
  '一是普法形式单一。二是执法力量不足。主要原因是投入不足。',
  '四、2025年工作安排',
  '继续加强普法宣传。',
  '',
  '某镇人民政府',
  '2025年1月20日',
  '',
].join('\n');

/** CLEAN with one line replaced (0-based) or lines inserted. */
export function vary(edit: (lines: string[]) => void, base = CLEAN): string {
  const lines = base.split('\n');
  edit(lines);
  return lines.join('\n');
}

export function findings(text: string, code: string): Finding[] {
  return analyze(text).findings.filter((f) => f.code === code);
}
