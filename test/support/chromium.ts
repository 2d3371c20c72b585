/**
 * Headless Chromium (Debian's `chromium`) to print web pages as PDFs, as a user saves a portal page:
 * a browser's own line breaking and print headers, a writer we did not write. In CI (CI=true) a
 * missing chromium fails the test loudly; locally the test may skip.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const haveChromium = spawnSync('chromium', ['--version'], { encoding: 'utf8' }).status === 0;

/** Test options: skip without Chromium, except in CI where its absence is a failure. */
export function needsChromium(): { skip?: string } {
  if (haveChromium) return {};
  assert.ok(!process.env.CI, 'chromium is required in CI: .ci/run installs it');
  return { skip: 'chromium not installed (apt-get install chromium)' };
}

/** Prints an HTML file to PDF with Chromium's default print header and footer (date, title, URL, page N/M). */
export function printToPdf(html: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-chromium-'));
  const pdf = join(dir, 'page.pdf');
  const r = spawnSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${pdf}`,
      pathToFileURL(html).href,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  assert.ok(existsSync(pdf), `chromium did not print ${html}: ${r.stderr}`);
  return pdf;
}
