// Developer aid: prints the model of a file as JSON (node out/scripts/dump.js FILE).
import { readFileSync } from 'node:fs';
import { analyze } from '../server/src/core';

const m = analyze(readFileSync(process.argv[2], 'utf8'));
const tree = (ns: readonly any[], ind = ''): string =>
  ns
    .map(
      (n) => `${ind}${n.name}  [${n.line + 1}] ${n.parts.join('+')}${n.inferredPart ? '(inferred)' : ''}\n${tree(n.children, ind + '  ')}`,
    )
    .join('');
console.log(
  'title:',
  m.header.title?.text,
  '| year:',
  m.year,
  '| bodies:',
  m.header.bodies.map((b) => b.text),
  '| addressee:',
  m.header.addressee?.text,
);
console.log('signature:', JSON.stringify(m.signature && { bodies: m.signature.bodies.map((b) => b.text), date: m.signature.date?.text }));
process.stdout.write(tree(m.outline));
console.log(m.parts.map((p) => `${p.id}:${p.present ? 'Y' : 'N'}${p.mentionedAt ? '@' + (p.mentionedAt.line + 1) : ''}`).join(' '));
for (const f of m.findings) console.log(f.code, f.range.start.line + 1, f.message);
console.log('debris:', m.debris.map((d) => `${d.range.start.line + 1}:${d.text}`).join(' | '));
