/** The figure vocabulary (figures.json), prepared once: longest words first so matching is greedy. */
import raw from './figures.json';

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
  outcomeVerbs: raw.outcomeVerbs,
  rateWord: raw.rateWord,
  changeWords: raw.changeWords,
  coverWords: raw.coverWords,
  wordsEndingIn为: raw['keepBeforeTrailing为'],
  labelStops: longestFirst(raw.labelStops),
};

/** The word of `words` that `text` starts with at `at`, or undefined. */
export function wordAt(text: string, at: number, words: readonly string[]): string | undefined {
  return words.find((w) => text.startsWith(w, at));
}

/** The word of `words` that `text` ends with just before `at`, or undefined. */
export function wordBefore(text: string, at: number, words: readonly string[]): string | undefined {
  return words.find((w) => at >= w.length && text.startsWith(w, at - w.length));
}
