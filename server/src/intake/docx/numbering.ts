/**
 * Word's automatic numbering (numbering.xml): abstract definitions and their levels (start, format,
 * level text such as `%1、` or `（%2）`, restart rules, legal numbering), numbering instances with
 * level and start overrides, and the counters Word keeps while it lays the document out — so each
 * numbered paragraph gets the label Word shows in front of it.
 */
import type { Element } from '@xmldom/xmldom';
import { formatNumber } from './numberFormat';
import { intAttr, wAttr, wChild, wChildren, wFlag, wVal } from './xml';

/** The longest label written out (Word's own are under 20 characters; `1.2.3.4.5.6.7.8.9.` is 18). */
const MAX_LABEL = 64;

interface Level {
  readonly start: number;
  readonly format: string;
  /** `%1、`, `（%2）`, `%1.%2` …; undefined means no label. */
  readonly text: string | undefined;
  /** Restart after a level above this 1-based level is used; 0 = never; undefined = after any higher level. */
  readonly restart: number | undefined;
  readonly legal: boolean;
  readonly suffix: string;
  readonly style: string | undefined;
}

interface AbstractNum {
  readonly id: string;
  readonly levels: Map<number, Level>;
  /** w:numStyleLink: the definition lives behind a numbering style. */
  readonly styleLink: string | undefined;
}

interface NumInstance {
  readonly abstractId: string;
  readonly startOverrides: Map<number, number>;
  readonly levelOverrides: Map<number, Level>;
}

function readLevel(lvl: Element): Level {
  const textEl = wChild(lvl, 'lvlText');
  return {
    start: intAttr(wVal(lvl, 'start')) ?? 0,
    format: wVal(lvl, 'numFmt') ?? 'decimal',
    text: textEl ? (wAttr(textEl, 'val') ?? '') : undefined,
    restart: intAttr(wVal(lvl, 'lvlRestart')),
    legal: wFlag(lvl, 'isLgl'),
    suffix: wVal(lvl, 'suff') ?? 'tab',
    style: wVal(lvl, 'pStyle'),
  };
}

function readLevels(el: Element): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of wChildren(el, 'lvl')) levels.set(intAttr(wAttr(lvl, 'ilvl')) ?? 0, readLevel(lvl));
  return levels;
}

/** What a numbered paragraph shows before its text. */
export interface NumberLabel {
  readonly text: string;
  /** `tab`, `space` or `nothing`: what Word puts between the label and the text. */
  readonly suffix: string;
}

export class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, NumInstance>();
  /** Counters per list (an abstract definition); undefined = not counted since its last restart. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** Instances already met: their start overrides have been applied. */
  private readonly started = new Set<string>();

  constructor(
    numbering: Element | undefined,
    private readonly styleNumId: (styleId: string) => string | undefined,
  ) {
    if (!numbering) return;
    for (const a of wChildren(numbering, 'abstractNum')) {
      const id = wAttr(a, 'abstractNumId') ?? '';
      this.abstracts.set(id, { id, levels: readLevels(a), styleLink: wVal(a, 'numStyleLink') });
    }
    for (const n of wChildren(numbering, 'num')) {
      const startOverrides = new Map<number, number>();
      const levelOverrides = new Map<number, Level>();
      for (const o of wChildren(n, 'lvlOverride')) {
        const ilvl = intAttr(wAttr(o, 'ilvl')) ?? 0;
        const start = intAttr(wVal(o, 'startOverride'));
        if (start !== undefined) startOverrides.set(ilvl, start);
        const lvl = wChild(o, 'lvl');
        if (lvl) levelOverrides.set(ilvl, readLevel(lvl));
      }
      this.nums.set(wAttr(n, 'numId') ?? '', { abstractId: wVal(n, 'abstractNumId') ?? '', startOverrides, levelOverrides });
    }
  }

  /** The abstract definition of an instance, following a numbering-style link once. */
  private abstractOf(num: NumInstance): AbstractNum | undefined {
    const a = this.abstracts.get(num.abstractId);
    if (a?.styleLink) {
      const linked = this.nums.get(this.styleNumId(a.styleLink) ?? '');
      const target = linked && this.abstracts.get(linked.abstractId);
      if (target && !target.styleLink) return target;
    }
    return a;
  }

  /** The list an instance counts in: its definition's id, read off the definition (a search of every definition per paragraph was quadratic: 80,000 definitions took 154 s). */
  private abstractKey(num: NumInstance): string {
    return this.abstractOf(num)?.id ?? num.abstractId;
  }

  private level(num: NumInstance, ilvl: number): Level | undefined {
    return num.levelOverrides.get(ilvl) ?? this.abstractOf(num)?.levels.get(ilvl);
  }

  /** The level a paragraph style is tied to inside an instance (w:pStyle on a level). */
  levelForStyle(numId: string, styleId: string): number | undefined {
    const num = this.nums.get(numId);
    const a = num && this.abstractOf(num);
    if (!a) return undefined;
    for (const [ilvl, l] of a.levels) if (l.style === styleId) return ilvl;
    return undefined;
  }

  /**
   * Counts a numbered paragraph and returns its label (null when the instance is missing or
   * numId 0, Word's "no numbering"). Called once per paragraph, in document order.
   */
  next(numId: string, ilvl: number): NumberLabel | null {
    const num = this.nums.get(numId);
    if (!num || numId === '0') return null;
    const level = this.level(num, ilvl);
    if (!level) return null;
    // Instances of one abstract definition are one list and share its counters (a second w:num of
    // the same list continues it); an instance's startOverride restarts the list where that instance
    // is first used — how Word, and LibreOffice when it saves .docx, express "restart numbering".
    const key = this.abstractKey(num);
    let counters = this.counters.get(key);
    if (!counters) this.counters.set(key, (counters = []));
    const startOf = (l: number) => num.startOverrides.get(l) ?? this.level(num, l)?.start ?? 0;
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const l of new Set([...num.startOverrides.keys(), ...num.levelOverrides.keys()])) counters[l] = undefined;
    }
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl]! + 1;
    // Deeper levels start again, unless their lvlRestart says otherwise.
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = this.level(num, deeper)?.restart;
      if (restart === undefined || (restart !== 0 && ilvl < restart)) counters[deeper] = undefined;
    }
    if (level.text === undefined || level.format === 'bullet') return { text: '', suffix: level.suffix };
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counters![l] ?? startOf(l);
      const format = level.legal ? 'decimal' : (this.level(num, l)?.format ?? 'decimal');
      return formatNumber(format, value);
    });
    // A label is a few characters; a hostile level text (%1 repeated) or counter must not make it a book.
    return { text: text.length > MAX_LABEL ? text.slice(0, MAX_LABEL) : text, suffix: level.suffix };
  }
}
