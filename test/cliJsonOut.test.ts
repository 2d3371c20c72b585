// The CLI's JSON output written in chunks of whole lines (server/src/cli/jsonOut.ts): the same text
// as JSON.stringify(value, null, 2), without ever building it as one string — a JSON output past
// V8's string limit (~512 MB: 880,000 outline entries of a 4.8 M-character document of headings)
// crashed `govreport check --format json` with RangeError: Invalid string length.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../server/src/core';
import { toJson } from '../server/src/cli/format';
import { outJson } from '../server/src/cli/jsonOut';

function written(value: unknown): string[] {
  const chunks: string[] = [];
  outJson({ out: (s) => chunks.push(s) }, value);
  return chunks;
}

test('property: the chunks joined by line breaks are JSON.stringify(value, null, 2)', () => {
  const withHoles = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.jsonValue({ maxDepth: 2 }),
      fc.constant(undefined),
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 5 }),
    ),
  })).value;
  fc.assert(
    fc.property(withHoles, (v) => {
      fc.pre(v !== undefined);
      assert.equal(written(v).join('\n'), JSON.stringify(v, null, 2));
    }),
    { numRuns: 2000 },
  );
});

test('a report model as check writes it: the same text as before', () => {
  const text =
    '关于2024年法治政府建设情况的报告\n县委、县政府：\n一、主要举措和成效\n（一）加强领导\n全年办理案件12件，其中行政处罚3件。\n二、存在的不足\n';
  const results = [{ file: 'a.txt', model: analyze(text) }];
  const json = results.map((r) => toJson(r));
  assert.equal(written(json).join('\n'), JSON.stringify(json, null, 2));
});
