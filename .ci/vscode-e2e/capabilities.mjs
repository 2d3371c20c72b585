// Asks the built language server (dist/server.js over stdio) which features it offers, so the UI test checks the
// hover and the code lens exactly when the server has them (they land on main from other branches).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export async function serverCapabilities(root) {
  const rpc = createRequire(path.join(root, 'package.json'))('vscode-languageserver-protocol/node');
  const child = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  conn.listen();
  try {
    const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    return init.capabilities;
  } finally {
    conn.dispose();
    child.kill();
  }
}
