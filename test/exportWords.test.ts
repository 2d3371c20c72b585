// Words in = words out (issue 21): an exported report read back by a reader we did not write
// (mammoth) says every word the text says, in order, debris aside — for generated drafts with
// headings, tables, 落款, debris, arbitrary Unicode and characters XML forbids.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import mammoth from 'mammoth';
import { analyze } from '../server/src/core';
import { exportDocx } from '../server/src/export';
import { expectedText } from './support/exportText';
import { anyText } from './support/reportArb';

/** Letters and digits only: what a word is made of (spacing, punctuation, table bars and U+FFFD set aside). */
const words = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');

test('export round trip: every word of a draft is in the .docx, in order (mammoth reads it back)', async () => {
  const table = fc
    .array(fc.tuple(fc.string({ maxLength: 6 }), fc.nat(999)), { minLength: 1, maxLength: 4 })
    .map((rows) => rows.map(([a, n]) => `| ${a} | ${n} |`).join('\n'));
  const control = fc.constantFrom(
    '\u0001',
    '\u000b',
    '\ufffe',
    '\uffff',
    '\ud800',
    '附件：1.统计表\n2.清单',
    '附件1\n\n统计表\n| 甲 | 1 |',
    '甲|乙',
  );
  const draft = fc.tuple(anyText, table, control, fc.nat()).map(([text, t, c, at]) => {
    const lines = text.split('\n');
    const i = lines.length ? at % lines.length : 0;
    return [...lines.slice(0, i), t, c, ...lines.slice(i)].join('\n');
  });
  await fc.assert(
    fc.asyncProperty(draft, async (text) => {
      const model = analyze(text);
      const { bytes } = await exportDocx(text, model);
      const back = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
      assert.equal(words(back), words(expectedText(text, model)));
    }),
    { numRuns: 60 },
  );
});
