// The five seeds as portal pages printed to PDF by Chromium (a browser's line breaking, its print
// header and footer), in four page styles, read back through intake and the CLI: every word in order,
// every paragraph whole, the title and the parts as in the seed. Slow (twenty prints), so outside npm test.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { readSource } from '../../server/src/intake';
import { haveChromium, needsChromium, printToPdf } from '../support/chromium';
import { reportLines } from '../support/seedPdf';
import { assertTitlesAndParts } from '../support/seedCheck';
import { haveSeeds, seed } from '../support/seeds';

/** Page styles portals use: indented paragraphs, justified, a narrow ragged column, large type. */
const STYLES: Record<string, string> = {
  indented: 'p{text-indent:2em}',
  justified: 'p{text-indent:2em;text-align:justify;margin:4px 0}',
  narrow: 'body{max-width:520px;margin:auto} p{text-indent:2em}',
  large: 'body{font-size:18px} p{text-indent:2em;line-height:1.8}',
};
const norm = (l: string) => l.replace(/\s+/g, '');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const pdfs: Record<string, string> = {};
const seedsAndChromium = () => (!haveSeeds ? { skip: 'no ../shared/seeds' } : needsChromium());

before(() => {
  if (!haveSeeds || !haveChromium) return;
  const dir = mkdtempSync(join(tmpdir(), 'govreport-pages-'));
  for (let n = 0; n < 5; n++)
    for (const [style, css] of Object.entries(STYLES)) {
      const { lines, title } = reportLines(seed(n));
      const body = lines.filter((l) => l !== '').map((l) => `<p>${escape(l)}</p>`);
      const html = join(dir, `seed${n}-${style}.html`);
      writeFileSync(
        html,
        `<!doctype html><meta charset="utf-8"><title>${escape(lines[title])}</title><style>${css}</style>${body.join('\n')}`,
      );
      pdfs[`seed${n}-${style}`] = printToPdf(html);
    }
});

test(
  'pdf printed by a browser: the seeds read back paragraph for paragraph, every word kept, the print header and footer in the frame',
  seedsAndChromium(),
  async () => {
    assert.equal(Object.keys(pdfs).length, 20);
    for (const [name, path] of Object.entries(pdfs)) {
      const want = reportLines(seed(Number(name[4])))
        .lines.map(norm)
        .filter(Boolean);
      const read = await readSource(path, readFileSync(path));
      const got = read.text.split('\n').map(norm).filter(Boolean);
      assert.equal(got.join(''), want.join(''), `${name}: every word, in order`);
      const unmatched = want.filter((l) => !got.includes(l));
      assert.deepEqual(unmatched, [], `${name}: paragraphs cut or joined`);
      assert.ok(
        read.frame?.some((l) => /^file:/.test(l)),
        `${name}: the print footer in the frame: ${read.frame}`,
      );
    }
  },
);

test('pdf printed by a browser: title and parts as in the seed, through the CLI', seedsAndChromium(), () => {
  assertTitlesAndParts(pdfs);
});
