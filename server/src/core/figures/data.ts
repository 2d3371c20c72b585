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
 * groups are the list's own fields, found by a table lookup: wordAt finds them in a WeakMap, then
 * a Map by character code, at each call (with the reads past the text's ends below, 2.4 of the figure
 * stage's 18.9 ms). A position outside the text is answered without reading a character there (a
 * code past the end is NaN, and a charCodeAt that once read past the end takes the slow path since).
 */
export class Words {
  /** By charId of a word's first character (index 0: no word starts with it). */
  private readonly firsts: readonly (readonly string[] | undefined)[] | null;
  /** By charId of a word's last character. */
  private readonly lasts: readonly (readonly string[] | undefined)[] | null;

  constructor(readonly list: readonly string[]) {
    this.firsts = groupedById(list, 0);
    this.lasts = groupedById(list, -1);
  }

  /** wordAt(text, at, list) */
  at(text: string, at: number): string | undefined {
    const groups = this.firsts;
    if (groups === null) return wordAt(text, at, this.list);
    if (at < 0 || at >= text.length) return undefined;
    const id = CHAR_ID[text.charCodeAt(at)];
    const candidates = id < groups.length ? groups[id] : undefined;
    if (candidates !== undefined) for (const w of candidates) if (text.startsWith(w, at)) return w;
    return undefined;
  }

  /** wordBefore(text, at, list) */
  before(text: string, at: number): string | undefined {
    const groups = this.lasts;
    if (groups === null) return wordBefore(text, at, this.list);
    if (at < 1 || at > text.length) return undefined;
    const id = CHAR_ID[text.charCodeAt(at - 1)];
    const candidates = id < groups.length ? groups[id] : undefined;
    if (candidates !== undefined) for (const w of candidates) if (at >= w.length && text.startsWith(w, at - w.length)) return w;
    return undefined;
  }
}

/**
 * A small number for each character some listed word starts or ends with (0: none), shared by
 * every Words: 128 KB once, where a table per list would be 64 KB each.
 */
const CHAR_ID = new Uint16Array(0x10000);
let charIds = 1;

/** A list's words by the charId of their first (or last) character, each group in the list's order; null as `grouped`. */
function groupedById(words: readonly string[], at: 0 | -1): (readonly string[] | undefined)[] | null {
  const groups = grouped(words, at);
  if (groups === null) return null;
  const byId: (string[] | undefined)[] = [];
  for (const [c, group] of groups) {
    if (CHAR_ID[c] === 0) CHAR_ID[c] = charIds++;
    byId[CHAR_ID[c]] = [...group];
  }
  // Packed, not holey: every index below the length reads as an array or undefined.
  return Array.from({ length: byId.length }, (_, k) => byId[k]);
}

/**
 * A set of words asked whether it holds a label: a label of a length no word has is answered
 * without hashing it (most labels are longer than any verb; 1.5 % of the figure stage).
 */
export class WordSet {
  private readonly set: ReadonlySet<string>;
  /** Bit n: some word has n characters (lengths of 31 and more: bit 31). */
  private readonly lengths: number;

  constructor(words: readonly string[]) {
    this.set = new Set(words);
    let lengths = 0;
    for (const w of words) lengths |= 1 << Math.min(w.length, 31);
    this.lengths = lengths;
  }

  has(word: string): boolean {
    return (this.lengths & (1 << Math.min(word.length, 31))) !== 0 && this.set.has(word);
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

/** The lists the extraction asks whether they hold a label. */
export const wordSets = {
  verbs: new WordSet(vocab.verbs),
  shareWords: new WordSet(vocab.shareWords),
  coverWords: new WordSet(vocab.coverWords),
};

/**
 * A word list by its words' first (or last) character, each group in the list's order: only a
 * word whose first character is the text's there can match, so the first match in the group is
 * the first in the list. Null for a list with an empty word (that one matches anywhere).
 */
type Grouped = Map<number, readonly string[]> | null;
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
