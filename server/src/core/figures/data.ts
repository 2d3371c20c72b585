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
 * call was most of what figure extraction allocated after the figures themselves (round 17). The
 * extraction itself asks prepared lists (`Words`, below); this form is for other callers and tests.
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
 * A word list prepared for the questions the extraction asks at every number and figure: `at` is
 * wordAt and `before` wordBefore of the same list, answering the same (test/fastPaths.test.ts). The
 * groups are the list's own fields, where wordAt finds them in a WeakMap at each call (2.7 % of the
 * figure stage), and a position outside the text is answered without reading a character there (a
 * code past the end is NaN, and a Map asked for NaN, or a charCodeAt that once read past the end,
 * takes the runtime's slow path).
 */
export class Words {
  private readonly firsts: Grouped;
  private readonly lasts: Grouped;

  constructor(readonly list: readonly string[]) {
    this.firsts = grouped(list, 0);
    this.lasts = grouped(list, -1);
  }

  /** wordAt(text, at, list) */
  at(text: string, at: number): string | undefined {
    const groups = this.firsts;
    if (groups === null) return wordAt(text, at, this.list);
    if (at < 0 || at >= text.length) return undefined;
    const candidates = groups.get(text.charCodeAt(at));
    if (candidates !== undefined) for (const w of candidates) if (text.startsWith(w, at)) return w;
    return undefined;
  }

  /** wordBefore(text, at, list) */
  before(text: string, at: number): string | undefined {
    const groups = this.lasts;
    if (groups === null) return wordBefore(text, at, this.list);
    if (at < 1 || at > text.length) return undefined;
    const candidates = groups.get(text.charCodeAt(at - 1));
    if (candidates !== undefined) for (const w of candidates) if (at >= w.length && text.startsWith(w, at - w.length)) return w;
    return undefined;
  }
}

/** The lists the extraction asks with Words (vocab's, in the same order). */
export const words = {
  units: new Words(vocab.units),
  approximateBefore: new Words(vocab.approximateBefore),
  approximateInside: new Words(vocab.approximateInside),
  approximateAfter: new Words(vocab.approximateAfter),
  notAfter: new Words(vocab.notAfter),
  slogans: new Words(vocab.slogans),
  approximateBeforeChinese: new Words(vocab.approximateBeforeChinese),
  leadingFillers: new Words(vocab.leadingFillers),
  trailingFillers: new Words(vocab.trailingFillers),
  verbs: new Words(vocab.verbs),
  labelStops: new Words(vocab.labelStops),
};

/**
 * A word list by its words' first (or last) character, each group in the list's order: only a
 * word whose first character is the text's there can match, so the first match in the group is
 * the first in the list. Null for a list with an empty word (that one matches anywhere).
 */
type Grouped = ReadonlyMap<number, readonly string[]> | null;
const firsts = new WeakMap<readonly string[], Grouped>();
const lasts = new WeakMap<readonly string[], Grouped>();
function byChar(words: readonly string[], memo: WeakMap<readonly string[], Grouped>, at: 0 | -1): Grouped {
  let groups = memo.get(words);
  if (groups === undefined) memo.set(words, (groups = grouped(words, at)));
  return groups;
}

function grouped(words: readonly string[], at: 0 | -1): Grouped {
  if (words.some((w) => w.length === 0)) return null;
  const groups = new Map<number, string[]>();
  for (const w of words) {
    const c = w.charCodeAt(at < 0 ? w.length - 1 : 0);
    const group = groups.get(c);
    if (group) group.push(w);
    else groups.set(c, [w]);
  }
  return groups;
}
