/** What a figure counts: the words of its clause, without time words, fillers and verbs of degree. */
import { vocab, words, Words } from './data';

const YEAR_LEAD = /^(?:[0-9０-９]{4}年度?|[0-9０-９]{1,2}月(?:份)?|上半年|下半年)/;
/** The characters YEAR_LEAD's alternatives start with: the regex runs only on a label starting with one. */
const YEAR_FIRST = new Uint8Array(0x10000);
for (const ch of '0123456789０１２３４５６７８９上下') YEAR_FIRST[ch.charCodeAt(0)] = 1;
const NOISE = /[“”"‘’'「」《》\s\u3000]/g;
/**
 * NOISE's class by UTF-16 unit, \s spelt out (test/fastPaths.test.ts holds it to the regex at every
 * unit; asking the regex about each unit at load took 7 ms): a clause is scanned without the regex.
 */
const NOISE_UNIT = new Uint8Array(0x10000);
for (const ch of '“”"‘’\'「」《》\u3000\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\ufeff') NOISE_UNIT[ch.charCodeAt(0)] = 1;
for (let c = 0x2000; c <= 0x200a; c++) NOISE_UNIT[c] = 1;

/** Whether the UTF-16 unit `c` is in NOISE's class. */
export function isNoiseUnit(c: number): boolean {
  return NOISE_UNIT[c] === 1;
}

/** Whether `s` holds a NOISE character. */
function hasNoise(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (NOISE_UNIT[s.charCodeAt(i)] === 1) return true;
  return false;
}
/** The punctuation taken off both ends of a label, by UTF-16 unit (trimmed by hand: no regex tried at every position). */
const EDGE = new Uint8Array(0x10000);
for (const ch of '，,、；;：:。.（）()') EDGE[ch.charCodeAt(0)] = 1;

/** The text without the runs of EDGE punctuation at its start and its end. */
function trimEdges(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && EDGE[s.charCodeAt(a)] === 1) a++;
  while (b > a && EDGE[s.charCodeAt(b - 1)] === 1) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** The clause before a number, reduced to what is counted: 全年共主动公开政府信息 → 主动公开政府信息. */
export function cleanLabel(clause: string): string {
  // Most clauses hold none of the noise: no replacement made for them. The noise test and the year
  // regex ran on every figure's clause, 5 % of the figure stage: now a table scan, and the regex only
  // where a year can start (round 20).
  let s = trimEdges(hasNoise(clause) ? clause.replace(NOISE, '') : clause);
  for (let changed = true; changed && s;) {
    changed = false;
    const year = YEAR_FIRST[s.charCodeAt(0)] === 1 ? YEAR_LEAD.exec(s) : null;
    const lead = year?.[0] ?? words.leadingFillers.at(s, 0);
    if (lead) {
      s = trimEdges(s.slice(lead.length));
      changed = true;
    }
    // 数量为120件 drops 为; 违法行为 keeps it. The longest filler the label ends with (the list is longest first).
    const tail =
      words.trailingFillers.before(s, s.length) ??
      (s.endsWith('为') && !vocab.wordsEndingIn为.some((w) => s.endsWith(w)) ? '为' : undefined);
    if (tail) {
      s = s.slice(0, -tail.length);
      changed = true;
    }
  }
  return s;
}

/** The noun phrase right after a figure (6家企业完成… → 企业), for clauses that start with the number. */
export function phraseAfter(text: string, from: number, to: number): string {
  // A phrase that opens with a verb (三人取得联系) runs to the clause end; else it stops at a verb.
  const stops = words.labelStops.at(text, from) ? NO_STOPS : words.labelStops;
  // Up to 12 CJK characters, quotes passed over: the text read is sliced once, not built a character at a time.
  let taken = 0;
  let quoted = false;
  let end = from;
  for (; end < to && taken < 12; end++) {
    const c = text.charCodeAt(end);
    if (c === LEFT_QUOTE || c === RIGHT_QUOTE) {
      quoted = true;
      continue;
    }
    if (c < 0x3400 || c > 0x9fff || stops.at(text, end)) break;
    taken++;
  }
  const phrase = text.slice(from, end);
  return quoted ? phrase.replace(QUOTES, '') : phrase;
}

const LEFT_QUOTE = '“'.charCodeAt(0);
const RIGHT_QUOTE = '”'.charCodeAt(0);
const QUOTES = /[“”]/g;
const NO_STOPS = new Words([]);

/** 排查矛盾纠纷 → verb 排查, noun 矛盾纠纷 (the verb list is data; else the first two characters). */
export function splitVerb(label: string): { verb: string; noun: string } {
  // The last verb governs the object: 各级人民调解组织共排查矛盾纠纷 → 排查 | 矛盾纠纷.
  for (let i = label.length - 2; i >= 0; i--) {
    const verb = words.verbs.at(label, i);
    if (verb && i + verb.length < label.length) return { verb, noun: label.slice(i + verb.length) };
  }
  const verb = label.length > 3 ? label.slice(0, 2) : '';
  return { verb, noun: label.slice(verb.length) };
}
