// Checks what `npm run package` built: the .vsix holds what the extension runs and nothing else
// (not the command line's dist/cli.js or dist/checkWorker.js, no source maps, no tests) and stays
// under 5 MB. Run by `npm run package` after vsce, so a .vsix that grew fails the build that made it.
import { readFileSync, statSync } from 'node:fs';
import { unzipSync } from 'fflate';

const file = process.argv[2] ?? 'govreport.vsix';
const LIMIT = 5 * 1024 * 1024;
const names = Object.keys(unzipSync(readFileSync(file))).filter((n) => !n.endsWith('/'));
const forbidden = names.filter((n) =>
  /^extension\/(dist\/(cli|checkWorker)\.js|.*\.map$|out\/|test\/|server\/|client\/|node_modules\/)/.test(n),
);
const required = [
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/web/extension.js',
  'extension/dist/web/server.js',
  'extension/images/icon.png',
  'extension/CHANGELOG.md',
];
// vsce stores readme.md and changelog.md in lower case.
const missing = required.filter((n) => !names.some((m) => m.toLowerCase() === n.toLowerCase()));
const size = statSync(file).size;
const problems = [
  ...forbidden.map((n) => `not for the extension: ${n}`),
  ...missing.map((n) => `missing: ${n}`),
  ...(size > LIMIT ? [`${(size / 1048576).toFixed(2)} MB, over the 5 MB budget`] : []),
];
if (problems.length) {
  console.error(`${file}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${file}: ${names.length} files, ${(size / 1048576).toFixed(2)} MB — only what the extension runs`);
