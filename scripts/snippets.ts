// Writes snippets/govreport.json from the profiles (node out/scripts/snippets.js).
// A test fails when the file is out of date, so wording changes in the profile reach it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { builtinProfiles, defaultProfile } from '../server/src/core';
import { snippetsJson } from './lib/snippets';

mkdirSync('snippets', { recursive: true });
writeFileSync(
  'snippets/govreport.json',
  snippetsJson(
    defaultProfile(),
    builtinProfiles.filter((p) => p !== defaultProfile()),
  ),
);
console.log('wrote snippets/govreport.json');
