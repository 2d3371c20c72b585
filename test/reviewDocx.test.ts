// The reviewer's round trip (issue 26): the clerk's .docx back with every finding as a Word comment
// anchored on its words, and nothing else changed. Read back with our intake (comments and their
// anchors), with mammoth and fast-xml-parser (libraries we did not write), part for part.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { analyze, type Finding } from '../server/src/core';
import { readDocx } from '../server/src/intake/docx';
import { reviewDocx, DEFAULT_REVIEWER } from '../server/src/export/review';
import { docxReport } from './support/docxReport';
import { draftDocx, runsOf } from './support/reviewFixture';
import { convertWithLibreOffice, needsLibreOffice } from './support/libreoffice';
import { useServer } from './support/serverSuite';
import { runCli } from './support/cli';

const havePdftotext = spawnSync('pdftotext', ['-v']).status === 0;
/** LibreOffice's PDF export with the comments printed in the page margin. */
const MARGIN_PDF = 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}';

const DATE = '2025-02-01T09:00:00Z';

async function reviewed(bytes: Uint8Array, pick: (f: Finding) => boolean = () => true) {
  const { text } = readDocx(bytes);
  const model = analyze(text);
  const findings = model.findings.filter(pick);
  const result = reviewDocx(bytes, text, findings, { date: DATE });
  return { text, findings, result, back: readDocx(result.bytes) };
}

const rangeText = (text: string, f: Finding) => {
  const lines = text.split('\n');
  if (f.range.start.line !== f.range.end.line) return undefined;
  return lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
};

