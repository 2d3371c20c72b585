/** Tokenizes text with the grammar through vscode-textmate + vscode-oniguruma, as VS Code does. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = resolve(__dirname, '..', '..');
export const GRAMMAR_PATH = resolve(ROOT, 'syntaxes', 'govreport.tmLanguage.json');

let grammar: Promise<vsctm.IGrammar> | undefined;

function load(): Promise<vsctm.IGrammar> {
  const wasm = readFileSync(resolve(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  }));
  const registry = new vsctm.Registry({
    onigLib,
    loadGrammar: async (scopeName) =>
      scopeName === 'text.govreport' ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  return registry.loadGrammar('text.govreport').then((g) => {
    if (!g) throw new Error('grammar not found');
    return g;
  });
}

export interface Token {
  readonly text: string;
  /** Scopes without the root scope, innermost last. */
  readonly scopes: readonly string[];
}

/** Tokens of each line, with the state carried from line to line. */
export async function tokenize(text: string): Promise<Token[][]> {
  const g = await (grammar ??= load());
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = g.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) }));
  });
}

/** The innermost scope of the token(s) exactly covering `piece` on a line, joined scopes of the first token. */
export function scopeOf(tokens: readonly Token[], piece: string): string {
  const hit = tokens.find((t) => t.text === piece);
  if (!hit) throw new Error(`no token "${piece}" in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return hit.scopes.join(' ');
}
