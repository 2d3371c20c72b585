/** The incremental cache: line-local results kept from one analysis of a document to the next. */
import type { Finding } from '../model';
import type { TextIndex } from './lineIndex';

/**
 * Results of line-local work kept from one analysis of a document to the next, keyed by what
 * they depend on (the line's text and its debris/ordinal geometry). Between two keystrokes all
 * lines but one are unchanged, so a 1 MB report re-does one line's work plus the cheap
 * document-wide passes. The cache is plain data handed in through `AnalyzeOptions.cache`: the
 * core stays pure, the server keeps one per open document.
 *
 * What the model gets from here is immutable: line-local drafts are copied into new model objects,
 * and placed figures of unchanged lines are handed out again as they are (figures/extract.ts), so
 * two models of one document may share figure objects. Nothing changes a model once built
 * (test/invariants.test.ts), which makes the sharing safe.
 */
/**
 * Which line of the last analysis each line of this one is (textUpdate.ts fills it in): the lines
 * before `first` kept their number, those from `newTail` on were the last analysis's lines from
 * `oldTail` on, the ones between were split again.
 */
export interface LineShift {
  first: number;
  oldTail: number;
  newTail: number;
}

/** The analysis under way, shared by the caches of one document: its number, its line count, how its lines moved. */
class Turn implements LineShift {
  generation = 0;
  lineCount = 0;
  first = 0;
  oldTail = 0;
  newTail = 0;

  /** The number the line had in the last analysis, or -1 for a line of the edited region. */
  old(line: number): number {
    return line < this.first ? line : line >= this.newTail ? line - this.newTail + this.oldTail : -1;
  }
}

/**
 * One value per line number, in an array reused from analysis to analysis: `count` slots are the
 * analysis's, the array may be longer. Setting an array's `length` costs a copy or a fill of the
 * whole backing store whenever it grows (0.1–0.2 ms for 12,000 lines, several times a keystroke,
 * issue 27), so the array only ever grows, with room to spare, and `count` says where it ends.
 */
class Slots<T> {
  items: (T | undefined)[] = [];
  count = 0;

  /**
   * The slots `count` long, to be filled again. What they held from an older analysis may stay
   * where this one writes nothing; that is harmless, as a line's key is compared before its value
   * is used, and a placement is checked against what it was placed from. What lies past the new
   * end is emptied, as truncating the array did: a slot past the end reads as never set.
   */
  cleared(count: number): this {
    const items = this.items;
    for (let i = count; i < this.count; i++) items[i] = undefined;
    if (items.length < count) items.length = count + (count >> 3) + 64;
    this.count = count;
    return this;
  }
}

export class LineCache<V, K = string> {
  /** Each value with the number of the last analysis that used it. */
  private readonly entries = new Map<K, { v: V; used: number }>();
  /** The number of the analysis under way. */
  private generation = 1;
  /** How many entries this analysis used. */
  private used = 0;
  /** How many values this analysis computed (stored), and the last finished analysis did (`recomputed`). */
  private computed = 0;
  lastComputed = 0;
  /**
   * The keys and values of the last analysis and of this one by line number: a line that kept its
   * key is found by an array read and a pointer comparison where the map would hash and probe a
   * table of ten thousand entries. Only a hint: the key is compared, so a value found here is the
   * key's value whatever the line numbers did.
   */
  private lastKeys = new Slots<K>();
  private lastValues = new Slots<V>();
  private keys = new Slots<K>();
  private values = new Slots<V>();
  private at = -1;

  constructor(private readonly turn?: Turn) {}

  /**
   * The value for this key, computed only when neither this analysis nor the last one had it.
   * `line`: where the key stands in this analysis (then the line's last key is tried first).
   */
  get(key: K, compute: () => V, line?: number): V {
    if (this.turn === undefined || line === undefined) return this.byKey(key, compute);
    return this.lookup(key, line) ?? this.store(key, line, compute());
  }

