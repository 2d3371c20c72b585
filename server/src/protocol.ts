/**
 * The names the client and the server share — command ids, notifications, requests, settings,
 * the language id and the diagnostic source — in one dependency-free module that both import
 * (client/src/*, server/src/lsp/*). Public: users' keybindings, settings and other editors
 * depend on these strings. Add, don't rename. This file imports nothing (test/purity.test.ts).
 */

/** The language id of reports (package.json `contributes.languages`). */
export const LANGUAGE_ID = 'govreport';

/** `source` of every diagnostic the server publishes (and of the CLI's JSON diagnostics). */
export const DIAGNOSTIC_SOURCE = 'govreport';

/** Commands the server runs (workspace/executeCommand). */
export const SERVER_COMMANDS = {
  /** `[]` → `{ addressees: string[], year: number }`: choices and defaults for a new report. */
  skeletonOptions: 'govreport.skeletonOptions',
  /** `[{ body, year, addressee?, profile? }]` → the text of a new report. */
  skeleton: 'govreport.skeleton',
  /** `[{ uri, part }]`: inserts a missing part through workspace/applyEdit. */
  insertPart: 'govreport.insertPart',
  /** `[{ uri, line }]`: shows a line of the document (window/showDocument). */
  revealLine: 'govreport.revealLine',
  /** `[uri]` or `[{ uri }]`: renumbers every heading level (package.json contributes it to the palette). */
  renumber: 'govreport.renumber',
  /** `[{ uri, letterhead? }]` → `{ base64, fileName, missingParts, errors, message }`: the report as a GB/T 9704 .docx (any client can save it); `letterhead: true` lays out a 版头 and 版记 from the draft. */
  exportDocx: 'govreport.exportDocx',
  /** `[{ uri, data, author? }]` (data: the .docx, base64) → the .docx with every finding as a Word comment, base64. */
  reviewDocx: 'govreport.reviewDocx',
  /** `[{ uri, version, code }]` → `{ applied, edits, chunks, stopped? }`: a fix-all too large for one message, applied in chunks. */
  fixAll: 'govreport.fixAll',
  /** `[{ uri }]` (a folder) → `{ reports, open, errors, warnings, message }`: checks every report file under it and publishes their diagnostics. */
  checkFolder: 'govreport.checkFolder',
  /** `[{ uri }]` (a folder) → `{ html, fileName, reports, errors, warnings, pairs, message }`: the assessor's page of the reports under it, as `govreport check <folder> --format html` writes it. */
  assessorPage: 'govreport.assessorPage',
} as const;

/** Commands the client implements itself (package.json `contributes.commands`). */
export const CLIENT_COMMANDS = {
  newReport: 'govreport.newReport',
  exportFigures: 'govreport.exportFigures',
  /** `[uri?]`: opens a .docx/.pdf/.html file as its report text (read-only, govreport-source:). */
  openAsReportText: 'govreport.openAsReportText',
  /** Saves the report text of a file opened that way as a .govreport to edit. */
  saveAsReport: 'govreport.saveAsReport',
  /** Saves the active report as a .docx (through the server's exportDocx). */
  exportWord: 'govreport.exportWord',
  /** `[uri?]`: a .docx (or the report opened from one) back with every finding as a Word comment (server's reviewDocx). */
  sendBackWithComments: 'govreport.sendBackWithComments',
  /** Opens the GB/T 9704 page preview beside the editor. */
  showPreview: 'govreport.showPreview',
  /** Lists the reports in the active report's folder that share text, and opens a pair side by side. */
  findSimilar: 'govreport.findSimilar',
  /**
   * `[{ rule, text }]`: adds the entry to `ignore` in the workspace's `.govreport.json` (a finding hidden
   * without switching its rule off). Offered by the server's quick fix when the client says it has it
   * (initializationOptions.clientCommands).
   */
  ignoreFinding: 'govreport.ignoreFinding',
  /** Checks every report in the workspace folder (SERVER_COMMANDS.checkFolder) and opens the Problems view. */
  checkWorkspace: 'govreport.checkWorkspace',
  /** `[folder uri?]`: the assessor's page of a folder (SERVER_COMMANDS.assessorPage) written as review.html in it and opened. */
  assessorPageForFolder: 'govreport.assessorPageForFolder',
} as const;

/** Notifications between client and server. */
export const NOTIFICATIONS = {
  /** Server → client `{ uri }`: a plain-text document looks like a report. */
  looksLikeReport: 'govreport/looksLikeReport',
  /** Client → server `{ config }`: the trusted workspace's parsed `.govreport.json`, or null. */
  workspaceConfig: 'govreport/workspaceConfig',
} as const;

