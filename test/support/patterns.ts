/** The patterns the data files hold (profiles, references, the core's vocabularies), each with where it is. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

interface ProfileData {
  detect?: { title?: string[] };
  parts: { headings: string[] }[];
  tables?: { rowEquations?: { left: string[]; right: string[] }[]; columnSums?: { after: string; total: string }[] };
}

/** Every pattern of the data files: profiles, references and the core's vocabularies. */
export function builtinPatterns(): [where: string, source: string][] {
  const out: [string, string][] = [];
  const add = (where: string, sources: readonly string[]) => sources.forEach((s, i) => out.push([`${where}[${i}]`, s]));
  for (const file of readdirSync(join(ROOT, 'profiles')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))) {
    const p = json(`profiles/${file}`) as ProfileData;
    add(`${file} detect.title`, p.detect?.title ?? []);
    p.parts.forEach((part, i) => add(`${file} parts[${i}].headings`, part.headings));
    (p.tables?.rowEquations ?? []).forEach((e, i) => add(`${file} rowEquations[${i}]`, [...e.left, ...e.right]));
    (p.tables?.columnSums ?? []).forEach((c, i) => add(`${file} columnSums[${i}]`, [c.after, c.total]));
  }
  const data = 'server/src/core/data';
  for (const r of json(`${data}/references.json`).references as { id: string; patterns?: string[] }[])
    add(`references ${r.id}`, r.patterns ?? []);
  const boilerplate = json(`${data}/boilerplate.json`);
  add('boilerplate.patterns', boilerplate.patterns);
  add('boilerplate.anchors', [boilerplate.anchors]);
  const debris = json(`${data}/debris.json`);
  add(
    'debris.inline',
    debris.inline.map((p: { pattern: string }) => p.pattern),
  );
  add(
    'debris.lines',
    debris.lines.map((p: { pattern: string }) => p.pattern),
  );
  for (const key of ['runOnChrome', 'runOnTail', 'tailMarkers']) add(`debris.${key}`, debris[key]);
  const rules = json(`${data}/rules.json`);
  add('rules.causeWords', rules.causeWords.patterns);
  add('rules.emptyPart.ignore', [rules.emptyPart.ignore]);
  add('rules.placeholders', rules.placeholders.patterns);
  return out;
}
