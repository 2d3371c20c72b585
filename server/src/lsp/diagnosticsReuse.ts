/**
 * A document's diagnostics, converted once per finding and reused: a finding that is the same
 * object as in the last model (an unchanged line's, core/rules/lineFindings.ts), or equal to the
 * finding at the same place in the last model, keeps its converted diagnostic. The list then
 * tells cheaply whether anything changed (pull diagnostics answer `unchanged`).
 */
import type { Diagnostic } from 'vscode-languageserver';
import { findingKeys, type Finding, type ReportModel } from '../core';
import { toDiagnostic } from './convert';

export class DocumentDiagnostics {
  private findings: readonly Finding[] = [];
  private keys: readonly string[] = [];
  private converted: readonly Diagnostic[] = [];
  private readonly byFinding = new WeakMap<Finding, { readonly key: string; readonly diagnostic: Diagnostic }>();
  private model: ReportModel | undefined;
  /** Result ids are unique in the server's life: a document closed and opened again never repeats one. */
  private static issued = 0;
  /** Changes whenever the diagnostics do (pull diagnostics' result id). */
  resultId = String(++DocumentDiagnostics.issued);

  /** The model's diagnostics; the same array as last time when nothing changed. */
  of(model: ReportModel): readonly Diagnostic[] {
    if (model === this.model) return this.converted;
    const keys = findingKeys(model.findings);
    const out: Diagnostic[] = new Array(model.findings.length);
    let changed = model.findings.length !== this.converted.length;
    model.findings.forEach((f, i) => {
      const kept = this.byFinding.get(f);
      let d: Diagnostic;
      if (kept && kept.key === keys[i]) d = kept.diagnostic;
      else if (this.keys[i] === keys[i] && sameFinding(this.findings[i], f)) d = this.converted[i];
      else d = toDiagnostic(f, keys[i]);
      this.byFinding.set(f, { key: keys[i], diagnostic: d });
      if (d !== this.converted[i]) changed = true;
      out[i] = d;
    });
    this.model = model;
    if (changed) {
      this.findings = model.findings;
      this.keys = keys;
      this.converted = out;
      this.resultId = String(++DocumentDiagnostics.issued);
    }
    return this.converted;
  }
}

function sameFinding(a: Finding | undefined, b: Finding): boolean {
  if (!a) return false;
  if (a === b) return true;
  return (
    a.code === b.code &&
    a.severity === b.severity &&
    a.message === b.message &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character &&
    sameData(a.data, b.data)
  );
}

function sameData(a: Finding['data'], b: Finding['data']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}