  /**
   * `get` without a function to compute with (a line's work without a closure made for it): the
   * value kept for the key, else undefined, and the caller computes and `store`s it.
   */
  lookup(key: K, line: number): V | undefined {
    const turn = this.turn;
    if (turn === undefined) return this.entries.get(key)?.v;
    if (this.at !== turn.generation) this.advance(turn);
    const j = turn.old(line);
    let v: V | undefined;
    if (j >= 0 && j < this.lastKeys.count && this.lastKeys.items[j] === key) {
      v = this.lastValues.items[j] as V;
      this.used++;
    } else {
      const e = this.entries.get(key);
      if (e === undefined) return undefined;
      if (e.used !== this.generation) {
        e.used = this.generation;
        this.used++;
      }
      v = e.v;
    }
    this.keys.items[line] = key;
    this.values.items[line] = v;
    return v;
  }

  /** The value kept for the key, if any, touching nothing (no line slot, no use recorded). */
  peek(key: K): V | undefined {
    return this.entries.get(key)?.v;
  }

  /**
   * This analysis's lines are the last one's, key for key on the same line numbers, but for those it
   * then looks up (cleanLines.ts, an edit within one line): the last analysis's line slots become
   * this one's without a call per line. Does nothing unless the last analysis used this cache; the
   * entries count as used (no sweep at the end of this analysis).
   */
  repeatLast(): void {
    const turn = this.turn;
    if (turn === undefined || this.at !== turn.generation - 1 || this.keys.count !== turn.lineCount) return;
    // The slots written last time stay where they are and count as this analysis's: `advance` at the
    // next one finds `at` one behind and takes them as the last ones, as after a full pass.
    this.at = turn.generation;
    this.used = Math.max(this.used, this.entries.size);
  }

  /**
   * `repeatLast` for an edit that added or removed lines (cleanLines.ts, a shift): the last analysis's
   * line slots become this one's where the turn says each line was (the lines before the edit on their
   * numbers, those after it moved by as many as were added), the edited region's left empty for the
   * lookups that follow. A loop over the slots, no map lookup; does nothing unless the last analysis
   * used this cache; the entries count as used.
   */
  repeatShifted(): void {
    const turn = this.turn;
    if (turn === undefined || this.at !== turn.generation - 1) return;
    const lastKeys = this.keys;
    const lastValues = this.values;
    const keys = this.lastKeys.cleared(turn.lineCount);
    const values = this.lastValues.cleared(turn.lineCount);
    const n = turn.lineCount;
    const from = Math.min(turn.first, n);
    const tail = Math.min(turn.newTail, n);
    for (let i = 0; i < from; i++) {
      keys.items[i] = i < lastKeys.count ? lastKeys.items[i] : undefined;
      values.items[i] = i < lastValues.count ? lastValues.items[i] : undefined;
    }
    for (let i = from; i < tail; i++) keys.items[i] = values.items[i] = undefined;
    for (let i = tail, j = turn.oldTail; i < n; i++, j++) {
      keys.items[i] = j < lastKeys.count ? lastKeys.items[j] : undefined;
      values.items[i] = j < lastValues.count ? lastValues.items[j] : undefined;
    }
    this.lastKeys = lastKeys;
    this.lastValues = lastValues;
    this.keys = keys;
    this.values = values;
    this.at = turn.generation;
    this.used = Math.max(this.used, this.entries.size);
  }

  /** Keeps what `lookup` did not find. */
  store(key: K, line: number, v: V): V {
    this.entries.set(key, { v, used: this.generation });
    this.used++;
    this.computed++;
    if (this.turn !== undefined) {
      if (this.at !== this.turn.generation) this.advance(this.turn);
      this.keys.items[line] = key;
      this.values.items[line] = v;
    }
    return v;
  }

