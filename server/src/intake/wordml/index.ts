/**
 * Word 2003 XML (WordML: one XML file, `<w:wordDocument>`), what Word 2003 saves as "XML Document" and
 * what many systems generate and serve under a .doc name. Read with htmlparser2's streaming parser in
 * XML mode (as OFD is): one paragraph a line; the list label Word wrote beside each numbered paragraph
 * (`wx:t wx:val="一、"`) kept; tables as `| a | b |` rows; headers, footers and text boxes into the frame;
 * deletions (`aml:annotation w:type="Word.Deletion"`), comments, footnotes and field instructions out;
 * hidden text (`w:vanish`) out and counted for a note, as for a .docx.
 */
import { Parser } from 'htmlparser2';
import iconv from 'iconv-lite';
import { MAX_SOURCE_CHARS, TooMuchText, tidyLines } from '../lines';

export interface WordmlText {
  readonly text: string;
  readonly frame: readonly string[];
  readonly hiddenChars: number;
  readonly hiddenSample: string;
}

/** Containers whose content is not report text. */
const SKIPPED = new Set([
  'w:instrText',
  'w:delText',
  'w:footnote',
  'w:endnote',
  'w:docPr',
  'o:DocumentProperties',
  'w:fonts',
  'w:styles',
  'w:lists',
  'w:binData',
]);
const FRAME = new Set(['w:hdr', 'w:ftr', 'w:txbxContent']);

export function wordmlToText(bytes: Uint8Array): WordmlText {
  const body: string[] = [];
  const frame: string[] = [];
  let skip = 0;
  let inFrame = 0;
  let cellDepth = 0;
  let paragraph = '';
  let label = '';
  let run = '';
  let runHidden = false;
  let inText = false;
  let cells: string[] = [];
  let cell = '';
  let size = 0;
  let hiddenChars = 0;
  let hiddenSample = '';
  const skippedAnnotations: boolean[] = [];

  const endRun = () => {
    if (runHidden) {
      const visible = run.replace(/\s+/g, '');
      hiddenChars += [...visible].length;
      if (hiddenSample.length < 20) hiddenSample += visible.slice(0, 20 - hiddenSample.length);
    } else paragraph += run;
    run = '';
    runHidden = false;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'aml:annotation') {
          // Deletions and comments are annotations; insertions (Word.Insertion) are read as accepted.
          const type = attrs['w:type'] ?? '';
          const skipped = type === 'Word.Deletion' || type === 'Word.Comment';
          skippedAnnotations.push(skipped);
          if (skipped) skip++;
          return;
        }
        if (SKIPPED.has(name)) return void skip++;
        if (skip) return;
        if (FRAME.has(name)) inFrame++;
        else if (name === 'w:tc') ((cellDepth += 1), cellDepth === 1 && (cell = ''));
        else if (name === 'w:tr' && cellDepth === 0) cells = [];
        else if (name === 'w:p') ((paragraph = ''), (label = ''));
        else if (name === 'w:r') ((run = ''), (runHidden = false));
        else if (name === 'w:vanish') runHidden = !/^(?:off|false|0)$/.test(attrs['w:val'] ?? 'on');
        else if (name === 'wx:t' && attrs['wx:val']) label = attrs['wx:val'].replace(/[\s\u3000]+/g, '');
        else if (name === 'w:t') inText = true;
        else if (name === 'w:tab') run += '\t';
        else if (name === 'w:br') run += attrs['w:type'] === 'page' || attrs['w:type'] === 'column' ? '' : '\n';
      },
      ontext(text) {
        if (skip || !inText) return;
        run += text;
        size += text.length;
        if (size > MAX_SOURCE_CHARS) throw new TooMuchText(size);
      },
      onclosetag(name) {
        if (name === 'aml:annotation') {
          if (skippedAnnotations.pop()) skip--;
          return;
        }
        if (SKIPPED.has(name)) return void skip--;
        if (skip) return;
        if (name === 'w:t') inText = false;
        else if (name === 'w:r') endRun();
        else if (name === 'w:p') {
          if (run) endRun();
          const line = label + paragraph;
          if (inFrame) {
            if (line.trim()) frame.push(line.trim());
          } else if (cellDepth > 0) cell += line;
          else body.push(line);
          paragraph = '';
          label = '';
        } else if (FRAME.has(name)) inFrame--;
        else if (name === 'w:tc') {
          cellDepth -= 1;
          if (cellDepth === 0) cells.push(cell.replace(/\s+/g, ' ').trim());
        } else if (name === 'w:tr' && cellDepth === 0 && !inFrame) {
          if (cells.some((c) => c !== '')) body.push(`| ${cells.join(' | ')} |`);
          cells = [];
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  // Word writes UTF-8; generators sometimes declare GB2312 or GBK, and write it.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = /^[^>]*encoding=["']([\w-]+)["']/.exec(buffer.subarray(0, 200).toString('latin1'))?.[1] ?? 'utf-8';
  const encoding = /^utf-?8$/i.test(declared) || !iconv.encodingExists(declared) ? 'utf8' : declared;
  parser.end(iconv.decode(buffer, encoding).replace(/^\ufeff/, ''));
  return { text: tidyLines(body.join('\n')), frame, hiddenChars, hiddenSample };
}
