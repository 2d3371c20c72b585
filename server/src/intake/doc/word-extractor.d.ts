/** The part of word-extractor's API intake uses (the package ships no types). */
declare module 'word-extractor' {
  interface Document {
    /** filterUnicode (true by default) turns “” ‘’ — – into ASCII: never wanted, the writer's characters stay. */
    getBody(options?: { filterUnicode?: boolean }): string;
    getHeaders(options?: { includeFooters?: boolean; filterUnicode?: boolean }): string;
    getTextboxes(options?: { includeHeadersAndFooters?: boolean; includeBody?: boolean; filterUnicode?: boolean }): string;
    getAnnotations(options?: { filterUnicode?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: Buffer | string): Promise<Document>;
  }
}