  /** The line slots of the last analysis become the ones to look back at. */
  private advance(turn: Turn): void {
    // The two pairs of arrays take turns (a keystroke allocates none).
    const keys = this.lastKeys;
    const values = this.lastValues;
    if (this.at === turn.generation - 1) {
      this.lastKeys = this.keys;
      this.lastValues = this.values;
    } else {
      this.lastKeys = this.keys.cleared(0);
      this.lastValues = this.values.cleared(0);
    }
    this.keys = keys.cleared(turn.lineCount);
    this.values = values.cleared(turn.lineCount);
    this.at = turn.generation;
  }

  private byKey(key: K, compute: () => V): V {
    // One map operation per line when the key is known (the common case: an unchanged line).
    const e = this.entries.get(key);
    if (e === undefined) {
      const v = compute();
      this.entries.set(key, { v, used: this.generation });
      this.used++;
      this.computed++;
      return v;
    }
    if (e.used !== this.generation) {
      e.used = this.generation;
      this.used++;
    }
    return e.v;
  }

  /**
   * An analysis ended: what it did not use goes before the next one is done with it (the cache
   * stays within twice the size of one document, and is swept only when it has grown that far;
   * values found by their line stay in the line slots).
   */
  rotate(): void {
    this.lastComputed = this.computed;
    this.computed = 0;
    if (this.entries.size > 2 * this.used + 64) {
      for (const [k, e] of this.entries) if (e.used !== this.generation) this.entries.delete(k);
    }
    this.generation++;
    this.used = 0;
  }
}

/**
 * Values kept by line number (what was placed on each line): `last(line)` is what the last
 * analysis set on that line number, if anything.
 */
export class LineSlots<V> {
  private lastValues = new Slots<V>();
  private values = new Slots<V>();
  private at = -1;

  constructor(private readonly turn: Turn) {}

  last(line: number): V | undefined {
    if (this.at !== this.turn.generation) this.advance();
    return line < this.lastValues.count ? this.lastValues.items[line] : undefined;
  }

  set(line: number, v: V): void {
    if (this.at !== this.turn.generation) this.advance();
    this.values.items[line] = v;
  }

  private advance(): void {
    const values = this.lastValues;
    this.lastValues = this.at === this.turn.generation - 1 ? this.values : this.values.cleared(0);
    this.values = values.cleared(this.turn.lineCount);
    this.at = this.turn.generation;
  }
}

/**
 * A kind of line-local result the analysis cache keeps, declared as a constant beside the code that
 * computes it (`const FIGURES = lineMemo<LineFigures>('figures')`): the key carries the value's type,
 * so no user casts what it gets back, and the name is what `recomputed()` reports.
 */
export interface LineMemo<V, K = string> {
  readonly name: string;
  readonly kind: 'line';
  /** Never set: the value and key types, for the compiler. */
  readonly types?: () => [K, V];
}

/** Values kept by line number (what was placed on each line), declared like a `LineMemo`. */
export interface SlotMemo<V> {
  readonly name: string;
  readonly kind: 'slot';
  readonly types?: () => V;
}

/** One value per document, made by `init` on first use and kept by the code that declares it. */
export interface DocumentMemo<V> {
  readonly name: string;
  readonly kind: 'document';
  readonly init: () => V;
}

/** Values by a key (a line's text and what else the value depends on), found first where the line was. */
export const lineMemo = <V, K = string>(name: string): LineMemo<V, K> => ({ name, kind: 'line' });
/** Values by line number, from the last analysis. */
export const slotMemo = <V>(name: string): SlotMemo<V> => ({ name, kind: 'slot' });
/** One value per document. */
export const documentMemo = <V>(name: string, init: () => V): DocumentMemo<V> => ({ name, kind: 'document', init });

/** The caches of one memo, one per variant (a rule's locale, a reference table), with the last analysis that used each. */
interface Variants<C> {
  readonly byVariant: Map<unknown, { readonly cache: C; used: number }>;
}

/**
 * One per document; pass the same object to every analysis of that document. It knows no analysis:
 * each piece of line-local work declares its memo (`lineMemo`, `slotMemo`, `documentMemo`) where it
 * is computed and asks for it here. A memo may have variants (one per locale, per state before a
 * line, per reference table): a variant no analysis asked for is dropped when the analysis ends.
 */
