// 300,000 outline entries through the CLI's chunked JSON writer (server/src/cli/jsonOut.ts): no chunk
// past a megabyte, the same text as JSON.stringify. Slow (seconds of stringify), so outside npm test;
// the property over small values is in test/cliJsonOut.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outJson } from '../../server/src/cli/jsonOut';

function written(value: unknown): string[] {
  const chunks: string[] = [];
  outJson({ out: (s) => chunks.push(s) }, value);
  return chunks;
}

test('300,000 outline entries are written in chunks of at most a megabyte, never as one string', () => {
  const entry = (i: number) => ({ name: `（${i}）加强领导`, level: 2, range: { start: { line: i, character: 0 } }, children: [] });
  const value = [{ file: 'big.txt', outline: [{ name: '一、主要举措', children: Array.from({ length: 300_000 }, (_, i) => entry(i)) }] }];
  const chunks = written(value);
  assert.ok(chunks.length > 20, `${chunks.length} chunks`);
  for (const c of chunks) assert.ok(c.length < 1 << 20, `a chunk of ${c.length} characters`);
  assert.equal(chunks.join('\n'), JSON.stringify(value, null, 2));
});
