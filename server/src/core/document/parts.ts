/**
 * Decides which profile parts each level-1 heading carries, which parts are present, and where
 * an absent part is at least mentioned by a lower heading or a 一是 item.
 */
import type { MutableNode } from './outline';
import type { Locale, PartStatus } from '../model';
import { toHalfWidthDigits } from '../text/numerals';
import { localized, type CompiledPart, type Profile } from './profile';

const YEARS = /((?:19|20)\d{2})\s*年/g;

function yearsIn(s: string): number[] {
  const out: number[] = [];
  YEARS.lastIndex = 0;
  for (let m = YEARS.exec(s); m; m = YEARS.exec(s)) out.push(Number(m[1]));
  return out;
}

/** Earliest position in `title` where the part is named, or -1. Ignores `yieldsTo`. */
function matchPosition(part: CompiledPart, title: string, reportYear: number | null, yearVeto = true): number {
  let pos = -1;
  for (const re of part.patterns) {
    const m = re.exec(title);
    if (m && (pos < 0 || m.index < pos)) pos = m.index;
  }
  if (reportYear !== null && part.year) {
    const years = yearsIn(title);
    const hasNext = years.includes(reportYear + 1);
    if (part.year === 'next') {
      if (hasNext) {
        const at = title.indexOf(String(reportYear + 1));
        pos = pos < 0 ? at : Math.min(pos, at);
      } else if (years.length > 0 && yearVeto) {
        pos = -1; // names this year (or an earlier one) only: not next year's plan
      }
    } else if (part.year === 'current' && hasNext && !years.includes(reportYear)) {
      pos = -1;
    }
  }
  return pos;
}

/**
 * Part ids a heading title carries, in profile order. A year that does not fit a part rules the
 * part out only when another part claims the heading: `四、2024年工作计划` in a report titled 2024
 * is still the plan (year-mismatch tells about the year), not a missing part.
 */
export function classifyHeading(profile: Profile, title: string, reportYear: number | null): string[] {
  const t = toHalfWidthDigits(title); // ２０２４年 is 2024年 (same length: positions hold)
  const strict = classifyBy(profile, t, reportYear, true);
  return strict.length > 0 || reportYear === null ? strict : classifyBy(profile, t, reportYear, false);
}

function classifyBy(profile: Profile, title: string, reportYear: number | null, yearVeto: boolean): string[] {
  const pos = new Map<string, number>();
  for (const part of profile.compiledParts) {
    const p = matchPosition(part, title, reportYear, yearVeto);
    if (p >= 0) pos.set(part.id, p);
  }
  const out: string[] = [];
  for (const part of profile.compiledParts) {
    const p = pos.get(part.id);
    if (p === undefined) continue;
    const beaten = (part.yieldsTo ?? []).some((other) => {
      const q = pos.get(other);
      return q !== undefined && q <= p;
    });
    if (!beaten) out.push(part.id);
  }
  return out;
}

/**
 * The first lower heading of a root's section that names a part, by root and part. A root carried
 * over from the last analysis (outline.ts splices the outline) has the same headings below it, so
 * a keystroke elsewhere runs no pattern again: in 300 KB of headings, every absent part's patterns
 * over 10,000 titles per keystroke.
 */
const mentions = new WeakMap<MutableNode, Map<CompiledPart, { readonly year: number | null; readonly node: MutableNode | null }>>();

function firstMention(roots: readonly MutableNode[], part: CompiledPart, reportYear: number | null): MutableNode | null {
  for (const root of roots) {
    let byPart = mentions.get(root);
    if (!byPart) mentions.set(root, (byPart = new Map()));
    let m = byPart.get(part);
    if (!m || m.year !== reportYear) byPart.set(part, (m = { year: reportYear, node: mentionIn([root], part, reportYear) }));
    if (m.node) return m.node;
  }
  return null;
}

function mentionIn(nodes: readonly MutableNode[], part: CompiledPart, reportYear: number | null): MutableNode | null {
  for (const n of nodes) {
    if (n.depth > 1 && matchPosition(part, toHalfWidthDigits(n.title), reportYear) >= 0) return n;
    const deeper = mentionIn(n.children, part, reportYear);
    if (deeper) return deeper;
  }
  return null;
}

/** Assigns parts to root headings (mutating the draft nodes) and reports each part's status. */
export function assignParts(profile: Profile, roots: readonly MutableNode[], reportYear: number | null, locale: Locale): PartStatus[] {
  for (const root of roots) root.parts = classifyHeading(profile, root.title, reportYear);

  for (const part of profile.compiledParts) {
    if (!part.standsForUnmatchedBefore || roots.some((r) => r.parts.includes(part.id))) continue;
    const stopAt = roots.findIndex((r) => r.parts.some((id) => part.standsForUnmatchedBefore!.includes(id)));
    const limit = stopAt < 0 ? roots.length : stopAt;
    for (let i = 0; i < limit; i++) {
      if (roots[i].parts.length === 0) {
        roots[i].parts = [part.id];
        roots[i].inferredPart = true;
      }
    }
  }

  return profile.compiledParts.map((part) => {
    const carrier = roots.find((r) => r.parts.includes(part.id));
    const mention = carrier ? null : firstMention(roots, part, reportYear);
    return {
      id: part.id,
      name: localized(part.name, locale),
      mandatory: part.mandatory,
      present: !!carrier,
      line: carrier ? carrier.token.line : null,
      inferred: !!carrier && carrier.inferredPart,
      mentionedAt: mention ? { line: mention.token.line, name: mention.name } : null,
    };
  });
}

/**
 * The report kind read from the headings when the title does not say (a mangled or missing
 * title): the profile whose parts the level-1 headings name most, when it names more of its
 * mandatory parts than the default profile does (a 政府信息公开 report by its six parts).
 */
export function profileByParts(roots: readonly MutableNode[], profiles: readonly Profile[], fallback: Profile): Profile | undefined {
  const score = (p: Profile) => {
    const ids = new Set<string>();
    for (const r of roots) for (const id of classifyHeading(p, r.title, null)) ids.add(id);
    return p.compiledParts.filter((part) => part.mandatory && ids.has(part.id)).length;
  };
  const base = score(fallback);
  // More than half of its mandatory parts (4 of the six of a 政府信息公开 report).
  const enough = (p: Profile) => Math.max(3, Math.floor(p.compiledParts.filter((part) => part.mandatory).length / 2) + 1);
  let best: Profile | undefined;
  let bestScore = base;
  for (const p of profiles) {
    if (p === fallback) continue;
    const s = score(p);
    if (s > bestScore && s >= enough(p)) {
      best = p;
      bestScore = s;
    }
  }
  return best;
}
