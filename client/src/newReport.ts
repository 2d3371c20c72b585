/**
 * "新建年度报告" / New report: asks for the addressee, the issuing body and the year, asks the
 * server for the skeleton (its profile knows the parts and wording), opens it untitled.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LANGUAGE_ID, SERVER_COMMANDS } from '../../server/src/protocol';

export async function newReport(client: BaseLanguageClient): Promise<void> {
  const execute = <R>(command: string, ...args: unknown[]) =>
    client.sendRequest<R>('workspace/executeCommand', { command, arguments: args });
  const options = await execute<{ addressees: string[]; year: number }>(SERVER_COMMANDS.skeletonOptions);
  const addressee = await vscode.window.showQuickPick(options.addressees, {
    placeHolder: vscode.l10n.t('Who is the report addressed to (主送机关)?'),
  });
  if (addressee === undefined) return;
  const body = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Name of the issuing body (发文机关)'), value: '某某镇人民政府' });
  if (body === undefined) return;
  const year = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Year the report covers'),
    value: String(options.year),
    validateInput: (v) => (/^\d{4}$/.test(v.trim()) ? undefined : vscode.l10n.t('A year of four digits, e.g. 2024')),
  });
  if (year === undefined) return;
  const content = await execute<string>(SERVER_COMMANDS.skeleton, { body, year: Number(year), addressee });
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  await vscode.window.showTextDocument(doc);
}
