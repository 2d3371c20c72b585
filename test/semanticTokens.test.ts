// Semantic tokens through the real server: the legend, and the decoded data for ordinals,
// items, dates, document names and debris (a year inside a document name stays in it).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { startServer, type ServerHandle } from './support/lspClient';
import { dedent } from './support/render';

const TEXT = dedent(`
  关于2024年法治政府建设情况的报告
  一、主要举措和成效
  [bookmark: _GoBack]（一）学习贯彻《中华人民共和国行政复议法（2023年修订）》。一是组织学习，二是开展培训。
  2.完善机制
  二、存在的不足和原因
  某镇人民政府
  2025年1月30日
`);

/** Decodes relative token data into [line, text, type, modifiers]. */
function decode(data: readonly number[], legend: SemanticTokensLegend, text: string): [number, string, string, string[]][] {
  const lines = text.split('\n');
  const out: [number, string, string, string[]][] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const mods = legend.tokenModifiers.filter((_, b) => data[i + 4] & (1 << b));
    out.push([line, lines[line].slice(char, char + data[i + 2]), legend.tokenTypes[data[i + 3]], mods]);
  }
  return out;
}

describe('semantic tokens over stdio', () => {
  let server: ServerHandle;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  test('legend in standard token types, with modifiers that say what each token is', () => {
    const provider = server.capabilities.semanticTokensProvider!;
    assert.deepEqual(provider.legend.tokenTypes, ['keyword', 'enumMember', 'number', 'string', 'comment']);
    assert.deepEqual(provider.legend.tokenModifiers, ['ordinal', 'item', 'date', 'documentName', 'debris', 'figure', 'unit']);
    assert.deepEqual(provider.full, { delta: true });
  });

  test('tokens for ordinals, items, dates, document names and debris, in order', async () => {
    const uri = 'file:///tokens1.govreport';
    await server.open(uri, TEXT);
    const legend = server.capabilities.semanticTokensProvider!.legend;
    const tokens = await server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(decode(tokens.data, legend, TEXT), [
      [1, '一、', 'keyword', ['ordinal']],
      [2, '[bookmark: _GoBack]', 'comment', ['debris']],
      [2, '（一）', 'keyword', ['ordinal']],
      [2, '《中华人民共和国行政复议法（2023年修订）》', 'string', ['documentName']],
      [2, '一是', 'enumMember', ['item']],
      [2, '二是', 'enumMember', ['item']],
      [3, '2.', 'keyword', ['ordinal']],
      [4, '二、', 'keyword', ['ordinal']],
      [6, '2025年1月30日', 'number', ['date']],
    ]);
  });

  test('figures: the value and its unit as two tokens', async () => {
    const text = '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n排查矛盾纠纷826件，调解成功率达99.39%，发放资料1万余份。\n';
    const uri = 'file:///tokens2.govreport';
    await server.open(uri, text);
    const legend = server.capabilities.semanticTokensProvider!.legend;
    const tokens = await server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(
      decode(tokens.data, legend, text).filter(([line]) => line === 2),
      [
        [2, '826', 'number', ['figure']],
        [2, '件', 'keyword', ['unit']],
        [2, '99.39', 'number', ['figure']],
        [2, '%', 'keyword', ['unit']],
        [2, '1万余', 'number', ['figure']],
        [2, '份', 'keyword', ['unit']],
      ],
    );
  });
});
