/**
 * LibreOffice headless (Debian's libreoffice-writer-nogui) to save and render test reports with a
 * writer we did not write. In CI (CI=true) a missing soffice fails the test loudly; locally the
 * test may skip.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const haveLibreOffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/** Test options: skip without LibreOffice, except in CI where its absence is a failure. */
export function needsLibreOffice(): { skip?: string } {
  if (haveLibreOffice) return {};
  assert.ok(!process.env.CI, 'LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-writer-nogui');
  return { skip: 'soffice not installed (apt-get install libreoffice-writer-nogui)' };
}

/** Converts a file with LibreOffice (`docx:"MS Word 2007 XML"`, `pdf:writer_pdf_Export`…) and returns the new file's path. */
export function convertWithLibreOffice(input: string, target: string): string {
  const outdir = mkdtempSync(join(tmpdir(), 'govreport-lo-'));
  // A profile of its own: a parallel or earlier soffice (another test, a desktop session) does not block it.
  const r = spawnSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${outdir}/profile`, '--convert-to', target, '--outdir', outdir, input],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const stem = basename(input).replace(/\.[^.]+$/, '');
  const ext = target.split(':')[0];
  const out = readdirSync(outdir).find((f) => f === `${stem}.${ext}`);
  assert.ok(out, `LibreOffice did not convert ${input} to ${target}: ${r.stderr}`);
  return join(outdir, out);
}
