/** The title's lens "与上年报告重复 N%" (click: the first repeated paragraph). */
import type { CodeLens, Range } from 'vscode-languageserver';
import { t, type ReportModel } from '../../core';
import { SERVER_COMMANDS as COMMANDS } from '../../protocol';

export function reuseLens(model: ReportModel, uri: string, range: Range): CodeLens {
  const r = model.reuse!;
  const title = t(model.locale, 'codelens.reused', { percent: Math.round(r.share * 100) });
  return {
    range,
    command:
      r.firstLine === null ? { title, command: '' } : { title, command: COMMANDS.revealLine, arguments: [{ uri, line: r.firstLine }] },
  };
}
