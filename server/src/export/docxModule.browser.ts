/**
 * The web worker's loader for the `docx` package: dist/web/docx.js (an IIFE that defines the
 * global `docx`), loaded with importScripts on the first export, so the worker starts without it.
 * It lies beside the worker script; a worker started from a blob URL (see
 * client/src/browserExtension.ts) is told its address in `GOVREPORT_DOCX_URL`.
 */
import type * as Docx from 'docx';

interface WorkerScope {
  docx?: typeof Docx;
  GOVREPORT_DOCX_URL?: string;
  importScripts?: (...urls: string[]) => void;
  location?: { href: string };
}

export async function loadDocx(): Promise<typeof Docx> {
  const scope = globalThis as unknown as WorkerScope;
  if (!scope.docx) {
    const here = scope.location?.href;
    const url = scope.GOVREPORT_DOCX_URL ?? (here && !here.startsWith('blob:') ? new URL('docx.js', here).href : undefined);
    if (!url || !scope.importScripts) throw new Error('The Word exporter (docx.js) cannot be loaded in this worker.');
    scope.importScripts(url);
  }
  if (!scope.docx) throw new Error('docx.js did not define the docx library.');
  return scope.docx;
}
