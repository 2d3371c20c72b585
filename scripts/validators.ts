// Writes the precompiled JSON Schema validators (node out/scripts/validators.js, or npm run generate).
import { readFileSync, writeFileSync } from 'node:fs';
import { validatorsSource, VALIDATORS_PATH } from './lib/validators';

const schema = (name: string) => JSON.parse(readFileSync(`profiles/${name}.schema.json`, 'utf8')) as object;
const source = validatorsSource({ workspace: schema('govreport'), profile: schema('profile'), references: schema('references') });
let current = '';
try {
  current = readFileSync(VALIDATORS_PATH, 'utf8');
} catch {
  // first run
}
if (current !== source) {
  writeFileSync(VALIDATORS_PATH, source);
  console.log(`wrote ${VALIDATORS_PATH}`);
}