export class AnalysisCache {
  /** The line index of the last analysis: the next one is updated from it (indexUpdate.ts). */
  index: TextIndex | undefined;
  /** The analysis under way and how its lines moved (`begin`). */
  private readonly turn = new Turn();
  private readonly lineMemos = new Map<LineMemo<unknown, unknown>, Variants<LineCache<unknown, unknown>>>();
  private readonly slotMemos = new Map<SlotMemo<unknown>, Variants<LineSlots<unknown>>>();
  private readonly documentMemos = new Map<DocumentMemo<unknown>, unknown>();
  /**
   * The model's finding for each emitted finding (analyze.ts): an emitted finding handed out
   * again (rules/lineFindings.ts) becomes the same model finding, whose diagnostic the server
   * has converted already.
   */
  readonly findings = new WeakMap<object, Finding>();

  /**
   * An analysis starts on `lineCount` lines, moved from the last analysis's as `shift` says
   * (undefined: nothing is known of where they were).
   */
  begin(lineCount: number, shift: LineShift | undefined): void {
    const turn = this.turn;
    turn.generation++;
    turn.lineCount = lineCount;
    turn.first = shift ? shift.first : 0;
    turn.oldTail = shift ? shift.oldTail : 0;
    turn.newTail = shift ? shift.newTail : Infinity;
  }

  /** How the lines of the analysis under way moved from the last one's (`newTail` Infinity: not known). */
  get shift(): Readonly<LineShift> {
    return this.turn;
  }

  /** The number line `line` of the analysis under way had in the last one, or -1 for a line of the edited region. */
  oldLine(line: number): number {
    return this.turn.old(line);
  }

  /** The values of a line memo (of one variant of it). */
  line<V, K>(memo: LineMemo<V, K>, variant: unknown = ''): LineCache<V, K> {
    return this.variant(this.lineMemos, memo, variant, () => new LineCache<unknown, unknown>(this.turn)) as LineCache<V, K>;
  }

  /** The values of a slot memo (of one variant of it). */
  slots<V>(memo: SlotMemo<V>, variant: unknown = ''): LineSlots<V> {
    return this.variant(this.slotMemos, memo, variant, () => new LineSlots<unknown>(this.turn)) as LineSlots<V>;
  }

  /** The document's value of a document memo. */
  document<V>(memo: DocumentMemo<V>): V {
    if (!this.documentMemos.has(memo)) this.documentMemos.set(memo, memo.init());
    return this.documentMemos.get(memo) as V;
  }

  /** How many values each line memo computed in the last finished analysis (all variants): what a keystroke re-did. */
  recomputed(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [memo, v] of this.lineMemos) {
      let n = 0;
      for (const { cache } of v.byVariant.values()) n += cache.lastComputed;
      out[memo.name] = (out[memo.name] ?? 0) + n;
    }
    return out;
  }

  /** Called by `analyze` when it is done: each line memo forgets what this analysis did not use. */
  rotate(): void {
    const generation = this.turn.generation;
    for (const v of this.lineMemos.values()) {
      for (const [k, e] of v.byVariant) {
        if (e.used !== generation) v.byVariant.delete(k);
        else e.cache.rotate();
      }
    }
    for (const v of this.slotMemos.values()) for (const [k, e] of v.byVariant) if (e.used !== generation) v.byVariant.delete(k);
  }

  private variant<M, C>(memos: Map<M, Variants<C>>, memo: M, variant: unknown, make: () => C): C {
    let v = memos.get(memo);
    if (!v) memos.set(memo, (v = { byVariant: new Map() }));
    let e = v.byVariant.get(variant);
    if (!e) v.byVariant.set(variant, (e = { cache: make(), used: 0 }));
    e.used = this.turn.generation;
    return e.cache;
  }
}
