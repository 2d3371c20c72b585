/**
 * Profiles and rule severities from outside the core: a `.govreport.json` workspace file and
 * the editor's settings. Validation against the JSON Schemas shipped in profiles/ happens here
 * (with ajv), so the core only ever sees valid data. Shared by the language server and the CLI.
 * Data only: a workspace file can name a profile or define one, and set severities; nothing in
 * it is executed and it refers to no other file.
 */
import Ajv, { type ErrorObject } from 'ajv';
import profileSchema from '../../../profiles/profile.schema.json';
import workspaceSchema from '../../../profiles/govreport.schema.json';
import referencesSchema from '../../../profiles/references.schema.json';
import {
  compileProfile,
  findProfile,
  RULE_SETTINGS,
  type AnalyzeOptions,
  type RuleSetting,
  type Profile,
  type ProfileDefinition,
  type ReferenceDefinition,
} from '../core';

export type { RuleSetting };

export interface WorkspaceConfig {
  readonly profile?: string | ProfileDefinition;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Events, periods and names added to (or replacing by id) the built-in references. */
  readonly references?: readonly ReferenceDefinition[];
}

/** What the editor's settings say (`govreport.profile`, `govreport.rules`). */
export interface EditorSettings {
  readonly profile?: string;
  readonly rules?: Readonly<Record<string, unknown>>;
  /** `govreport.maxDocumentSize`: characters above which costly checks are skipped. */
  readonly maxDocumentSize?: unknown;
}

export { WORKSPACE_FILE } from '../protocol';

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('regex', (s: string) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
});
ajv.addSchema(profileSchema, 'profile.schema.json');
ajv.addSchema(referencesSchema, 'references.schema.json');
const validateWorkspace = ajv.compile<WorkspaceConfig>(workspaceSchema);
const validateProfile = ajv.getSchema<ProfileDefinition>('profile.schema.json')!;

function describe(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Checks parsed `.govreport.json` data against govreport.schema.json; unknown profile ids are errors too. */
export function checkWorkspaceConfig(data: unknown): Checked<WorkspaceConfig> {
  if (!validateWorkspace(data)) return { ok: false, errors: describe(validateWorkspace.errors) };
  if (typeof data.profile === 'string' && !findProfile(data.profile))
    return { ok: false, errors: [`/profile unknown profile "${data.profile}"`] };
  return { ok: true, value: data };
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
): Pick<AnalyzeOptions, 'profile' | 'severities' | 'references'> {
  let profile: string | Profile | undefined;
  const wp = workspace?.profile;
  if (typeof wp === 'object') profile = compileProfile(wp);
  else if (wp) profile = wp;
  else if (settings.profile && findProfile(settings.profile)) profile = settings.profile;
  const severities = { ...cleanSeverities(workspace?.rules), ...cleanSeverities(settings.rules) };
  return { ...(profile ? { profile } : {}), severities, ...(workspace?.references?.length ? { references: workspace.references } : {}) };
}
