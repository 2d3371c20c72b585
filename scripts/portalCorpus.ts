/**
 * `node out/scripts/portalCorpus.js [--misses]`: measures the analysis on the corpus of portal pages and
 * crawls built from the clean reports (test/support/portalCorpus.ts; the seeds when ../shared/seeds is
 * there): debris recall, the writer's lines made debris or removed by fix-all (must be 0), titles and
 * missing parts — overall and per class of chrome.
 */
import { measure, portalCorpus } from '../test/support/portalCorpus';

const pages = portalCorpus();
const lines = pages.filter((p) => !p.flat);
const flat = pages.filter((p) => p.flat);
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
for (const [name, set] of [
  ['all pages', pages],
  ['pages with their lines', lines],
  ['pages flattened into one line', flat],
] as const) {
  const f = measure(set);
  console.log(`${name}: ${f.pages} pages`);
  console.log(`  debris recall        ${f.recognised}/${f.chromeSegments} = ${pct(f.recognised, f.chromeSegments)}`);
  console.log(`  writer made debris   ${f.falseDebris} of ${f.writerSegments}`);
  console.log(`  writer removed       ${f.falseRemovals} of ${f.writerSegments} (fix-all)`);
  console.log(`  titles right         ${f.titlesRight}/${f.titles} = ${pct(f.titlesRight, f.titles)}`);
  console.log(`  missing parts exact  ${f.partsRight}/${f.pages} = ${pct(f.partsRight, f.pages)}`);
  if (set === pages) {
    for (const [cls, c] of Object.entries(f.byClass).sort())
      console.log(`    ${cls.padEnd(16)} ${c.recognised}/${c.chrome} = ${pct(c.recognised, c.chrome)}`);
    if (process.argv.includes('--misses')) for (const m of f.misses) console.log(`  - ${m}`);
  }
}
