/** A text file bundled as a string (esbuild's `text` loader; server.ts bundles the example report). */
declare module '*.txt' {
  const text: string;
  export default text;
}

/** The reports the server practises opening (lsp/warmUp.ts), a list of texts made at build time (esbuild.mjs). */
declare module 'practice-reports' {
  const reports: readonly string[];
  export default reports;
}
