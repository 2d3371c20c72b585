/**
 * The text of a .docx's document.xml as Word shows it, with where each character stands in the XML:
 * the map that lets a finding on the report text be anchored on the clerk's own runs. Read with
 * htmlparser2's streaming parser in XML mode (it gives each tag's exact offsets; a DOM would lose
 * them), entities left as written so that every character keeps its raw offset and length.
 * What Word does not show is left out, as the intake's reader leaves it out: deleted and moved-away
 * revisions, hidden runs (w:vanish), text boxes (txbxContent: the frame), mc:Fallback copies.
 */
import { Parser } from 'htmlparser2';

const W_MAIN = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/** One w:r: its start tag and properties as written (a split keeps both), and where its content starts and ends. */
export interface RunSpan {
  /** Offset of `<w:r`, and just after `</w:r>`. */
  readonly start: number;
  end: number;
  /** The start tag as written (`<w:r w:rsidR="…">`). */
  readonly openTag: string;
  /** `<w:rPr>…</w:rPr>` as written, or ''. */
  rPr: string;
  /** Offset of the first child that is not w:rPr, and just after the last child. */
  contentStart: number;
  contentEnd: number;
}

/** One w:t: its run, its tags' offsets and its start tag as written. */
export interface TextSpan {
  readonly run: number;
  readonly tagStart: number;
  readonly textStart: number;
  textEnd: number;
  tagEnd: number;
  readonly openTag: string;
}

export interface WordText {
  /** The visible text: w:t content decoded, w:tab as a tab, a line break per paragraph and w:br. */
  readonly text: string;
  /** Per character of `text`: its w:t (index into `spans`, -1 for a tab or a break), its raw XML [start, end). */
  readonly span: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly runs: readonly RunSpan[];
  readonly spans: readonly TextSpan[];
  /** The prefix bound to WordprocessingML on the root (`w`, or '' for a default namespace). */
  readonly prefix: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const SKIP_TEXT = new Set(['del', 'moveFrom', 'txbxContent']);

/** Decodes raw XML text, calling `put(char, rawStart, rawEnd)` per character (a surrogate pair per half). */
function decode(raw: string, base: number, put: (c: string, from: number, to: number) => void): void {
  for (let i = 0; i < raw.length;) {
    if (raw[i] === '&') {
      const semi = raw.indexOf(';', i);
      if (semi > i && semi - i <= 12) {
        const name = raw.slice(i + 1, semi);
        const code = name[0] === '#' ? (name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : NaN;
        const c = ENTITIES[name] ?? (Number.isFinite(code) ? String.fromCodePoint(code) : undefined);
        if (c !== undefined) {
          for (const unit of c.split('')) put(unit, base + i, base + semi + 1);
          i = semi + 1;
          continue;
        }
      }
    }
    put(raw[i], base + i, base + i + 1);
    i++;
  }
}

export function readWordText(xml: string): WordText {
  let prefix: string | undefined;
  const chars: string[] = [];
  const span: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const runs: RunSpan[] = [];
  const spans: TextSpan[] = [];
  const stack: string[] = []; // local names of WordprocessingML elements ('' for others)
  let skipDepth = 0; // inside something Word does not show as body text
  let run: RunSpan | undefined;
  /** The stack depth of the open run's children (a run inside a text box inside a run is not one of them). */
  let runLevel = -1;
  let runHidden = false;
  let text: TextSpan | undefined;
  let rPrStart = -1;
  const local = (name: string): string => {
    const colon = name.indexOf(':');
    const p = colon < 0 ? '' : name.slice(0, colon);
    if (p !== prefix) return name.endsWith(':Fallback') || name === 'Fallback' ? '#fallback' : '';
    return colon < 0 ? name : name.slice(colon + 1);
  };
  const push = (c: string, s: number, a: number, b: number) => {
    chars.push(c);
    span.push(s);
    from.push(a);
    to.push(b);
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        if (prefix === undefined) {
          const found = Object.entries(attribs).find(([k, v]) => (k === 'xmlns' || k.startsWith('xmlns:')) && W_MAIN.has(v));
          prefix = found ? found[0].slice(6) : 'w';
        }
        const n = local(name);
        const parent = stack[stack.length - 1];
        stack.push(n);
        if (SKIP_TEXT.has(n) || n === '#fallback') skipDepth++;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (n === 'r' && !run) {
          run = { start, end: -1, openTag: xml.slice(start, end), rPr: '', contentStart: -1, contentEnd: -1 };
          runLevel = stack.length + 1;
          runHidden = false;
          return;
        }
        const child = run !== undefined && stack.length === runLevel;
        if (child && run) {
          if (n === 'rPr') rPrStart = start;
          else if (run.contentStart < 0) run.contentStart = start;
        }
        if (
          run &&
          stack.length === runLevel + 1 &&
          parent === 'rPr' &&
          n === 'vanish' &&
          !['false', '0', 'off'].includes(attribs[`${prefix ? prefix + ':' : ''}val`] ?? '')
        )
          runHidden = true;
        if (!child || skipDepth || runHidden) return;
        if (n === 't')
          text = { run: runs.length, tagStart: start, textStart: end, textEnd: end, tagEnd: end, openTag: xml.slice(start, end) };
        else if (n === 'tab') push('\t', -1, start, end);
        else if (n === 'br' || n === 'cr') push('\n', -1, start, end);
      },
      ontext(data) {
        if (!text) return;
        const base = parser.startIndex;
        const index = spans.length;
        decode(data, base, (c, a, b) => push(c, index, a, b));
      },
      onclosetag() {
        const child = run !== undefined && stack.length === runLevel;
        const n = stack.pop() ?? '';
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (SKIP_TEXT.has(n) || n === '#fallback') skipDepth--;
        if (child && run && n === 'rPr') run.rPr = xml.slice(rPrStart, end);
        else if (child && run) run.contentEnd = end;
        if (n === 't' && text) {
          text.textEnd = start;
          text.tagEnd = end;
          spans.push(text);
          text = undefined;
        } else if (n === 'r' && run && stack.length === runLevel - 2) {
          run.end = end;
          if (run.contentStart < 0) run.contentStart = run.contentEnd = start;
          runs.push(run);
          run = undefined;
        } else if (n === 'p' && !skipDepth) push('\n', -1, start, end);
      },
    },
    { xmlMode: true, decodeEntities: false },
  );
  parser.end(xml);
  return {
    text: chars.join(''),
    span: Int32Array.from(span),
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    runs,
    spans,
    prefix: prefix ?? 'w',
  };
}
