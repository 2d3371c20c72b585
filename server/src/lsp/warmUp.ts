/**
 * Practice before the writer types (issue 27). V8 compiles a function for speed only after it has
 * run many times, and a keystroke runs most of the analysis once: a fresh server typed into at once
 * answers a 10 KB report's keystrokes from code not yet compiled for hundreds of keystrokes (p95
 * ~6 ms after 300 of them, ~2.5 ms after 2,000; docs/performance.md, round 16). So, once the client
 * is initialized, the server practises as a writer works.
 *
 * First it opens short reports of many shapes (`reports`: a portal page's chrome, a PDF's hard wraps,
 * tables, parts in every order — the test fixtures, bundled at build time), each analysed afresh as an
 * opened document is, `REPORT_ROUNDS` times: typing into one report leaves the code paths its text
 * never takes uncompiled, or compiled for what it held only, and the first report the writer opens
 * then runs them slowly and throws compiled code away (round 18: five real reports of 3–4 K characters
 * opened one after the other got their diagnostics after 83–95 ms in all without this, 53–65 ms with it).
 * Then it types into a report of its own (the example report) the way people type (lsp/typist.ts):
 * each keystroke applied as a content change, analysed through a document cache. Typing last leaves
 * the keystroke's code compiled for typing (opening last cost the 10 KB report 0.4 ms of CPU a
 * keystroke; in this order it saves 0.5). Each step's diagnostics and outline are written as the bytes
 * they would be sent as.
 *
 * Only while the client is quiet: a step of practice runs when no message has come for `QUIET_MS`,
 * one per turn of the event loop, so a message that comes waits for one step at most — a keystroke
 * (1–2 ms on a 1 KB report) or an opening (a report of up to 823 characters: 2 ms at the median, the
 * first ones 10–50 ms while V8 compiles the analysis for the first time, as the writer's own first
 * report would). Nothing it makes is sent, kept or shown: its own cache and diagnostics, its bytes
 * dropped, its model garbage at the next step. Node only (server.ts); `GOVREPORT_WARM_UP=0` turns it
 * off.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzeOptions, ReportModel } from '../core';
import { LANGUAGE_ID } from '../protocol';
import { toDocumentSymbols, toFoldingRanges } from './convert';
import { publishParams } from './diagnosticBytes';
import { DocumentDiagnostics } from './diagnosticsReuse';
import { DocumentCache } from './documentCache';
import { encoderOf, JsonBytes } from './jsonBytes';
import { Typist } from './typist';

export interface WarmUp {
  /** The report typed into (a short one: a keystroke of practice is then short too). */
  readonly sample: string;
  /** How many keystrokes to type (0: no practice at all). */
  readonly keystrokes: number;
  /** Reports to open afresh before the keystrokes, each `REPORT_ROUNDS` times (none: no openings). */
  readonly reports?: readonly string[];
  /** When the client's last message came (`performance.now()`). */
  readonly lastMessageAt: () => number;
}

/** How long the client must have been quiet before practice goes on (a writer typing sends a keystroke every 100–300 ms). */
export const QUIET_MS = 50;

/** What the practice did, when it has finished (or stopped at an error: a bug it met, never the client's). */
export interface Practised {
  readonly keystrokes: number;
  /** Reports opened. */
  readonly reports: number;
  /** From the first step of practice to the last, pauses included. */
  readonly ms: number;
  readonly error?: unknown;
}

const URI = 'govreport-practice:/example.report.txt';

/** Keystrokes of practice by default: after ~1,000, a 10 KB report's keystroke no longer waits for the compiler (round 16). */
export const WARM_UP_KEYSTROKES = 1000;

/** How often each practice report is opened: three rounds of the fixtures cost ~0.6 s of CPU (round 18). */
export const REPORT_ROUNDS = 3;

