/** What a figure counts: the words of its clause, without time words, fillers and verbs of degree. */
import { vocab, wordAt } from './data';

const YEAR_LEAD = /^(?:[0-9０-９]{4}年度?|[0-9０-９]{1,2}月(?:份)?|上半年|下半年)/;
const NOISE = /[“”"‘’'「」《》\s\u3000]/g;
const PUNCT_EDGE = /^[，,、；;：:。.（）()]+|(?<![，,、；;：:。.（）()])[，,、；;：:。.（）()]+$/g;

/** The clause before a number, reduced to what is counted: 全年共主动公开政府信息 → 主动公开政府信息. */
export function cleanLabel(clause: string): string {
  let s = clause.replace(NOISE, '').replace(PUNCT_EDGE, '');
  for (let changed = true; changed && s;) {
    changed = false;
    const year = YEAR_LEAD.exec(s);
    const lead = year?.[0] ?? wordAt(s, 0, vocab.leadingFillers);
    if (lead) {
      s = s.slice(lead.length).replace(PUNCT_EDGE, '');
      changed = true;
    }
    // 数量为120件 drops 为; 违法行为 keeps it.
    const tail =
      vocab.trailingFillers.find((w) => s.endsWith(w)) ??
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
  const stops = wordAt(text, from, vocab.labelStops) ? [] : vocab.labelStops;
  let out = '';
  for (let end = from; end < to && out.length < 12; end++) {
    const ch = text[end];
    if (ch === '“' || ch === '”') continue;
    if (!/[\u3400-\u9fff]/.test(ch) || wordAt(text, end, stops)) break;
    out += ch;
  }
  return out;
}

/** 排查矛盾纠纷 → verb 排查, noun 矛盾纠纷 (the verb list is data; else the first two characters). */
export function splitVerb(label: string): { verb: string; noun: string } {
  // The last verb governs the object: 各级人民调解组织共排查矛盾纠纷 → 排查 | 矛盾纠纷.
  for (let i = label.length - 2; i >= 0; i--) {
    const verb = wordAt(label, i, vocab.verbs);
    if (verb && i + verb.length < label.length) return { verb, noun: label.slice(i + verb.length) };
  }
  const verb = label.length > 3 ? label.slice(0, 2) : '';
  return { verb, noun: label.slice(verb.length) };
}
