// Whole reports written in the shapes real ones take (test/fixtures/reports), with what a
// reader finds in them stated in expected.json next to them.
// Update mode: `UPDATE_EXPECTED=1 npm test` rewrites expected.json from what the analysis finds now
// (only the fields each entry already states); review the diff like any other change.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { analyze, type ReportModel } from '../server/src/core';
import { missingCodes } from './support/render';

const DIR = resolve(__dirname, '..', '..', 'test', 'fixtures', 'reports');
const FILE = join(DIR, 'expected.json');

interface Expected {
  title: string | null;
  year: number | null;
  roots: string[];
  missing: string[];
  signatureDate?: string;
  mentionedAt?: Record<string, number>;
  findings?: string[];
  bodies?: string[];
  signatureBodies?: string[];
  addressee?: string;
}

/** What the analysis finds, in the fields `want` states. */
function found(m: ReportModel, want: Expected): Expected {
  const out: Expected = {
    title: m.header.title?.text ?? null,
    year: m.year,
    roots: m.outline.map((n) => n.parts.join('+') + (n.inferredPart ? '?' : '')),
    missing: missingCodes(m),
  };
  // Every finding, as code@line: a false alarm on text a reviewer accepts fails the test.
  if (want.signatureDate !== undefined) out.signatureDate = m.signature?.date?.text;
  if (want.mentionedAt)
    out.mentionedAt = Object.fromEntries(
      Object.keys(want.mentionedAt).map((part) => [part, m.parts.find((p) => p.id === part)?.mentionedAt?.line ?? -1]),
    );
  if (want.findings) out.findings = m.findings.map((f) => `${f.code}@${f.range.start.line}`).sort();
  if (want.bodies) out.bodies = m.header.bodies.map((b) => b.text);
  if (want.signatureBodies) out.signatureBodies = m.signature?.bodies.map((b) => b.text) ?? [];
  if (want.addressee !== undefined) out.addressee = m.header.addressee?.text;
  // The key order of the entry as written.
  return Object.fromEntries(Object.keys(want).map((k) => [k, out[k as keyof Expected]])) as unknown as Expected;
}

/** expected.json's layout: objects one key a line, arrays of plain values on one line. */
export function formatExpected(value: unknown, indent = ''): string {
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const inner = indent + '  ';
    const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatExpected(v, inner)}`);
    return entries.length ? `{\n${entries.join(',\n')}\n${indent}}` : '{}';
  }
  return JSON.stringify(value);
}

const text = readFileSync(FILE, 'utf8');
const expected = JSON.parse(text) as Record<string, Expected>;
const analyzeFixture = (file: string) => analyze(readFileSync(join(DIR, file), 'utf8'));

if (process.env.UPDATE_EXPECTED) {
  for (const [file, want] of Object.entries(expected)) if (!file.startsWith('$')) expected[file] = found(analyzeFixture(file), want);
  writeFileSync(FILE, formatExpected(expected) + '\n');
}

for (const [file, want] of Object.entries(expected)) {
  if (file.startsWith('$')) continue;
  test(`fixture report ${file}`, () => {
    const got = found(analyzeFixture(file), want);
    assert.deepEqual(
      { ...got, ...(got.findings ? { findings: got.findings } : {}) },
      { ...want, ...(want.findings ? { findings: [...want.findings].sort() } : {}) },
    );
  });
}

test('the update mode writes expected.json in its own layout (no churn when nothing changed)', () => {
  assert.equal(formatExpected(JSON.parse(text)) + '\n', text);
});
