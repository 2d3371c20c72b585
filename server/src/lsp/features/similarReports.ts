/**
 * Similar reports in a document's folder: the request `govreport/similar` with `{ uri, threshold? }`
 * returns `{ pairs: [{ a, b, similarity, sameBody, shared }] }` (a and b are URIs), most similar
 * first — what `govreport similar <folder>` prints, for the editor (the client's 查找相似报告
 * command shows the pairs and opens one side by side). The folder is read through the injected
 * file access: none in the browser, so no pairs there.
 */
import { REQUESTS } from '../../protocol';
import type { Feature } from '../session';

export const similarReportsFeature: Feature = {
  register({ connection, service }) {
    connection.onRequest(REQUESTS.similar, (p: { uri?: string; threshold?: number }) => {
      if (!p?.uri) return null;
      const threshold = typeof p.threshold === 'number' && p.threshold > 0 && p.threshold <= 1 ? p.threshold : 0.3;
      return { pairs: service.similarInFolder(p.uri, threshold) };
    });
  },
};
