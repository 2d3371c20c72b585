/**
 * Profiles and rule severities from outside the core: a `.govreport.json` workspace file and
 * the editor's settings. Validation against the JSON Schemas shipped in profiles/ happens here
 * (ajv's validators, generated ahead of time), so the core only ever sees valid data. Shared by
 * the language server and the CLI.
 * Data only: a workspace file can name a profile or define one, and set severities; nothing in
 * it is executed and it refers to no other file.
 */
import type { ErrorObject } from 'ajv';
import { validateProfile, validateWorkspace } from './generated/validators';
import { checkPattern, describeRefusal, trustPatterns } from './patternSafety';
import {
  builtinProfiles,
  builtinReferences,
  compileProfile,
  findProfile,
  guards,
  RULE_SETTINGS,
  rules,
  type AnalyzeOptions,
  type IgnoredFinding,
  type RuleSetting,
  type Profile,
  type ProfileDefinition,
  type ReferenceDefinition,
} from '../core';

export type { RuleSetting };

export interface WorkspaceConfig {
  readonly profile?: string | ProfileDefinition;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Findings hidden one by one: the rule and the text of the line it was found on (written by the quick fix). */
  readonly ignore?: readonly IgnoredFinding[];
  /** Events, periods and names added to (or replacing by id) the built-in references. */
  readonly references?: readonly ReferenceDefinition[];
  /** The author of the comments `govreport review` writes (default 审核). */
  readonly reviewer?: string;
  /** The share of the body repeated from last year's report above which reused-text is a warning (0–1). */
  readonly reuseWarning?: number;
}

/** What the editor's settings say (`govreport.profile`, `govreport.rules`). */
export interface EditorSettings {
  readonly profile?: string;
  readonly rules?: Readonly<Record<string, unknown>>;
  /** `govreport.maxDocumentSize`: characters above which costly checks are skipped. */
  readonly maxDocumentSize?: unknown;
  /** `govreport.reviewer`: the author of the comments *Send back with comments* writes. */
  readonly reviewer?: unknown;
}

export { WORKSPACE_FILE } from '../protocol';

// A `regex` string (heading, title, table-row and reference patterns) must compile and be proven free of
// catastrophic backtracking (patternSafety.ts); the built-in patterns are proven by a test, not again here.
// The validators are generated ahead of time (ajv standalone, `npm run generate`): no code is compiled
// at run time, so they run under a Content-Security-Policy without 'unsafe-eval' (vscode.dev).
trustPatterns(builtinPatternSources());

/** Every pattern of the built-in profiles and references. */
function builtinPatternSources(): string[] {
  const fromProfiles = builtinProfiles.flatMap((p) => [
    ...(p.detect?.title ?? []),
    ...p.parts.flatMap((part) => part.headings),
    ...(p.tables?.rowEquations ?? []).flatMap((e) => [...e.left, ...e.right]),
    ...(p.tables?.columnSums ?? []).flatMap((c) => [c.after, c.total]),
  ]);
  return [...fromProfiles, ...builtinReferences.flatMap((r) => r.patterns ?? [])];
}

/** Every code a `.govreport.json` may set a severity for: the rules' and the size guards'. */
const ruleCodes = () => [...rules, ...guards].map((r) => r.code);

const isPatternError = (e: ErrorObject) => e.keyword === 'format' && e.params.format === 'regex' && typeof e.data === 'string';

/**
 * One line per error. A refused pattern is named with the reason; the oneOf/type errors it causes
 * above it (a profile that is then neither a string nor a valid profile) are left out as noise.
 */
function describe(errors: readonly ErrorObject[] | null | undefined): string[] {
  const all = errors ?? [];
  const patterns = all.filter(isPatternError);
  // Only the branch bookkeeping above a refused pattern is noise ("must be string", "must match exactly one schema in oneOf").
  const above = (e: ErrorObject) =>
    (e.keyword === 'oneOf' || e.keyword === 'type') && patterns.some((p) => p.instancePath.startsWith(e.instancePath + '/'));
  return (
    all
      .filter((e) => isPatternError(e) || !above(e))
      // A rule code the rules do not know is said once (propertyNames), not also as its enum's bookkeeping.
      .filter((e) => !(e.keyword === 'enum' && e.propertyName !== undefined))
      .map((e) => {
        const where = e.instancePath || '/';
        if (isPatternError(e)) return `${where} ${describeRefusal(e.data as string, checkPattern(e.data as string))}`;
        // Named by the JSON path of the key itself: /rules/foo, not "/ must NOT have additional properties".
        if (e.keyword === 'additionalProperties') return `${e.instancePath}/${String(e.params.additionalProperty)}：未知的键 (unknown key)`;
        if (e.keyword === 'propertyNames')
          return `${e.instancePath}/${String(e.params.propertyName)}：未知的规则代码 (unknown rule code)；可用 (known): ${ruleCodes().join(', ')}`;
        return `${where} ${e.message ?? 'is invalid'}`;
      })
  );
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Checks parsed `.govreport.json` data against govreport.schema.json; unknown profile ids are errors too. */
export function checkWorkspaceConfig(data: unknown): Checked<WorkspaceConfig> {
  if (!validateWorkspace(data)) return { ok: false, errors: describe(validateWorkspace.errors) };
  const config = data as WorkspaceConfig;
  if (typeof config.profile === 'string' && !findProfile(config.profile))
    return { ok: false, errors: [`/profile unknown profile "${config.profile}"`] };
  return { ok: true, value: config };
}

/** Checks a profile definition against profile.schema.json. */
export function checkProfile(data: unknown): Checked<ProfileDefinition> {
  if (!validateProfile(data)) return { ok: false, errors: describe(validateProfile.errors) };
  return { ok: true, value: data as ProfileDefinition };
}

const SEVERITIES: ReadonlySet<string> = new Set(RULE_SETTINGS);

/** Keeps the well-formed entries of a severity map (`code → error|warning|information|hint|off`). */
export function cleanSeverities(rules: Readonly<Record<string, unknown>> | undefined): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [code, value] of Object.entries(rules ?? {}))
    if (typeof value === 'string' && SEVERITIES.has(value)) out[code] = value as RuleSetting;
  return out;
}

/**
 * Profile and severities for analysis. The workspace file (when trusted and valid) chooses the
 * profile first, then the `govreport.profile` setting, then the title. Severities: the workspace
 * file's, overridden per code by the user's `govreport.rules` setting.
 */
export function resolveOptions(
  settings: EditorSettings,
  workspace: WorkspaceConfig | undefined,
): Pick<AnalyzeOptions, 'profile' | 'severities' | 'references' | 'ignore' | 'reuseWarning'> {
  let profile: string | Profile | undefined;
  const wp = workspace?.profile;
  if (typeof wp === 'object') profile = compileProfile(wp);
  else if (wp) profile = wp;
  else if (settings.profile && findProfile(settings.profile)) profile = settings.profile;
  const severities = { ...cleanSeverities(workspace?.rules), ...cleanSeverities(settings.rules) };
  return {
    ...(profile ? { profile } : {}),
    severities,
    ...(workspace?.references?.length ? { references: workspace.references } : {}),
    ...(workspace?.ignore?.length ? { ignore: workspace.ignore } : {}),
    ...(workspace?.reuseWarning !== undefined ? { reuseWarning: workspace.reuseWarning } : {}),
  };
}
