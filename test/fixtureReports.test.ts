// Whole reports written in the shapes real ones take (test/fixtures/reports), with what a
// reader finds in them stated in expected.json next to them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../server/src/core';
import { missingCodes } from './support/render';

const DIR = resolve(__dirname, '..', '..', 'test', 'fixtures', 'reports');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, {
  title: string | null; year: number; roots: string[]; missing: string[]; signatureDate?: string; mentionedAt?: Record<string, number>;
  findings?: string[]; bodies?: string[]; signatureBodies?: string[]; addressee?: string;
}>;

for (const [file, want] of Object.entries(expected)) {
  if (file.startsWith('$')) continue;
  test(`fixture report ${file}`, () => {
    const m = analyze(readFileSync(join(DIR, file), 'utf8'));
    assert.equal(m.header.title?.text ?? null, want.title);
    assert.equal(m.year, want.year);
    assert.deepEqual(m.outline.map((n) => n.parts.join('+') + (n.inferredPart ? '?' : '')), want.roots);
    assert.deepEqual(missingCodes(m), want.missing);
    if (want.signatureDate) assert.equal(m.signature?.date?.text, want.signatureDate);
    if (want.findings) {
      // Every finding, as code@line: a false alarm on text a reviewer accepts fails here.
      assert.deepEqual(m.findings.map((f) => `${f.code}@${f.range.start.line}`).sort(), [...want.findings].sort());
    }
    if (want.bodies) assert.deepEqual(m.header.bodies.map((b) => b.text), want.bodies);
    if (want.signatureBodies) assert.deepEqual(m.signature?.bodies.map((b) => b.text) ?? [], want.signatureBodies);
    if (want.addressee) assert.equal(m.header.addressee?.text, want.addressee);
    for (const [part, line] of Object.entries(want.mentionedAt ?? {})) {
      assert.equal(m.parts.find((p) => p.id === part)?.mentionedAt?.line, line);
    }
  });
}
