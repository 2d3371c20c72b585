/**
 * The core's `ReportFiles` over the Node file system, for the language server: the report files
 * in a document's folder (file: URIs only), read with the shared reader under a size cap.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReportFiles } from '../core';
import { DEFAULT_MAX_DOCUMENT_SIZE } from '../protocol';
import { isReportFileName, readReportFile } from './reportFile';

const pathOf = (uri: string): string | undefined => {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
};

/**
 * The files under the folder `uri` whose names `accept` takes (at most `limit`; file: URIs only):
 * depth first, sorted; hidden folders and node_modules left out, as `govreport check folder/` does.
 */
export function filesUnder(uri: string, limit: number, accept: (name: string) => boolean): string[] {
  const root = pathOf(uri);
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= limit) return;
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.isFile() && accept(e.name)) out.push(pathToFileURL(join(dir, e.name)).href);
    }
  };
  if (root) walk(root);
  return out;
}

/** `maxBytes`: neighbours larger than this are not read (the default document size limit, as bytes). */
export function nodeReportFiles(maxBytes = DEFAULT_MAX_DOCUMENT_SIZE): ReportFiles {
  return {
    siblings(uri) {
      const path = pathOf(uri);
      if (!path) return [];
      const dir = dirname(path);
      try {
        return readdirSync(dir)
          .filter(isReportFileName)
          .sort()
          .map((name) => pathToFileURL(join(dir, name)).href);
      } catch {
        return [];
      }
    },
    stamp(uri) {
      const path = pathOf(uri);
      if (!path) return undefined;
      try {
        // A stat never blocks, whatever the file is; only regular files of a sane size are read.
        const st = statSync(path);
        return st.isFile() && st.size <= maxBytes ? `${st.mtimeMs}:${st.size}` : undefined;
      } catch {
        return undefined;
      }
    },
    under: (uri, limit) => filesUnder(uri, limit, isReportFileName),
    read(uri) {
      const path = pathOf(uri);
      if (!path) return undefined;
      try {
        return readReportFile(path, maxBytes).text;
      } catch {
        return undefined;
      }
    },
  };
}
