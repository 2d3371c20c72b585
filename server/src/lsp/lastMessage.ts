/**
 * When the client's last message came: the server practises (lsp/warmUp.ts) only while the client
 * is quiet. A reader that notes the time of each message and hands it on unchanged.
 * Protocol-only: no Node.
 */
import type { MessageReader } from 'vscode-languageserver';
import { relayReader } from './transportGuard';

export function timedReader(reader: MessageReader): { reader: MessageReader; lastMessageAt: () => number } {
  let last = performance.now();
  const timed = relayReader(reader, (message, callback) => {
    last = performance.now();
    callback(message);
  });
  return { reader: timed, lastMessageAt: () => last };
}
