/**
 * Mocha entry loaded by the VS Code extension host (extensionTestsPath): the classic
 * @vscode/test-electron `run()`, used unchanged by the code-server launcher
 * (.ci/vscode-e2e/run-ext-tests.mjs). Runs every *.test.js bundled next to it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  // Which VS Code ran the suite (code-server: uiKind=Web with a remote extension host; test-electron: Desktop).
  console.log(
    `[env] vscode ${vscode.version}, uiKind=${vscode.UIKind[vscode.env.uiKind]}, remoteName=${vscode.env.remoteName ?? '-'}, ` +
      `appHost=${vscode.env.appHost}, language=${vscode.env.language}, node ${process.version}`,
  );
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      // A plain closing line, so a green run is never mistaken for "ran no test".
      console.log(`${mocha.suite.total() - failures} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
  });
}
