// The editor's way in for Word, PDF and web files, through the real server over stdio: the client
// sends a file's bytes, gets its report text back (shown read-only as a govreport-source: document,
// with every feature), and pasted HTML comes back as report text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from './support/lspClient';
import { DOCX_REPORT_TEXT, docxReport } from './support/docxReport';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

test('server: govreport/sourceText reads a .docx; the text opened as a govreport-source: document has its outline and no missing part', async () => {
  const server = await startServer();
  try {
    const fileUri = 'file:///reports/%E6%8A%A5%E5%91%8A.docx';
    const r = await server.request<{ text: string; format: string }>('govreport/sourceText', {
      uri: fileUri,
      data: base64(await docxReport()),
    });
    assert.deepEqual(r, { text: DOCX_REPORT_TEXT, format: 'docx' });
    // A malformed %-escape in the name (cut short, or not hex) is not an internal error: the file is read.
    for (const bad of ['file:///reports/%E6%8A.docx', 'file:///reports/%zz.docx'])
      assert.deepEqual(await server.request('govreport/sourceText', { uri: bad, data: base64(await docxReport()) }), r, bad);
    const uri = `govreport-source:/reports/%E6%8A%A5%E5%91%8A.docx.govreport?${encodeURIComponent(fileUri)}`;
    const diagnostics = await server.open(uri, r.text);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'missing-part'),
      [],
    );
    const symbols = await server.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      [
        '一、2024年推进法治政府建设的主要举措和成效',
        '二、党政主要负责人履行推进法治建设第一责任人职责情况',
        '三、存在的不足和原因',
        '四、2025年推进法治政府建设的主要安排',
      ],
    );
  } finally {
    await server.stop();
  }
});

test("server: a binary .doc is an error with the message in the editor's language; pasted Word HTML comes back as report text", async () => {
  for (const [locale, message] of [
    ['zh-cn', /另存为” \.docx/],
    ['en', /save it as \.docx/],
  ] as const) {
    const server = await startServer({ locale });
    try {
      const ole = base64(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
      await assert.rejects(
        server.request('govreport/sourceText', { uri: 'file:///old.doc', data: ole }),
        (e: { code: number; message: string }) => e.code === 1 && message.test(e.message),
      );
      const html = `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>一、<span>&nbsp;&nbsp; </span></span><![endif]>主要举措和成效</p><p>全年办理案件<b>12</b>件。</p>`;
      assert.deepEqual(await server.request('govreport/htmlToText', { html }), { text: '一、主要举措和成效\n全年办理案件12件。' });
    } finally {
      await server.stop();
    }
  }
});
