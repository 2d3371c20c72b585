/**
 * Artefacts generated from the rules' own metadata (and, through profilesDocs.ts, from the profiles) (core/rules/*: code, default severity,
 * description, docs): the `govreport.rules` settings schema in package.json with its localized
 * descriptions (package.nls*.json), and the README's rules table. `npm run generate` writes them;
 * test/generated.test.ts fails when a file differs from what this module makes of the rules.
 */
import { guards, RULE_SETTINGS, rules, type ProfileDefinition, type RuleInfo } from '../../server/src/core';
import { PROFILES_DIR, PROFILES_INDEX, profileFileNames, profilesIndex, withProfileDescriptions, withProfileSetting } from './profilesDocs';
import { withRuleCodes } from './schemaCodes';

type Json = Record<string, unknown>;

const NLS_PREFIX = 'rules.code.';

/** package.json's `govreport.rules` property: one entry per rule, in the rule list's order. */
export function withRulesSchema(pkg: Json): Json {
  const copy = JSON.parse(JSON.stringify(pkg)) as Json;
  const properties = (copy as { contributes: { configuration: { properties: Record<string, Json> } } }).contributes.configuration
    .properties;
  const setting = properties['govreport.rules'];
  setting.properties = Object.fromEntries(
    rules.map((r) => [r.code, { type: 'string', enum: [...RULE_SETTINGS], markdownDescription: `%${NLS_PREFIX}${r.code}%` }]),
  );
  setting.additionalProperties = { type: 'string', enum: [...RULE_SETTINGS] };
  return copy;
}

/** package.nls.json (`en`) or package.nls.zh-cn.json (`zh-cn`) with one description per rule code. */
export function withRuleDescriptions(nls: Record<string, string>, locale: 'en' | 'zh-cn'): Record<string, string> {
  const kept = Object.entries(nls).filter(([k]) => !k.startsWith(NLS_PREFIX));
  return Object.fromEntries([...kept, ...rules.map((r): [string, string] => [NLS_PREFIX + r.code, r.description[locale]])]);
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

function row(r: RuleInfo): string {
  return `| \`${r.code}\` | ${cell(r.docs.finds)} | ${r.defaultSeverity} | ${r.docs.fix ? cell(r.docs.fix) : '—'} |`;
}

export const TABLE_START = '<!-- rules table: generated from the rules (npm run generate); edit the rule, not this table -->';
export const TABLE_END = '<!-- end of rules table -->';

/** The README's rules table: every rule, then the size guards' codes. */
export function rulesTable(): string {
  return [
    TABLE_START,
    '| code | what it finds | default severity | quick fix |',
    '|---|---|---|---|',
    ...[...rules, ...guards].map(row),
    TABLE_END,
  ].join('\n');
}

/** The README with its rules table replaced by the generated one. */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no rules table markers (${TABLE_START} … ${TABLE_END})`);
  return readme.slice(0, start) + rulesTable() + readme.slice(end + TABLE_END.length);
}

/**
 * The files generated from the rules and the profiles, path → content. `list` names the files of a
 * folder (the profile files are found in profiles/).
 */
export function generatedFiles(read: (path: string) => string, list: (dir: string) => readonly string[]): Record<string, string> {
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
  const files = profileFileNames(list(PROFILES_DIR));
  const profiles = files.map((f) => JSON.parse(read(`${PROFILES_DIR}/${f}`)) as ProfileDefinition);
  const nls = (path: string, locale: 'en' | 'zh-cn') =>
    json(withProfileDescriptions(withRuleDescriptions(JSON.parse(read(path)), locale), locale, profiles));
  return {
    'package.json': json(withProfileSetting(withRulesSchema(JSON.parse(read('package.json'))), profiles)),
    'package.nls.json': nls('package.nls.json', 'en'),
    'package.nls.zh-cn.json': nls('package.nls.zh-cn.json', 'zh-cn'),
    'README.md': withRulesTable(read('README.md')),
    'profiles/govreport.schema.json': json(withRuleCodes(JSON.parse(read('profiles/govreport.schema.json')))),
    [PROFILES_INDEX]: profilesIndex(files),
  };
}
