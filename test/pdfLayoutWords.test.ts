// Issue 21's property for PDF intake: words in = words out. A report's paragraphs typeset as a PDF
// of GB/T 9704 pages would hold them (28 characters a line, 22 lines a page, first lines indented or
// block paragraphs, a running header, — N — page numbers, a title centred over one or two lines) and
// laid out again by intake (server/src/intake/pdf/layout.ts) give back every character of the body,
// in order, and a frame of nothing but the page furniture. Joins may differ (a block paragraph that
// fills its last line exactly cannot be told from a wrap); characters may not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { layoutPdf, type PdfLine, type PdfPage } from '../server/src/intake/pdf/layout';

const SIZE = 16;
const LEFT = 80;
const PER_LINE = 28;
const RIGHT = LEFT + PER_LINE * SIZE;
const PITCH = 28.9;
const TOP = 760;
const LINES_PER_PAGE = 22;

const han = fc.constantFrom(
  ...'法治政府建设年度报告依法行政执法监督复议诉讼普法宣传教育基层治理推进落实健全机制完善制度加强队伍'.split(''),
);
const punct = fc.constantFrom('，', '。', '；', '、', '：', '（', '）', '《', '》', '“', '”');
const digits = fc.integer({ min: 1, max: 99999 }).map(String);
const piece = fc.oneof({ weight: 8, arbitrary: han }, { weight: 2, arbitrary: punct }, { weight: 1, arbitrary: digits });
/** A paragraph of the writer's: starts with a character, at least two of them, a few lines at most. */
const paragraph = fc
  .tuple(han, fc.array(piece, { minLength: 1, maxLength: 120 }), fc.constantFrom('。', '：', '；', ''))
  .map(([first, rest, end]) => first + rest.join('') + end);
const heading = fc
  .tuple(fc.constantFrom('一、', '二、', '（一）', '（二）', '1.', '2.'), fc.array(han, { minLength: 2, maxLength: 20 }))
  .map(([o, t]) => o + t.join(''));

interface Typeset {
  readonly pages: PdfPage[];
  /** What the frame may hold: the page numbers and the running header. */
  readonly furniture: Set<string>;
}

/** Characters of a paragraph cut into lines of the type area: the first indented two characters when `indent`. */
function lines(text: string, indent: boolean): { text: string; x0: number }[] {
  const chars = [...text];
  const out: { text: string; x0: number }[] = [];
  let i = 0;
  let first = true;
  while (i < chars.length) {
    const room = first && indent ? PER_LINE - 2 : PER_LINE;
    out.push({ text: chars.slice(i, i + room).join(''), x0: LEFT + (first && indent ? 2 * SIZE : 0) });
    i += room;
    first = false;
  }
  return out;
}

function typeset(title: string, body: readonly string[], indent: boolean, header: string | null): Typeset {
  const rows: PdfLine[] = [];
  // The title, centred (over two lines when long).
  const t = [...title];
  const titleLines = t.length > 20 ? [t.slice(0, Math.ceil(t.length / 2)), t.slice(Math.ceil(t.length / 2))] : [t];
  for (const l of titleLines) {
    const w = l.length * 22;
    rows.push({ text: l.join(''), x0: (LEFT + RIGHT - w) / 2, x1: (LEFT + RIGHT + w) / 2, y: 0, size: 22 });
  }
  for (const p of body)
    for (const l of lines(p, indent)) rows.push({ text: l.text, x0: l.x0, x1: l.x0 + [...l.text].length * SIZE, y: 0, size: SIZE });
  const pages: PdfPage[] = [];
  const furniture = new Set<string>(header ? [header] : []);
  for (let k = 0; k * LINES_PER_PAGE < rows.length; k++) {
    const on = rows.slice(k * LINES_PER_PAGE, (k + 1) * LINES_PER_PAGE).map((r, i) => ({ ...r, y: TOP - i * PITCH }));
    const number = `— ${k + 1} —`;
    furniture.add(number);
    const edge: PdfLine[] = [{ text: number, x0: 280, x1: 320, y: 60, size: 14 }];
    if (header) edge.unshift({ text: header, x0: 200, x1: 400, y: 800, size: 10.5 });
    pages.push({ width: 595, height: 842, lines: [...edge, ...on] });
  }
  return { pages, furniture };
}

const words = (s: string) => s.replace(/\s+/g, '');

test('property: a report typeset on PDF pages and laid out again keeps every character of its body, in order; the frame holds only page numbers and the running header', () => {
  fc.assert(
    fc.property(
      fc.array(han, { minLength: 8, maxLength: 34 }).map((t) => `关于${t.join('')}的报告`),
      fc.array(fc.oneof({ weight: 3, arbitrary: paragraph }, { weight: 1, arbitrary: heading }), { minLength: 1, maxLength: 40 }),
      fc.boolean(),
      fc.option(fc.constantFrom('某县司法局2024年法治政府建设年度报告', 'Page 1 - 关于法治政府建设情况的报告'), { nil: null }),
      (title, body, indent, header) => {
        // A running header is one only on most of several pages: on one or two it is a line like any other.
        const long = typeset(title, body, indent, null).pages.length >= 3;
        const { pages, furniture } = typeset(title, body, indent, long ? header : null);
        const read = layoutPdf(pages);
        assert.equal(words(read.text), words(title + body.join('')));
        for (const f of read.frame) assert.ok(furniture.has(f) || /^— \d+ —$/.test(f), `frame: ${f}`);
      },
    ),
    { numRuns: 150 },
  );
});

test('the typesetting above makes the frame the property checks: a running header on every page of a long report, and its numbers', () => {
  // Paragraphs alike but for their numbers: where one starts a page, it is the writer's, not a header.
  const tails = ['法治政府建设取得新成效。', '群众满意度持续提升。', '基层治理更加有力。', '营商环境不断优化。', '执法质量明显提高。'];
  const body = Array.from(
    { length: 30 },
    (_, i) => `第${i + 1}段，依法行政工作稳步推进，执法监督全面加强，普法宣传深入基层，${tails[i % 5]}${'新'.repeat(i % 7)}`,
  );
  const header = '某县司法局2024年法治政府建设年度报告';
  const { pages } = typeset('关于某县2024年法治政府建设情况的报告', body, true, header);
  assert.ok(pages.length >= 3);
  const read = layoutPdf(pages);
  assert.deepEqual(new Set(read.frame), new Set([header, ...pages.map((_, k) => `— ${k + 1} —`)]));
  assert.equal(read.text.split('\n').length, body.length + 1, 'one paragraph a line, the title one line');
});
