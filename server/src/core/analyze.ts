/**
 * The analysis itself: `analyze(text, options) → ReportModel`, one pass over the text, then
 * the rules over the finished model. Front ends reach it through the façade (index.ts).
 */
import type { AnalysisCache, LineShift } from './cache';
import type { AnalysisContext } from './context';
import { scanDebris, withoutInlineDebris, type CleanLine, type LineClassMemo } from './debris';
import { attachmentsStart, readHeader, readSignature, yearIn } from './header';
import { t, toLocale } from './messages';
import type { Debris, Finding, Header, Locale, ReportModel, Severity, Signature, TextSpan } from './model';
import { buildOutline, freezeOutline, type MutableNode } from './outline';
import { assignParts, profileByParts } from './parts';
import { builtinProfiles, defaultProfile, findProfile, localized, profileForTitle, type Profile } from './profile';
import { findLostOrdinals } from './lostOrdinals';
import { findHardWrap } from './wrap';
import { rules } from './rules';
import type { Emitted, Rule } from './rules/rule';
import { declinedModel, MAX_TEXT_LENGTH } from './sizeGuard';
import { TextIndex, trimEndIndex } from './text';
import { updatedIndex } from './textUpdate';
import { extractFigures } from './figures';
import { contentSegments } from './rules/textScan';
import { runOnPieces, type RunOnLine } from './runOn';
import { referenceTable, type ReferenceDefinition } from './references/table';
import { bodyEvidence } from './similarity/body';
import { resolvePrevious, reuseSummary, type PreviousReportSource } from './similarity/reportReuse';

export interface AnalyzeOptions {
  /** 'zh-cn' (default) or 'en'; any BCP 47 tag is accepted. */
  readonly locale?: string;
  /** Profile id or a compiled profile; without one the title chooses (`detect.title`), else `fzzf-annual`. */
  readonly profile?: string | Profile;
  /** Severity overrides by rule code; 'off' drops the rule. */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /**
   * Above this many characters, costly rules are skipped and one `large-document` information
   * finding says so (the structure and the cheap rules still run). No limit when absent.
   */
  readonly maxDocumentSize?: number;
  /** Called when a rule throws: the rule is skipped, the others still report. */
  readonly onRuleError?: (code: string, error: unknown) => void;
  /** Texts longer than this (UTF-16 units) are not analysed; the model carries one `too-large` finding. */
  readonly maxLength?: number;
  /** The rules to run instead of the built-in list (tests inject failing rules through it). */
  readonly rules?: readonly Rule[];
  /**
   * Keep one per document and pass it to each analysis of it: unchanged lines reuse the previous
   * analysis's line-local work (the result is the same as without it, only faster).
   */
  readonly cache?: AnalysisCache;
  /** Events, periods and names to cite-check besides the built-in ones (`.govreport.json` references). */
  readonly references?: readonly ReferenceDefinition[];
  /** Last year's report of the same body (reused-text), or how to find it once year and title are known. */
  readonly previous?: PreviousReportSource;
}

function span(index: TextIndex, lines: readonly CleanLine[], from: number, to: number): TextSpan {
  const a = lines[from];
  const b = lines[to];
  const start = a.line.start + a.contentStart;
  const end = b.line.start + b.contentEnd;
  const parts: string[] = [];
  for (let i = from; i <= to; i++) {
    const c = lines[i];
    if (!c.isDebris) parts.push(c.line.text.slice(c.contentStart, c.contentEnd));
  }
  return { text: withoutInlineDebris(parts.join('')), range: index.range(start, end) };
}

