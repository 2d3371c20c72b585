// Bundles the extension (client), the language server, the CLI and the tests with esbuild.
// One tool for all outputs: fast, no tsc emit step; `tsc --noEmit` does the type check.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, existsSync, rmSync, mkdirSync, copyFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // The example report the server practises on (server/src/lsp/warmUp.ts) is bundled as a string.
  loader: { '.txt': 'text' },
};

// The intake readers (.docx/.pdf/.html, server/src/intake) are a file of their own next to the CLI, worker and
// server (dist/intake.js), imported on first use, so plain-text checks and start-up never load them. pdf.js is
// never bundled: its legacy build is copied to dist/pdfjs/ and imported from there when a PDF is read.
const lazyIntake = {
  name: 'lazy-intake',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/intake$/ }, (args) =>
      args.importer.endsWith('intakeLoader.ts') ? { path: './intake.js', external: true } : undefined,
    );
  },
};
const pdfjsExternal = {
  name: 'pdfjs-external',
  setup(build) {
    build.onResolve({ filter: /^pdfjs-dist\// }, () => ({ path: './pdfjs/pdf.mjs', external: true }));
  },
};

// The `docx` package (1 MB) is not bundled into the server, CLI or tests: `import('docx')` becomes a
// require of a bundle of its own beside them (dist/docx.js; out/docx.js for the tests), loaded on the
// first export only (server/src/export/docxModule.ts).
const lazyDocx = (path) => ({
  name: 'lazy-docx',
  setup(build) {
    build.onResolve({ filter: /^docx$/ }, (args) => (args.kind === 'dynamic-import' ? { path, external: true } : undefined));
  },
});

// The reports the server practises opening (server/src/lsp/warmUp.ts): the short reports of
// test/fixtures/reports, each written to hold one case a report may arrive with (a portal page's chrome,
// a PDF's hard wraps and page numbers, Word's tables, the parts in every order), bundled as a list of
// strings at build time — one set of files for the tests and the practice.
const PRACTICE_DIR = 'test/fixtures/reports';
// A step of practice is one report analysed: a long fixture would make a message wait for it (and the
// practice longer at every start), so only short ones are practised on (the longest today: 823 characters).
const PRACTICE_MAX_CHARS = 4000;
const practiceReports = {
  name: 'practice-reports',
  setup(build) {
    build.onResolve({ filter: /^practice-reports$/ }, () => ({ path: 'practice-reports', namespace: 'practice-reports' }));
    build.onLoad({ filter: /.*/, namespace: 'practice-reports' }, () => {
      const files = readdirSync(PRACTICE_DIR)
        .filter((f) => f.endsWith('.txt'))
        .sort();
      const texts = files.map((f) => readFileSync(join(PRACTICE_DIR, f), 'utf8')).filter((t) => t.length <= PRACTICE_MAX_CHARS);
      return {
        contents: JSON.stringify(texts),
        loader: 'json',
        watchFiles: files.map((f) => join(PRACTICE_DIR, f)),
      };
    });
  },
};

// The web worker loads `docx` with importScripts instead (export/docxModule.browser.ts replaces docxModule.ts).
const browserDocx = {
  name: 'browser-docx',
  setup(build) {
    build.onResolve({ filter: /^\.\/docxModule$/ }, (args) => ({ path: join(args.resolveDir, 'docxModule.browser.ts') }));
  },
};

function listTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    // test/integration runs inside VS Code (npm run test:integration), test/slow under npm run test:slow
    e.isDirectory()
      ? e.name === 'integration' || e.name === 'slow'
        ? []
        : listTests(join(dir, e.name))
      : e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

const builds = [
  { entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist', plugins: [lazyIntake, lazyDocx('./docx.js'), practiceReports] },
  {
    entryPoints: { cli: 'server/src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [lazyIntake, lazyDocx('./docx.js')],
  },
  { entryPoints: { intake: 'server/src/intake/index.ts' }, outdir: 'dist', plugins: [pdfjsExternal] },
  { entryPoints: { docx: 'server/src/export/docxLib.ts' }, outdir: 'dist' },
  // The web extension (vscode.dev): browser client (CommonJS for the web-worker extension host) and the
  // server as a self-contained worker script; platform 'browser' picks the packages' browser entries.
  {
    entryPoints: { extension: 'client/src/browserExtension.ts' },
    outdir: 'dist/web',
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
  },
  {
    entryPoints: { server: 'server/src/browserServer.ts' },
    outdir: 'dist/web',
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    plugins: [browserDocx],
  },
  // The page preview's webview script (client/preview/webview.ts), for desktop and web alike.
  { entryPoints: { preview: 'client/preview/webview.ts' }, outdir: 'dist', platform: 'browser', target: 'es2022', format: 'iife' },
  // The worker's Word exporter library, loaded by importScripts on the first export (export/docxModule.browser.ts).
  {
    entryPoints: { docx: 'server/src/export/docxLib.ts' },
    outdir: 'dist/web',
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    globalName: 'docx',
    minify: true,
    sourcemap: false,
  },
  // `govreport check --jobs N` runs this in worker threads, next to dist/cli.js.
  { entryPoints: { checkWorker: 'server/src/cli/checkWorker.ts' }, outdir: 'dist', plugins: [lazyIntake] },
];
if (!production) {
  // Start from an empty out/test: a bundle left by a deleted or renamed test would still run.
  rmSync('out/test', { recursive: true, force: true });
  rmSync('out/slow', { recursive: true, force: true });
  const tests = listTests('test');
  if (tests.length) {
    builds.push({
      entryPoints: tests,
      outdir: 'out/test',
      outbase: 'test',
      // The maps give stack traces their source lines without carrying the sources (272 → 157 MB of
      // out/test, each read whole by --enable-source-maps when a test process starts).
      sourcesContent: false,
      // typescript: test/sourcePatterns.test.ts parses server/src with it (9 MB, read from node_modules).
      external: ['vscode', 'pdfjs-dist', 'typescript'],
      plugins: [lazyDocx('../docx.js')],
    });
    // Proofs that take minutes (npm run test:slow; CI runs them after npm test), outside out/test.
    const slow = listTests('test/slow');
    if (slow.length) {
      builds.push({
        entryPoints: slow,
        outdir: 'out/slow',
        outbase: 'test/slow',
        sourcesContent: false,
        external: ['vscode', 'pdfjs-dist', 'typescript'],
        plugins: [lazyDocx('../docx.js')],
      });
    }
    // Outside out/test, so `node --test out/test/` does not take it for a test file.
    builds.push({ entryPoints: { docx: 'server/src/export/docxLib.ts' }, outdir: 'out' });
  }
  const itests = existsSync('test/integration')
    ? readdirSync('test/integration')
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => join('test/integration', f))
    : [];
  if (itests.length) {
    // Extension-host suite: mocha stays external (loaded from node_modules by the extension host).
    builds.push({
      entryPoints: ['test/integration/index.ts', ...itests],
      outdir: 'out/integration',
      outbase: 'test/integration',
      external: ['vscode', 'mocha'],
    });
  }
  if (existsSync('scripts')) {
    const scripts = readdirSync('scripts')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join('scripts', f));
    if (scripts.length) builds.push({ entryPoints: scripts, outdir: 'out/scripts' });
  }
  if (existsSync('bench')) builds.push({ entryPoints: ['bench/bench.ts', 'bench/profile.ts'], outdir: 'out/bench' });
}

await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
// pdf.js (legacy build for Node, loaded by dist/intake.js only when a PDF is read) and the CMaps that
// CJK PDFs with non-embedded fonts need.
mkdirSync('dist/pdfjs', { recursive: true });
for (const f of ['pdf.mjs', 'pdf.worker.mjs']) {
  const from = production ? f.replace('.mjs', '.min.mjs') : f;
  copyFileSync(join('node_modules/pdfjs-dist/legacy/build', from), join('dist/pdfjs', f));
}
cpSync('node_modules/pdfjs-dist/cmaps', 'dist/pdfjs/cmaps', { recursive: true });
