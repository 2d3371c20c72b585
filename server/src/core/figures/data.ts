/** The figure vocabulary (data/figures.json), prepared once: longest words first so matching is greedy. */
import raw from '../data/figures.json';

const longestFirst = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);

export const vocab = {
  units: longestFirst(raw.units),
  unitsNotAfterChinese: new Set(raw.unitsNotAfterChineseNumerals),
  approximateBefore: longestFirst(raw.approximateBefore),
  approximateInside: raw.approximateInside,
  approximateAfter: longestFirst(raw.approximateAfter),
  moreThan: new Set(raw.moreThan),
  notAfter: raw.notAfter,
  slogans: raw.slogans,
  approximateBeforeChinese: raw.approximateBeforeChinese,
  leadingFillers: longestFirst(raw.leadingFillers),
  trailingFillers: longestFirst(raw.trailingFillers),
  shareWords: longestFirst(raw.shareWords),
  shareLabel: raw.shareLabel,
  verbs: longestFirst(raw.verbs),
  /** The verbs, for asking whether a word is one (a label is asked twice per figure). */
  verbSet: new Set(raw.verbs),
  outcomeVerbs: raw.outcomeVerbs,
  rateWord: raw.rateWord,
  changeWords: raw.changeWords,
  coverWords: raw.coverWords,
  wordsEndingIn为: raw['keepBeforeTrailing为'],
  labelStops: longestFirst(raw.labelStops),
};

/**
 * The word of `words` that `text` starts with at `at`, or undefined. Loops, not `find`: a closure per
 * call was most of what figure extraction allocated after the figures themselves (round 17).
 */
export function wordAt(text: string, at: number, words: readonly string[]): string | undefined {
  const grouped = byChar(words, firsts, 0);
  const candidates = grouped === null ? words : grouped.get(text.charCodeAt(at));
  if (candidates !== undefined) for (const w of candidates) if (text.startsWith(w, at)) return w;
  return undefined;
}

/** The word of `words` that `text` ends with just before `at`, or undefined. */
export function wordBefore(text: string, at: number, words: readonly string[]): string | undefined {
  const grouped = byChar(words, lasts, -1);
  const candidates = grouped === null ? words : grouped.get(text.charCodeAt(at - 1));
  if (candidates !== undefined) for (const w of candidates) if (at >= w.length && text.startsWith(w, at - w.length)) return w;
  return undefined;
}

/**
 * A word list by its words' first (or last) character, each group in the list's order: only a
 * word whose first character is the text's there can match, so the first match in the group is
 * the first in the list. Null for a list with an empty word (that one matches anywhere).
 */
type Grouped = ReadonlyMap<number, readonly string[]> | null;
const firsts = new WeakMap<readonly string[], Grouped>();
const lasts = new WeakMap<readonly string[], Grouped>();
function byChar(words: readonly string[], memo: WeakMap<readonly string[], Grouped>, at: 0 | -1): Grouped {
  let grouped = memo.get(words);
  if (grouped !== undefined) return grouped;
  if (words.some((w) => w.length === 0)) grouped = null;
  else {
    const groups = new Map<number, string[]>();
    for (const w of words) {
      const c = w.charCodeAt(at < 0 ? w.length - 1 : 0);
      const group = groups.get(c);
      if (group) group.push(w);
      else groups.set(c, [w]);
    }
    grouped = groups;
  }
  memo.set(words, grouped);
  return grouped;
}