export function analyze(text: string, options: AnalyzeOptions = {}): ReportModel {
  const locale: Locale = toLocale(options.locale);
  const limit = options.maxLength ?? MAX_TEXT_LENGTH;
  if (text.length > limit) {
    const declined =
      typeof options.profile === 'object' ? options.profile : (options.profile && findProfile(options.profile)) || defaultProfile();
    return declinedModel(text, limit, locale, declined);
  }
  const cache = options.cache;
  // With a cache, the line index and each line's class are updated from the last analysis.
  const shift: LineShift = { first: 0, oldTail: 0, newTail: Infinity };
  const index = cache?.index ? updatedIndex(cache.index, text, shift) : new TextIndex(text);
  cache?.begin(index.lineCount, cache.index ? shift : undefined);
  let lines = scanDebris(index.lines, cache?.lineClasses as readonly LineClassMemo[] | undefined, cache?.classified);

  // One pass finds the structure; the header is what comes before the first heading and the
  // signature is read back from the end, after the last heading line.
  // Attachments after the 落款 (a line reading 附件) are not the report's structure.
  let bodyLines = attachmentsStart(lines);
  // PDF text broken at the line width: lines that fill it go on on the next (wrap.ts).
  const wrap = findHardWrap(lines) ?? undefined;
  let draft = buildOutline(
    text,
    lines,
    0,
    bodyLines,
    bodyLines < lines.length ? lines[bodyLines].line.start : text.length,
    withoutInlineDebris,
    undefined,
    wrap,
  );
  if (draft.firstHeadingLine < 0 && bodyLines < lines.length) {
    bodyLines = lines.length;
    draft = buildOutline(text, lines, 0, bodyLines, text.length, withoutInlineDebris, undefined, wrap);
  }
  // Word's numbering lost: no level-1 heading, but lines that read as the standard part titles.
  if (!draft.roots.some((r) => r.token.rank === 1)) {
    const requested = typeof options.profile === 'object' ? options.profile : options.profile ? findProfile(options.profile) : undefined;
    const lost = lostOrdinalsOf(lines, bodyLines, requested);
    if (lost.size)
      draft = buildOutline(
        text,
        lines,
        0,
        bodyLines,
        bodyLines < lines.length ? lines[bodyLines].line.start : text.length,
        withoutInlineDebris,
        lost,
        wrap,
      );
  }
  // Page chrome run into the header of a flattened page is debris like a chrome line.
  lines = withRunOnChrome(lines, draft.runOn);
  const firstHeading = draft.firstHeadingLine < 0 ? lines.length : draft.firstHeadingLine;
  // A run-on last line: the 落款 at its end is read from its pieces (runOn.ts).
  const sigLines = signatureLinesOf(lines, lastLineOf(draft.roots), bodyLines, draft.runOn);
  const sl = sigLines ? readSignature(sigLines, 0, sigLines.length) : readSignature(lines, lastLineOf(draft.roots) + 1, bodyLines);
  const sLines = sigLines ?? lines;
  // Without headings the 落款 also stands before the "first heading": the header (and the lead
  // the report year may come from) stops where the signature starts.
  const headerEnd = sl.start >= 0 ? Math.min(firstHeading, sLines[sl.start].line.index) : firstHeading;
  // A run-on first line: its pieces before the first heading are the header's lines.
  const hLines = headerEnd === firstHeading ? headerLinesOf(lines, firstHeading, draft.runOn.get(firstHeading)) : lines;
  const hl = readHeader(hLines, hLines === lines ? headerEnd : hLines.length);
  if (sl.start >= 0) clampEnd(draft.roots, sLines[sl.start].line.start + (sigLines ? sLines[sl.start].contentStart : 0));

  const header: Header = {
    bodies: hl.bodyLines.map((l) => span(index, hLines, l, l)),
    title: hl.titleLines.length
      ? {
          ...span(index, hLines, hl.titleLines[0], hl.titleLines[hl.titleLines.length - 1]),
          lines: hl.titleLines.map((l) => hLines[l].line.index),
        }
      : undefined,
    addressee: hl.addresseeLine >= 0 ? span(index, hLines, hl.addresseeLine, hl.addresseeLine) : undefined,
    lead: hl.leadLines.length ? span(index, hLines, hl.leadLines[0], hl.leadLines[hl.leadLines.length - 1]) : undefined,
  };
  const profile =
    typeof options.profile === 'object'
      ? options.profile
      : (options.profile && findProfile(options.profile)) ||
        profileForTitle(header.title?.text) ||
        profileByParts(draft.roots, builtinProfiles, defaultProfile()) ||
        defaultProfile();
  // The report year: the title's, else the lead's, else the year a 成文日期 reports on (reports
  // are dated early in the following year; one dated in December reports on its own year).
  const year =
    (header.title && yearIn(header.title.text)) ??
    (header.lead ? yearIn(header.lead.text) : null) ??
    (sl.date ? (sl.date.month === 12 ? sl.date.year : sl.date.year - 1) : null);

  const signature: Signature | null =
    sl.start >= 0
      ? {
          bodies: sl.bodyLines.map((l) => span(index, sLines, l, l)),
          date: sl.date && sl.dateLine >= 0 ? { ...span(index, sLines, sl.dateLine, sl.dateLine), ...sl.date } : undefined,
          line: sLines[sl.start].line.index,
        }
      : null;

  const parts = assignParts(profile, draft.roots, year, locale);
  const outline = freezeOutline(draft.roots, index, text);

  const debris: Debris[] = [];
  for (const cl of lines) {
    for (const d of cl.debris) {
      debris.push({
        kind: d.kind,
        text: cl.line.text.slice(d.start, d.end),
        range: index.range(cl.line.start + d.start, cl.line.start + d.end),
        wholeLine: d.wholeLine,
      });
    }
  }

  const figures = extractFigures({ index, lines, outline, segments: contentSegments, joins: wrap?.next }, cache);
  const ctx: AnalysisContext = {
    text,
    index,
    lines,
    locale,
    profile,
    header,
    year,
    outline,
    parts,
    signature,
    figures,
    cache,
    runOn: draft.runOn,
    references: referenceTable(options.references),
    previous: resolvePrevious(options.previous, year, bodyEvidence({ header, signature })),
    firstContentLineRange() {
      const first = lines.find((c) => !c.isDebris && c.contentStart < c.contentEnd);
      return first ? index.range(first.line.start + first.contentStart, first.line.start + first.contentEnd) : index.lineRange(0);
    },
  };
  const findings: Finding[] = [];
  const large = options.maxDocumentSize !== undefined && text.length > options.maxDocumentSize;
  for (const rule of options.rules ?? rules) {
    const setting = options.severities?.[rule.code];
    if (setting === 'off' || (large && rule.costly)) continue;
    // A rule's findings count only when it finishes: a rule that throws midway is skipped whole.
    const own: Finding[] = [];
    try {
      // Past MAX_FINDINGS_PER_RULE a rule's findings are dropped: a line of a million stray 】 is
      // one problem to the writer, not a million diagnostics to publish.
      rule.run(ctx, (f) => {
        if (own.length < MAX_FINDINGS_PER_RULE) own.push(finding(f, rule.code, setting ?? f.severity ?? rule.defaultSeverity, cache));
      });
      for (const f of own) findings.push(f);
    } catch (error) {
      options.onRuleError?.(rule.code, error);
    }
  }
  const largeSetting = options.severities?.[LARGE_DOCUMENT];
  if (cache) cache.index = index;
  cache?.rotate();
  if (large && largeSetting !== 'off') findings.push(largeDocument(locale, text.length, options.maxDocumentSize!, ctx, largeSetting));

  return {
    profile: { id: profile.id, name: localized(profile.name, locale) },
    compiledProfile: profile,
    locale,
    lineCount: index.lineCount,
    header,
    year,
    outline,
    parts,
    signature,
    debris,
    findings,
    figures,
    ...(ctx.previous && options.severities?.[REUSED_TEXT] !== 'off' && !large ? { reuse: reuseSummary(ctx) } : {}),
  };
}

