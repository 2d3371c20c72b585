/**
 * Export figures: the request `govreport/figures` with `{ uri }` returns the document's figures
 * as CSV (the client's 导出数据 command opens it in an untitled editor). A request of its own,
 * not workspace/executeCommand, because the protocol allows one executeCommand handler.
 */
import { figureRows, toCsv, uriFileName } from '../../core';
import { REQUESTS } from '../../protocol';
import type { Feature } from '../session';

export const exportFiguresFeature: Feature = {
  register({ connection, model }) {
    connection.onRequest(REQUESTS.figures, (p: { uri?: string }) => {
      const m = p?.uri ? model(p.uri) : undefined;
      if (!p?.uri || !m) return null;
      const name = uriFileName(p.uri);
      return { csv: toCsv(figureRows(name, m)), count: m.figures.length };
    });
  },
};
