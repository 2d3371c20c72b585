// A .wps in WPS's own format and a broken .doc get clear messages (reading real .doc files, written by
// LibreOffice from the seeds, is proved in test/slow/intakeDoc.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSource, SourceError } from '../server/src/intake';

test('doc: a .wps in WPS’s own format and a broken .doc get clear messages', async () => {
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  await assert.rejects(
    readSource('old.wps', ole),
    (e: SourceError) => e instanceof SourceError && e.key === 'wpsUnreadable' && /WPS 文字的专有格式/.test(e.localized('zh-cn')),
  );
  await assert.rejects(
    readSource('old.doc', ole),
    (e: SourceError) => e instanceof SourceError && e.key === 'badDoc' && /Word 97–2003/.test(e.localized('en')),
  );
});