const REUSED_TEXT = 'reused-text';

/**
 * The finding as the model holds it. Fixes given as a function become a getter that computes
 * them on first read and then keeps them: `finding.fixes` reads like plain data (JSON, spread
 * and structured clone see the edits), but nobody pays for the edits of a fix never asked for.
 */
function finding(f: Emitted, code: string, severity: Severity, cache?: AnalysisCache): Finding {
  // The same emitted object (an unchanged line's finding, rules/lineFindings.ts): the same finding.
  const before = cache?.findings.get(f) as Finding | undefined;
  if (before && before.code === code && before.severity === severity) return before;
  const out = { ...f, code, severity } as Finding;
  cache?.findings.set(f, out);
  const compute = f.fixes;
  if (typeof compute === 'function') {
    Object.defineProperty(out, 'fixes', {
      enumerable: true,
      configurable: true,
      get(this: Finding) {
        const fixes = compute();
        Object.defineProperty(this, 'fixes', { value: fixes, enumerable: true, configurable: true, writable: true });
        return fixes;
      },
    });
  }
  return out;
}

export const LARGE_DOCUMENT = 'large-document';

/** The most findings one rule reports in one document (the first ones, in the rule's order). */
export const MAX_FINDINGS_PER_RULE = 10_000;

/** The one finding that says the size guard skipped the costly checks (so nothing stops silently). */
function largeDocument(locale: Locale, size: number, max: number, ctx: AnalysisContext, setting: Severity | undefined): Finding {
  return {
    code: LARGE_DOCUMENT,
    severity: setting ?? 'information',
    message: t(locale, LARGE_DOCUMENT, { size, max }),
    range: ctx.firstContentLineRange(),
    data: { size, max },
  };
}

