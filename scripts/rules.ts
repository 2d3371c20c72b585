// Writes what is generated from the rules' metadata (node out/scripts/rules.js, or npm run
// generate): package.json's govreport.rules schema, its nls descriptions, the README's rules table.
// test/generated.test.ts fails when one of them is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { generatedRuleFiles } from './lib/rulesDocs';

for (const [path, content] of Object.entries(generatedRuleFiles((p) => readFileSync(p, 'utf8')))) {
  if (readFileSync(path, 'utf8') === content) continue;
  writeFileSync(path, content);
  console.log(`wrote ${path}`);
}
