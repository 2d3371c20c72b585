/**
 * A document's diagnostics, converted once per finding and reused: a finding that is the same
 * object as in the last model (an unchanged line's, core/rules/lineFindings.ts), or equal to the
 * finding at the same place in the last model, keeps its converted diagnostic. The list then
 * tells cheaply whether anything changed (pull diagnostics answer `unchanged`).
 */
import type { Diagnostic } from 'vscode-languageserver';
import { findingKey, findingPlace, type Finding, type ReportModel } from '../core';
import { toDiagnostic } from './convert';
import { writeLike, writtenAlike } from './diagnosticBytes';

/** A finding's diagnostic, its place (the key without the rank), rank and key, kept by the finding object. */
interface Converted {
  readonly place: string;
  readonly rank: number;
  readonly key: string;
  readonly diagnostic: Diagnostic;
}

/** How many lists were handed out by the same finding objects and how many compared finding by finding, since load (tests read it). */
export const reuseCounts = { sameObjects: 0, compared: 0 };

export class DocumentDiagnostics {
  private findings: readonly Finding[] = [];
  private keys: readonly string[] = [];
  private converted: readonly Diagnostic[] = [];
  private readonly byFinding = new WeakMap<Finding, Converted>();
  private model: ReportModel | undefined;
  /** Result ids are unique in the server's life: a document closed and opened again never repeats one. */
  private static issued = 0;
  /** Changes whenever the diagnostics do (pull diagnostics' result id). */
  resultId = String(++DocumentDiagnostics.issued);

  /**
   * The model's diagnostics; the same array as last time when nothing changed. A finding object met
   * before keeps its place and key strings (findings are immutable): a keystroke into a report of
   * thousands of findings makes no string, object or array for those it did not change (issue 27).
   */
  of(model: ReportModel): readonly Diagnostic[] {
    if (model === this.model) return this.converted;
    const findings = model.findings;
    const last = this.converted;
    // The same finding objects as last time (a keystroke that changed none: each line's findings are kept
    // by the line, the others by their rule): the same diagnostics, without a key or a map per finding.
    if (sameObjects(findings, this.findings)) {
      this.model = model;
      reuseCounts.sameObjects++;
      return last;
    }
    reuseCounts.compared++;
    // Made at the first diagnostic that differs from the last list (with what came before it).
    let out: Diagnostic[] | undefined;
    let keys: string[] | undefined;
    if (findings.length !== last.length) {
      out = [];
      keys = [];
    }
    // How many findings so far sit at each place: a finding's rank there (findingKeys does the same).
    const seen = new Map<string, number>();
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      const c = this.byFinding.get(f);
      const place = c === undefined ? findingPlace(f) : c.place;
      const rank = seen.get(place) ?? 0;
      seen.set(place, rank + 1);
      let d: Diagnostic;
      let key: string;
      if (c !== undefined && c.rank === rank) {
        d = c.diagnostic;
        key = c.key;
      } else {
        key = findingKey(place, rank);
        if (this.keys[i] === key && sameFinding(this.findings[i], f)) d = last[i];
        else {
          d = toDiagnostic(f, key);
          // A finding after an edit that added or removed lines stands as far from the end as it stood:
          // when it says what that one said, its diagnostic is written as that one's, past the range.
          const j = i - findings.length + last.length;
          if (j >= 0) writeLike(d, last[j]);
        }
        this.byFinding.set(f, { place, rank, key, diagnostic: d });
      }
      if (out === undefined && d !== last[i]) {
        out = last.slice(0, i);
        keys = this.keys.slice(0, i);
      }
      if (out !== undefined) {
        out.push(d);
        keys!.push(key);
      }
    }
    this.model = model;
    // The newest objects, equal to the last ones where nothing changed: the next keystroke's are these.
    this.findings = findings;
    if (out !== undefined) {
      this.keys = keys!;
      this.converted = out;
      this.resultId = String(++DocumentDiagnostics.issued);
    }
    return this.converted;
  }
}

function sameObjects(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
    writtenAlike(a.data, b.data)
  );
}
