// Writes what is generated from the rules' metadata (node out/scripts/rules.js, or npm run
// generate): package.json's govreport.rules schema, its nls descriptions, the README's rules table;
// from the profiles: the core's index of built-in profiles and the govreport.profile setting.
// test/generated.test.ts fails when one of them is out of date.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generatedFiles } from './lib/rulesDocs';

for (const [path, content] of Object.entries(
  generatedFiles(
    (p) => readFileSync(p, 'utf8'),
    (d) => readdirSync(d),
  ),
)) {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
  writeFileSync(path, content);
  console.log(`wrote ${path}`);
}
