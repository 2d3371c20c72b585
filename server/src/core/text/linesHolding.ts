/**
 * The lines of an analysis's text that hold a character of a one-character class, found by one native
 * scan of the whole text that jumps to the next line at each line found. A line-local rule whose first
 * look at a line is such a class (placeholder's needed characters, punctuation-width's half-width
 * marks) computes only those lines when it computes every line (a fresh analysis: lineChanges.ts
 * `candidates`): a regex call per line cost as much again as the scan itself in calls, and the walk
 * over the lines that hold none (9,611 content lines in the varied 1 MB; 124 hold a placeholder's
 * character, 558 a half-width mark).
 */
import type { TextIndex } from './lineIndex';

export class CharacterLook {
  private readonly re: RegExp;

  /** `cls`: a character class without flags (`/[,;:?!(]/`) that matches no line break. */
  constructor(cls: RegExp) {
    // One character, never a line break: a match lies within one line's text, as the line's own test would find it.
    if (cls.flags !== '' || !/^\[(?:\\.|[^\]\\])+\]$/.test(cls.source) || cls.test('\n') || cls.test('\r'))
      throw new Error(`not a class of one character without line breaks: ${String(cls)}`);
    this.re = new RegExp(cls.source, 'g');
  }

  /** The lines, ascending, whose text holds a character of the class. */
  lines(index: TextIndex): number[] {
    const out: number[] = [];
    const re = this.re;
    const text = index.text;
    const count = index.lineCount;
    re.lastIndex = 0;
    let line = 0;
    while (re.test(text)) {
      const at = re.lastIndex - 1;
      while (index.lineEnd(line) <= at) line++;
      out.push(line);
      if (++line >= count) break;
      re.lastIndex = index.lineStart(line);
    }
    return out;
  }
}
