/**
 * Whether a line holds a given unit, asked of a document's lines in order: the next occurrence is
 * found by one native search of the document's text and kept until the lines pass it, so the text
 * is searched once for all lines, not once per line (cleanLines.ts: a regex or `indexOf` per line
 * was a per-line cost of a fresh analysis). The answer depends on the line's units only. The first
 * search starts at the first line asked about: a keystroke's scan asks about the few lines its memo
 * does not know, often far into the document.
 */
export class UnitAhead {
  /** The next occurrence at or after the last `from` (-1: none), or NOT_SEARCHED before the first call. */
  private next = NOT_SEARCHED;

  constructor(
    private readonly text: string,
    private readonly unit: string,
  ) {}

  /** Whether the unit occurs at an offset from `from` to before `to`; `from` never decreases from one call to the next. */
  within(from: number, to: number): boolean {
    if (this.next === NOT_SEARCHED || (this.next >= 0 && this.next < from)) this.next = this.text.indexOf(this.unit, from);
    return this.next >= 0 && this.next < to;
  }
}

const NOT_SEARCHED = -2;