describe('review: findings as Word comments', () => {
  test('every finding is a comment by 审核, anchored on the words it is about, with its fix', async () => {
    const bytes = await draftDocx();
    const { text, findings, result, back } = await reviewed(bytes);
    const codes = findings.map((f) => f.code);
    for (const code of ['missing-part', 'figure-sum', 'outdated-reference', 'punctuation-width']) assert.ok(codes.includes(code), code);
    assert.equal(result.comments, findings.length);
    assert.equal(back.comments.length, findings.length);
    assert.equal(back.text, text, 'the report text read back is the same');
    for (const c of back.comments) {
      assert.equal(c.author, DEFAULT_REVIEWER);
      assert.equal(c.date, DATE);
    }
    const byMessage = new Map(back.comments.map((c) => [c.text.split('\n')[0], c]));
    for (const f of findings) {
      const c = [...byMessage.entries()].find(([m]) => m.includes(f.message))?.[1];
      assert.ok(c, `a comment for ${f.code}: ${f.message}`);
      const words = rangeText(text, f);
      // The anchor is the finding's own words (a numbering label Word writes itself is not in the file).
      if (words && f.code !== 'heading-style') assert.equal(c.anchor, words.trim(), `${f.code} anchored on its words`);
    }
    const missing = back.comments.find((c) => c.text.includes('缺少必备部分'))!;
    assert.equal(missing.anchor, '某镇2024年法治政府建设情况的报告', 'a missing part on the title');
    assert.match(missing.text, /建议：插入/);
    const sum = back.comments.find((c) => c.text.includes('figure-sum'))!;
    assert.match(sum.anchor, /672件/);
    const rename = back.comments.find((c) => c.text.includes('outdated-reference'))!;
    assert.equal(rename.anchor, '法制宣传');
    assert.match(rename.text, /^【提示】“法制宣传”是旧称，现称“法治宣传”（outdated-reference）\n建议：改为“法治宣传”$/);
  });

  test('nothing else changes: every other part byte for byte, the runs (start tag, w:rPr, text) run for run', async () => {
    const bytes = await draftDocx();
    const { result } = await reviewed(bytes);
    const before = unzipSync(bytes);
    const after = unzipSync(result.bytes);
    const changed = Object.keys(after).filter((k) => !before[k] || Buffer.compare(Buffer.from(before[k]), Buffer.from(after[k])) !== 0);
    assert.deepEqual(
      changed.sort(),
      ['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/comments.xml', 'word/document.xml'].sort(),
    );
    assert.deepEqual(
      Object.keys(before).filter((k) => !after[k]),
      [],
    );
    const doc = (files: Record<string, Uint8Array>) => strFromU8(files['word/document.xml']);
    assert.deepEqual(runsOf(doc(after)), runsOf(doc(before)));
    assert.ok(/<w:commentRangeStart w:id="\d+"\/>/.test(doc(after)));
    // What was added to the package lists is only the comments part.
    const types = strFromU8(after['[Content_Types].xml']);
    assert.equal(types.replace(/<Override PartName="\/word\/comments.xml"[^>]*\/>/, ''), strFromU8(before['[Content_Types].xml']));
    const [raw1, raw2] = await Promise.all([bytes, result.bytes].map((b) => mammoth.extractRawText({ buffer: Buffer.from(b) })));
    assert.equal(raw2.value, raw1.value, 'mammoth reads the same text');
  });

  test("the file's own comments are kept, ours numbered after them; tracked changes, tables and numbering untouched", async () => {
    const bytes = await docxReport();
    const original = readDocx(bytes);
    const { text } = original;
    // Findings of our own on words across a tracked insertion, in a table cell and on a numbered heading.
    const on = (words: string, code: string): Finding => {
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes(words));
      const character = lines[line].indexOf(words);
      return {
        code,
        severity: 'warning',
        message: `${code}：${words}`,
        range: { start: { line, character }, end: { line, character: character + words.length } },
      };
    };
    const mine = [on('行政执法案件86件', 'figure-sum'), on('行政复议案件', 'figure-rate'), on('健全依法决策机制', 'heading-style')];
    const result = reviewDocx(bytes, text, mine, { date: DATE });
    const back = readDocx(result.bytes);
    const anchored = back.comments.slice(1).map((c) => c.anchor);
    assert.deepEqual(anchored, ['健全依法决策机制', '行政执法案件86件', '行政复议案件']);
    assert.equal(back.text, original.text);
    assert.equal(result.kept, 1);
    assert.deepEqual(back.comments[0], original.comments[0], 'the clerk-side comment is as it was');
    assert.equal(back.comments.length, 1 + result.comments);
    assert.ok(result.comments > 0, 'the report has findings');
    const ids = back.comments.map((c) => Number(c.id));
    assert.equal(new Set(ids).size, ids.length, 'ids unique');
    const before = unzipSync(bytes);
    const after = unzipSync(result.bytes);
    assert.deepEqual(runsOf(strFromU8(after['word/document.xml'])), runsOf(strFromU8(before['word/document.xml'])));
    assert.equal(strFromU8(after['[Content_Types].xml']), strFromU8(before['[Content_Types].xml']));
    assert.ok(text.includes('行政复议案件'));
  });

  test('no findings: the file comes back as it was', async () => {
    const bytes = await draftDocx();
    const { result } = await reviewed(bytes, () => false);
    assert.equal(result.comments, 0);
    assert.equal(Buffer.compare(Buffer.from(result.bytes), bytes), 0);
  });

  test('a reviewer name of its own', async () => {
    const bytes = await draftDocx();
    const { text } = readDocx(bytes);
    const r = reviewDocx(bytes, text, analyze(text).findings.slice(0, 1), { author: '县依法治县办 张三', date: DATE });
    assert.equal(readDocx(r.bytes).comments[0].author, '县依法治县办 张三');
  });
});

/** The PDF's text annotations (LibreOffice exports each comment as one), read with pdf.js. */
async function pdfNotes(pdf: string): Promise<{ page: number; top: number; bottom: number; author: string; text: string }[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0 }).promise;
  const out = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.view[3];
    for (const a of await page.getAnnotations())
      if (a.subtype === 'Text' && a.rect)
        out.push({
          page: p,
          top: height - a.rect[3],
          bottom: height - a.rect[1],
          author: a.titleObj?.str ?? '',
          text: a.contentsObj?.str ?? '',
        });
  }
  await doc.destroy();
  return out;
}

/** pdftotext's words with their boxes (top-down coordinates), page by page. */
function pdfWords(pdf: string): { page: number; top: number; bottom: number; text: string }[] {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  const out: { page: number; top: number; bottom: number; text: string }[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page\b|<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === '<page') page++;
    else out.push({ page, top: Number(m[1]), bottom: Number(m[2]), text: m[3] });
  }
  return out;
}

