// Every built-in pattern (profiles, references, debris, boilerplate, rule vocabularies) passes the check a
// user's pattern from .govreport.json gets (issue 12). Slow (recheck over ~200 patterns takes about a
// minute on two cores), so it runs in `npm run test:slow`, which CI runs after `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgePattern } from '../../server/src/config/patternSafety';
import { builtinPatterns } from '../support/patterns';

test('every built-in pattern (profiles, references, debris, boilerplate, rule vocabularies) passes the check', { timeout: 600000 }, () => {
  const patterns = builtinPatterns();
  assert.ok(patterns.length > 150, `${patterns.length} patterns found`);
  // The same check users' patterns get, with a longer time budget: a loaded test machine must not turn "safe" into "unknown".
  const refused = patterns.flatMap(([where, source]) => {
    const v = judgePattern(source, 120_000);
    return v.safe ? [] : [`${where} ${JSON.stringify(source)}: ${v.reason} ${v.detail ?? ''}`];
  });
  assert.deepEqual(refused, []);
});
