/** A text file bundled as a string (esbuild's `text` loader; server.ts bundles the example report). */
declare module '*.txt' {
  const text: string;
  export default text;
}