/**
 * Part headings without their ordinals, read against the requested profile, else the one the
 * first lines' title names, else each built-in profile in turn.
 */
function lostOrdinalsOf(lines: readonly CleanLine[], end: number, requested: Profile | undefined): Map<number, number> {
  if (requested) return findLostOrdinals(lines, 0, end, requested);
  const top = lines
    .slice(0, 12)
    .filter((c) => !c.isDebris)
    .map((c) => c.line.text.slice(c.contentStart, c.contentEnd));
  const byTitle = top.map((t) => profileForTitle(t)).find((p) => p);
  for (const p of byTitle ? [byTitle, ...builtinProfiles.filter((q) => q !== byTitle)] : builtinProfiles) {
    const lost = findLostOrdinals(lines, 0, end, p);
    if (lost.size) return lost;
  }
  return new Map();
}

/** The pieces of a run-on last line from its 落款 on, and the lines after it; null when it has none. */
function signatureLinesOf(
  lines: readonly CleanLine[],
  last: number,
  end: number,
  runOn: ReadonlyMap<number, RunOnLine>,
): CleanLine[] | null {
  const ro = last >= 0 ? runOn.get(last) : undefined;
  if (ro?.signature === undefined) return null;
  const pieces = runOnPieces(lines[last], ro).filter((p) => p.contentStart >= ro.signature!);
  return [...pieces, ...lines.slice(last + 1, end)];
}

/** Lines with the chrome found inside run-on lines added to their debris (inline spans). */
function withRunOnChrome(lines: CleanLine[], runOn: ReadonlyMap<number, RunOnLine>): CleanLine[] {
  let out = lines;
  for (const [i, ro] of runOn) {
    if (ro.chrome.length === 0) continue;
    if (out === lines) out = [...lines];
    const cl = out[i];
    const spans = ro.chrome.map(([start, end]) => ({
      kind: 'web' as const,
      start,
      end: trimEndIndex(cl.line.text, end),
      wholeLine: false,
    }));
    out[i] = { ...cl, debris: [...cl.debris, ...spans].sort((a, b) => a.start - b.start) };
  }
  return out;
}

/** The lines before the first heading; a run-on line adds its pieces before its first heading. */
function headerLinesOf(lines: readonly CleanLine[], firstHeading: number, ro: RunOnLine | undefined): readonly CleanLine[] {
  if (!ro || ro.startsWithHeading) return lines;
  const pieces = runOnPieces(lines[firstHeading], ro).filter((p) => p.contentStart < ro.firstHeading && !p.isDebris);
  return pieces.length ? [...lines.slice(0, firstHeading), ...pieces] : lines;
}

/** The signature is not part of the last section: end the trailing sections before it. */
function clampEnd(nodes: readonly MutableNode[], end: number): void {
  const last = nodes[nodes.length - 1];
  if (!last) return;
  if (last.endOffset > end) last.endOffset = end;
  clampEnd(last.children, end);
}

function lastLineOf(nodes: readonly { token: { line: number }; children: readonly unknown[] }[]): number {
  let last = -1;
  const visit = (ns: readonly { token: { line: number }; children: readonly unknown[] }[]) => {
    for (const n of ns) {
      if (n.token.line > last) last = n.token.line;
      visit(n.children as typeof ns);
    }
  };
  visit(nodes);
  return last;
}