/** Requests of our own (not workspace/executeCommand, which allows one handler). */
export const REQUESTS = {
  /** `{ uri }` → `{ csv, count } | null`: the document's figures as CSV. */
  figures: 'govreport/figures',
  /** `{ uri, data }` (data: the file's bytes, base64) → `{ text, format }`: a .docx/.pdf/.html file's report text (error: why not). */
  sourceText: 'govreport/sourceText',
  /** `{ html }` → `{ text }`: pasted HTML (a browser's or Word's text/html) as report text. */
  htmlToText: 'govreport/htmlToText',
  /** `{ uri }` → `PreviewResult | null`: the report laid out on GB/T 9704 pages and the sheet's geometry and fonts (the preview only draws them). */
  preview: 'govreport/preview',
  /** `{ uri, threshold? }` → `{ pairs: [{ a, b, similarity, sameBody, shared }] }`: reports in the document's folder sharing text. */
  similar: 'govreport/similar',
  /** `{ uri }` → `{ text, tooltip, profile, present, total, errors, warnings } | null`: the status bar's summary of an open report. */
  status: 'govreport/status',
} as const;

/**
 * The answer to REQUESTS.preview: the pages and the sheet they are drawn on (GB/T 9704 geometry and
 * fonts, from server/src/export/gbt9704.ts), so the webview decides nothing about layout.
 */
export interface PreviewResult {
  readonly uri: string;
  readonly version: number;
  readonly title: string | null;
  readonly sheet: PreviewSheet;
  readonly pages: readonly PreviewPage[];
}

/** The page in millimetres, the grid and font sizes in points, and a CSS font-family list per font role. */
export interface PreviewSheet {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly margin: { readonly topMm: number; readonly rightMm: number; readonly bottomMm: number; readonly leftMm: number };
  readonly typeArea: { readonly widthMm: number; readonly heightMm: number };
  readonly pageNumberGapMm: number;
  readonly linePitchPt: number;
  readonly charPitchPt: number;
  readonly sizePt: { readonly title: number; readonly body: number; readonly pageNumber: number; readonly table: number };
  /** CSS font-family per role: title, heading1, heading2, body, pageNumber. */
  readonly fontFamily: Readonly<Record<string, string>>;
}

export interface PreviewPage {
  readonly number: number;
  /** The page number as printed (— 1 —). */
  readonly numberText: string;
  readonly lines: readonly PreviewLine[];
}

/** One line of a page (laid out by server/src/export/pages.ts, which narrows kind, role and align). */
export interface PreviewLine {
  /** title, heading, paragraph, table-row, blank, … (export/blocks.ts BlockKind). */
  readonly kind: string;
  /** Pieces of the line in their fonts (a run-in heading is a heading run then a body run); role keys PreviewSheet.fontFamily. */
  readonly runs: readonly { readonly text: string; readonly role: string }[];
  /** left, center, right or justify. */
  readonly align: string;
  /** Left and right indent, in grid characters. */
  readonly indent: number;
  readonly rightIndent: number;
  /** The source line (0-based) this line shows: scrolling and clicks map through it. */
  readonly source: number;
  /** Heading level, on a heading's lines. */
  readonly level?: number;
  /** The last line of its paragraph (not stretched when justified). */
  readonly last: boolean;
  /** Table cells (table rows only). */
  readonly cells?: readonly string[];
  /** Grid lines the line takes (more than one for a tall table row). */
  readonly height: number;
  /** The most severe finding on the source line, if any. */
  readonly severity?: string;
}

/** The URI scheme of a Word, PDF or HTML file opened as its report text (read-only; query = the file's URI). */
export const SOURCE_SCHEME = 'govreport-source';

/** The settings section and its keys (`govreport.detect`, …; package.json `contributes.configuration`). */
export const SETTINGS = {
  section: 'govreport',
  detect: 'detect',
  maxDocumentSize: 'maxDocumentSize',
  rules: 'rules',
  profile: 'profile',
  /** `govreport.enable`: false switches the extension off for a workspace (no server, no findings). */
  enable: 'enable',
} as const;

/** `govreport.maxDocumentSize` by default: characters above which costly checks are skipped (~6 MB of Chinese text). */
export const DEFAULT_MAX_DOCUMENT_SIZE = 2_000_000;

/** The workspace file (profile and severities), read only in a trusted workspace. */
export const WORKSPACE_FILE = '.govreport.json';
