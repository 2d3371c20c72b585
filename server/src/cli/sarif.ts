/**
 * SARIF 2.1.0 output, so CI systems (code scanning, review bots) show findings inline.
 * Regions are 1-based; columns are UTF-16 code units (the model's positions), said in
 * `columnKind`. Paths are relative to the working directory, with forward slashes.
 */
import { relative, sep } from 'node:path';
import { ruleInfo, type Finding, type Locale } from '../core';
import type { FileResult } from './format';

const LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** A rule's metadata from the rule itself (core/rules): description in the report's language, docs, default level. */
function sarifRule(id: string, locale: Locale) {
  const info = ruleInfo(id);
  if (!info) return { id, name: id, shortDescription: { text: id } };
  return {
    id,
    name: id,
    shortDescription: { text: info.description[locale] },
    fullDescription: { text: info.docs.finds, markdown: info.docs.finds },
    defaultConfiguration: { level: LEVEL[info.defaultSeverity] },
  };
}

const uriOf = (file: string, cwd: string) => encodeURI(relative(cwd, file).split(sep).join('/'));

export function toSarif(
  results: readonly FileResult[],
  unreadable: readonly { file: string; message: string }[],
  version: string,
  cwd = process.cwd(),
) {
  const ruleIds = [...new Set(results.flatMap((r) => r.model.findings.map((f) => f.code)))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'govreport',
            version,
            rules: ruleIds.map((id) => sarifRule(id, results[0]?.model.locale ?? 'zh-cn')),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: encodeURI('file://' + cwd.split(sep).join('/') + '/') } },
        artifacts: results.map((r) => ({ location: { uri: uriOf(r.file, cwd), uriBaseId: '%SRCROOT%' } })),
        results: results.flatMap((r, artifactIndex) =>
          r.model.findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: ruleIds.indexOf(f.code),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uriOf(r.file, cwd), uriBaseId: '%SRCROOT%', index: artifactIndex },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
            ...(f.data ? { properties: f.data } : {}),
          })),
        ),
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: unreadable.map((u) => ({
              level: 'error',
              message: { text: u.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(u.file, cwd), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
      },
    ],
  };
}
