/**
 * Typing as people type (issue 27): runs of keystrokes that accumulate, never a character typed and
 * deleted again (that would hand every other keystroke a line the cache has already seen). Four
 * kinds of run, in turn, at spots spread over the document: a word typed into a prose line, a
 * heading renamed (its last characters deleted, new ones typed), a new paragraph typed on a new
 * line, a line deleted. Each keystroke is one LSP content change; `Typist` keeps the text in step.
 * The server's practice before the writer types (lsp/warmUp.ts) types with it; so do the typing
 * benches and the cache oracle tests.
 */

export interface Position {
  line: number;
  character: number;
}
export interface Keystroke {
  readonly range: { start: Position; end: Position };
  readonly text: string;
  /** What the keystroke is part of (for a breakdown). */
  readonly kind: 'word' | 'heading' | 'paragraph' | 'delete-line';
}

/** What runs type, one of each list per run in turn: a line typed twice would be a free hit for a per-line cache. */
const WORDS = [
  '依法行政持续推进',
  '严格规范公正文明',
  '健全行政决策机制',
  '深化执法体制改革',
  '强化权力制约监督',
  '提升基层治理效能',
  '优化法治营商环境',
];
const HEADINGS = ['规范执法', '队伍建设', '普法宣传', '依法决策', '政务公开', '矛盾化解'];
const PARAGRAPHS = ['全年办理复议案件', '组织开展专题培训', '审查规范性文件', '聘请法律顾问团队', '推行说理式执法', '建立公平竞争审查'];
const HEADING_START = /^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[）)]|\d{1,2}[.．、])/;
/** Where runs happen, as fractions of the document's lines: spread over it, the middle first. */
const SPOTS = [0.5, 0.3, 0.7, 0.15, 0.85, 0.4, 0.6, 0.05, 0.95, 0.25, 0.75, 0.45, 0.55];

/** The text as lines, edited keystroke by keystroke; `text()` joins it (for in-process runs). */
export class Typist {
  readonly lines: string[];
  private run = 0;
  private queue: Keystroke[] = [];

  /** `run`: where in the turn of runs and spots to start (tests start at several). */
  constructor(text: string, run = 0) {
    this.lines = text.split('\n');
    this.run = run;
  }

  text(): string {
    return this.lines.join('\n');
  }

  /** The next keystroke, already applied to `lines`. */
  next(): Keystroke {
    if (!this.queue.length) this.queue = this.plan();
    const k = this.queue.shift()!;
    this.apply(k);
    return k;
  }

  private apply(k: Keystroke): void {
    const { start, end } = k.range;
    const before = this.lines[start.line].slice(0, start.character);
    const after = (this.lines[end.line] ?? '').slice(end.character);
    const middle = (before + k.text + after).split('\n');
    this.lines.splice(start.line, end.line - start.line + 1, ...middle);
  }

  /** The nearest line at or after the spot (wrapping) that `ok` accepts; else the spot itself. */
  private find(fraction: number, ok: (line: string) => boolean): number {
    const n = this.lines.length;
    const from = Math.min(n - 1, Math.floor(fraction * n));
    for (let i = 0; i < n; i++) {
      const l = (from + i) % n;
      if (ok(this.lines[l])) return l;
    }
    return from;
  }

  /** One run's keystrokes, positions computed as the run goes (each keystroke sees the last one's text). */
  private plan(): Keystroke[] {
    const kind = this.run % 4;
    const spot = SPOTS[Math.floor(this.run / 4 + this.run) % SPOTS.length];
    // The words change with every run, and so does the number after them once the lists come round.
    const turn = Math.floor(this.run / 4);
    const pick = (list: readonly string[]) => list[turn % list.length] + (turn >= list.length ? String(turn) : '');
    const word = pick(WORDS);
    const heading = pick(HEADINGS);
    const paragraph = pick(PARAGRAPHS);
    this.run++;
    const out: Keystroke[] = [];
    const at = (line: number, character: number): { start: Position; end: Position } => ({
      start: { line, character },
      end: { line, character },
    });
    const prose = (l: string) => l.length >= 20 && !HEADING_START.test(l);
    if (kind === 0) {
      // A word typed into the middle of a prose line (a heading where there is no prose).
      let line = this.find(spot, prose);
      if (!prose(this.lines[line])) line = this.find(spot, (l) => l.length >= 6);
      const col = this.lines[line].length >> 1;
      [...word].forEach((ch, i) => out.push({ range: at(line, col + i), text: ch, kind: 'word' }));
    } else if (kind === 1) {
      // A heading renamed: its last three characters deleted one by one, a new word typed.
      const line = this.find(spot, (l) => HEADING_START.test(l) && l.length >= 8);
      const len = this.lines[line].length;
      for (let i = 0; i < 3; i++)
        out.push({
          range: { start: { line, character: len - i - 1 }, end: { line, character: len - i } },
          text: '',
          kind: 'heading',
        });
      [...heading].forEach((ch, i) => out.push({ range: at(line, len - 3 + i), text: ch, kind: 'heading' }));
    } else if (kind === 2) {
      // Enter at the end of a line, then a new paragraph typed on the new empty line.
      const line = this.find(spot, prose);
      out.push({ range: at(line, this.lines[line].length), text: '\n', kind: 'paragraph' });
      [...paragraph].forEach((ch, i) => out.push({ range: at(line + 1, i), text: ch, kind: 'paragraph' }));
    } else {
      // A whole line deleted (one keystroke, as an editor's delete-line does).
      const line = Math.min(
        this.lines.length - 2,
        this.find(spot, (l) => l.length > 0),
      );
      out.push({ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '', kind: 'delete-line' });
    }
    return out;
  }
}
