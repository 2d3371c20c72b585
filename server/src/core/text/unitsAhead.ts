/**
 * Whether a line holds a given unit, asked of a document's lines in order: the next occurrence is
 * found by one native search of the document's text and kept until the lines pass it, so the text
 * is searched once for all lines, not once per line (cleanLines.ts: a regex or `indexOf` per line
 * was a per-line cost of a fresh analysis). The answer depends on the line's units only.
 */
export class UnitAhead {
  private next: number;

  constructor(
    private readonly text: string,
    private readonly unit: string,
  ) {
    this.next = text.indexOf(unit);
  }

  /** Whether the unit occurs at an offset from `from` to before `to`; `from` never decreases from one call to the next. */
  within(from: number, to: number): boolean {
    if (this.next >= 0 && this.next < from) this.next = this.text.indexOf(this.unit, from);
    return this.next >= 0 && this.next < to;
  }
}