/** How many keystrokes to practise, from `GOVREPORT_WARM_UP` (a count; 0 turns practice off; unset or not a count: the default). */
export function warmUpKeystrokes(setting: string | undefined): number {
  const n = setting === undefined || setting.trim() === '' ? NaN : Number(setting);
  return Number.isInteger(n) && n >= 0 ? n : WARM_UP_KEYSTROKES;
}

/** A practice under way. */
export interface Practice {
  /** Stops it (at shutdown). */
  stop(): void;
  /** New settings: what it analysed under the old ones is forgotten, as the documents' cache forgets it. */
  settingsChanged(): void;
}

/** Starts the practice. */
export function practise(warmUp: WarmUp, options: () => AnalyzeOptions, done: (p: Practised) => void): Practice {
  const typist = new Typist(warmUp.sample);
  let doc = TextDocument.create(URI, LANGUAGE_ID, 1, warmUp.sample);
  // An analysis that fails is a bug the practice met: out of the cache (which would answer an empty
  // model) to the practice's own catch, which stops it and says so.
  const cache = new DocumentCache(
    () => options(),
    (_uri, error) => {
      throw error;
    },
  );
  let diagnostics = new DocumentDiagnostics();
  const reports = warmUp.reports ?? [];
  const openings = reports.length * REPORT_ROUNDS;
  let typed = 0;
  let opened = 0;
  let started: number | undefined;
  let stopped = false;

  /** The answers to a model, written as the stdio writer writes them (lsp/stdioWriter.ts), into bytes nobody reads. */
  const answer = (uri: string, version: number, model: ReportModel, of: DocumentDiagnostics) => {
    const out = new JsonBytes(4096);
    encoderOf(publishParams({ uri, version, diagnostics: of.of(model) as Diagnostic[] }))?.(out);
    encoderOf(toDocumentSymbols(model))?.(out);
    toFoldingRanges(model);
  };

  const keystroke = () => {
    const k = typist.next();
    doc = TextDocument.update(doc, [{ range: k.range, text: k.text }], doc.version + 1);
    answer(
      URI,
      doc.version,
      cache.get(URI, doc.version, () => doc.getText()),
      diagnostics,
    );
  };

  /** Report `opened` of the rounds opened as a document is: analysed afresh, answered, closed. */
  const openReport = () => {
    const uri = `govreport-practice:/report-${opened}.report.txt`;
    const text = reports[opened % reports.length];
    answer(
      uri,
      1,
      cache.get(uri, 1, () => text),
      new DocumentDiagnostics(),
    );
    cache.delete(uri);
  };

  // The waits are unref'd (practice never keeps the process alive); an unref'd immediate would not run
  // until some I/O woke the event loop, so the turn between keystrokes (setImmediate: the client's
  // messages read meanwhile are handled before the next keystroke of practice) is a plain one.
  const next = () => {
    if (stopped) return;
    const quietFor = performance.now() - warmUp.lastMessageAt();
    if (quietFor < QUIET_MS) {
      setTimeout(next, QUIET_MS - quietFor).unref();
      return;
    }
    started ??= performance.now();
    try {
      if (opened < openings) {
        openReport();
        opened++;
      } else {
        keystroke();
        typed++;
      }
    } catch (error) {
      // A bug the practice met, in the analysis (rethrown by its cache) or around it.
      finish({ keystrokes: typed, reports: opened, ms: performance.now() - started, error });
      return;
    }
    if (typed >= warmUp.keystrokes && opened >= openings) finish({ keystrokes: typed, reports: opened, ms: performance.now() - started });
    else setImmediate(next);
  };
  // Done either way: the last model goes with the cache and the diagnostics (the server keeps the practice's handle).
  const finish = (p: Practised) => {
    stopped = true;
    cache.clear();
    diagnostics = new DocumentDiagnostics();
    done(p);
  };
  if (warmUp.keystrokes > 0) next();
  return {
    stop: () => {
      stopped = true;
    },
    settingsChanged: () => cache.clear(),
  };
}