describe('review: LibreOffice reads the comments, each beside its words', () => {
  test('rendered to PDF: every comment is there, by 审核, on the line of the words it is anchored on', needsLibreOffice(), async (t) => {
    if (!havePdftotext) return t.skip('pdftotext not installed (apt-get install poppler-utils)');
    const dir = mkdtempSync(join(tmpdir(), 'govreport-review-'));
    const bytes = await draftDocx();
    const { result, back } = await reviewed(bytes);
    const file = join(dir, 'draft.reviewed.docx');
    writeFileSync(file, result.bytes);
    const pdf = convertWithLibreOffice(file, MARGIN_PDF);
    const shown = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    for (const line of readDocx(bytes).text.split('\n'))
      assert.ok(shown.includes(line.replace(/\s+/g, '')), `the text is all there: ${line}`);
    const notes = await pdfNotes(pdf);
    const words = pdfWords(pdf);
    for (const c of back.comments) {
      const first = c.text.split('\n')[0];
      // LibreOffice 7.6+ prints the comments in the margin (ExportNotesInMargin); 7.4 exports them as PDF notes.
      if (shown.includes(first.replace(/\s+/g, ''))) continue;
      const note = notes.find((n) => n.text.startsWith(first));
      assert.ok(note, `a PDF note for: ${first}`);
      assert.ok(note.author.startsWith(DEFAULT_REVIEWER), note.author);
      // Beside its words: a word on the note's line holds the anchor's first characters.
      const head = c.anchor.replace(/\s+/g, '').slice(0, 2);
      const line = words.filter((w) => w.page === note.page && w.top < note.bottom && w.bottom > note.top);
      assert.ok(
        line.some((w) => w.text.includes(head) || head.includes(w.text)),
        `"${first}" beside "${c.anchor}" (line: ${line.map((w) => w.text).join(' ')})`,
      );
    }
  });
});

describe('govreport review (the built CLI)', () => {
  const cli = (cwd: string, ...args: string[]) => runCli(args, { cwd });

  test('draft.docx → draft.reviewed.docx beside it; --quiet comments errors only; the reviewer from .govreport.json or --author', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-review-cli-'));
    writeFileSync(join(dir, 'draft.docx'), await draftDocx());
    writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ reviewer: '县依法治县办' }));
    let r = cli(dir, 'review', 'draft.docx');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /已写入 draft\.reviewed\.docx：批注 \d+ 条/);
    const all = readDocx(readFileSync(join(dir, 'draft.reviewed.docx'))).comments;
    assert.ok(all.length >= 4);
    assert.ok(all.every((c) => c.author === '县依法治县办'));
    // An existing output is not replaced without --force; the draft itself never.
    r = cli(dir, 'review', 'draft.docx');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--force/);
    assert.equal(cli(dir, 'review', 'draft.docx', '-o', 'draft.docx').status, 2);
    r = cli(dir, 'review', 'draft.docx', '--quiet', '--force', '--author', '张三');
    assert.equal(r.status, 0, r.stderr);
    const errors = readDocx(readFileSync(join(dir, 'draft.reviewed.docx'))).comments;
    assert.deepEqual(
      errors.map((c) => [c.author, c.text.split('（')[0]]),
      [['张三', '【错误】缺少必备部分：党政主要负责人履行推进法治建设第一责任人职责情况']],
    );
    assert.equal(cli(dir, 'review', 'notes.txt').status, 2);
  });
});

describe('govreport.reviewDocx through the server', () => {
  const s = useServer({ configuration: () => ({ reviewer: '区司法局' }) });
  test('advertised; the .docx in (base64), the reviewed .docx out, the comments by the configured reviewer', async () => {
    assert.ok(s.server.capabilities.executeCommandProvider?.commands.includes('govreport.reviewDocx'));
    const bytes = await draftDocx();
    const r = await s.server.request<{ base64: string; fileName: string; comments: number; kept: number }>('workspace/executeCommand', {
      command: 'govreport.reviewDocx',
      arguments: [{ uri: 'file:///reports/draft.docx', data: bytes.toString('base64') }],
    });
    assert.equal(r.fileName, 'draft.reviewed.docx');
    const back = readDocx(Buffer.from(r.base64, 'base64'));
    assert.equal(back.comments.length, r.comments);
    assert.ok(r.comments >= 4);
    assert.ok(back.comments.every((c) => c.author === '区司法局'));
    const named = await s.server.request<{ base64: string }>('workspace/executeCommand', {
      command: 'govreport.reviewDocx',
      arguments: [{ uri: 'file:///reports/draft.docx', data: bytes.toString('base64'), author: '张三' }],
    });
    assert.equal(readDocx(Buffer.from(named.base64, 'base64')).comments[0].author, '张三');
    await assert.rejects(
      s.server.request('workspace/executeCommand', {
        command: 'govreport.reviewDocx',
        arguments: [{ uri: 'file:///x.docx', data: 'bm90IGEgemlw' }],
      }),
    );
  });
});
