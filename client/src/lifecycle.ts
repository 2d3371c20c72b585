/**
 * When the language server runs. `govreport.enable: false` in a workspace keeps it stopped (no
 * findings, nothing running); switching it back starts it. The extension activates on plain text
 * for detection, but with `govreport.detect: off` a plain-text file starts nothing: the server
 * starts when a report opens or a command needs it. Everything else gets a client whose requests
 * wait for that start.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LANGUAGE_ID, SETTINGS } from '../../server/src/protocol';

const setting = <T>(key: string, fallback: T) => vscode.workspace.getConfiguration(SETTINGS.section).get<T>(key, fallback);

export function manageClient(context: vscode.ExtensionContext, client: BaseLanguageClient, afterStart: () => void): BaseLanguageClient {
  const enabled = () => setting(SETTINGS.enable, true);
  const reportOpen = () => vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID);
  let running: Promise<void> | undefined;
  const start = (): Promise<void> => (running ??= client.start().then(afterStart));
  const stop = async () => {
    if (!running) return;
    const was = running;
    running = undefined;
    await was.catch(() => undefined);
    await client.stop();
  };
  const decide = () => {
    if (!enabled()) return void stop();
    if (setting<string>(SETTINGS.detect, 'ask') !== 'off' || reportOpen()) void start();
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => d.languageId === LANGUAGE_ID && enabled() && void start()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        e.affectsConfiguration(`${SETTINGS.section}.${SETTINGS.enable}`) ||
        e.affectsConfiguration(`${SETTINGS.section}.${SETTINGS.detect}`)
      )
        decide();
    }),
  );
  decide();
  // Requests and notifications from commands wait for the server (and start it); switched off, they say so.
  const waiting =
    (name: 'sendRequest' | 'sendNotification') =>
    async (...args: unknown[]) => {
      if (!enabled()) throw new Error(vscode.l10n.t('Report checking is switched off in this workspace (govreport.enable).'));
      await start();
      return (client[name] as (...a: unknown[]) => unknown)(...args);
    };
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'sendRequest' || prop === 'sendNotification') return waiting(prop);
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
