/**
 * The line index of a new version of a text, from the index of the previous version: the lines
 * before and after the edited region are kept (the same line objects while their numbers stay,
 * the same line strings always; the starts after it moved by the edit's length in a typed array),
 * only the edited region is split again. The edit is found by comparing
 * the two texts from both ends — one pass over the unchanged text at the speed of a raw scan,
 * and exact whatever the editor sent (several changes, a whole-text replace, CRLF).
 *
 * Keeping the line strings is what makes the per-line caches cheap: a Map lookup with the same
 * string object finds its hash already computed and compares pointers, not 1 MB of characters.
 */
import type { LineShift } from './lineCache';
import { splitLines, TextIndex, type Line } from './lineIndex';

/** A copy of a line's text that does not keep the whole text of its version alive (V8 slices do). */
function own(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

/** How many characters the common prefix and suffix of two texts are compared by at a time. */
const BLOCK = 1024;

/** `shift`, when given, is filled in with where the new lines were in the previous index (cache.ts). */
export function updatedIndex(previous: TextIndex, text: string, shift?: LineShift): TextIndex {
  const old = previous.text;
  if (old === text) {
    if (shift) Object.assign(shift, { first: previous.lines.length, oldTail: previous.lines.length, newTail: previous.lines.length });
    return previous;
  }
  const min = Math.min(old.length, text.length);
  // Whole blocks first, compared as strings (a slice is a view, the comparison a memory compare):
  // a character at a time, the two scans cost 0.8 ms of a 1 MB keystroke, by blocks 0.1–0.3 ms.
  let prefix = 0;
  while (prefix + BLOCK <= min && old.substring(prefix, prefix + BLOCK) === text.substring(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < min && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const maxSuffix = min - prefix;
  const oe = old.length;
  const te = text.length;
  while (
    suffix + BLOCK <= maxSuffix &&
    old.substring(oe - suffix - BLOCK, oe - suffix) === text.substring(te - suffix - BLOCK, te - suffix)
  )
    suffix += BLOCK;
  while (suffix < maxSuffix && old.charCodeAt(oe - 1 - suffix) === text.charCodeAt(te - 1 - suffix)) suffix++;

  const lines = previous.lines;
  const starts = previous.startsFrom(0);
  // Kept from the front: the lines before the one holding the first changed character, i.e.
  // whose line break lies wholly before it (a CR kept before a changed LF is not a whole break).
  let first = prefix === 0 ? 0 : lastLineStartingBefore(starts, prefix);
  // An edit at the very start of a line after an LF (typing into an empty line, a line retyped from its
  // start) leaves the line before as it was: only a CR before it could pair with an LF typed.
  if (first + 1 < lines.length && starts[first + 1] === prefix && old.charCodeAt(prefix - 1) === 10) first++;
  // Kept from the back: the lines whose preceding line break lies wholly in the unchanged end.
  const tailFrom = firstLineStartingAtOrAfter(starts, old.length - suffix + 1);
  const delta = text.length - old.length;

  const splitFrom = first;
  const until = tailFrom < lines.length ? starts[tailFrom] + delta : text.length;
  // The edited lines are split on their own, then put with the others.
  const split: Line[] = [];
  const splitStarts: number[] = [];
  const stoppedAt = splitLines(text, first < lines.length ? starts[first] : 0, until, split, splitStarts, splitFrom);
  const splitEnd = splitFrom + split.length;
  if (shift) Object.assign(shift, { first: splitFrom, oldTail: tailFrom, newTail: stoppedAt >= 0 ? splitEnd : Infinity });
  const tail = stoppedAt >= 0 ? lines.length - tailFrom : 0;
  const moved = splitEnd - tailFrom;
  const newStarts = new Int32Array(splitEnd + tail);
  newStarts.set(starts.subarray(0, splitFrom));
  newStarts.set(splitStarts, splitFrom);
  let out: Line[];
  if (tail > 0 && moved === 0) {
    // The lines after the edit keep their objects while their numbers stay (an edit within a line, or
    // one that joins as many lines as it splits): one copy of the array, the edited lines written over.
    out = lines.slice();
    for (let k = 0; k < split.length; k++) out[splitFrom + k] = { index: split[k].index, text: own(split[k].text) };
  } else {
    // Lines added or removed: each line after the edit a new object with its new number. Pushed, not
    // written into an array made long first: that array would be holey (V8), and so every later one.
    out = lines.slice(0, splitFrom);
    for (const line of split) out.push({ index: line.index, text: own(line.text) });
    for (let i = tailFrom; tail > 0 && i < lines.length; i++) out.push({ index: i + moved, text: lines[i].text });
  }
  // Only their starts move, in the typed array.
  for (let i = tailFrom, j = splitEnd; tail > 0 && i < lines.length; i++, j++) newStarts[j] = starts[i] + delta;
  return new TextIndex(text, out, newStarts);
}

/** Index of the last line whose start is before `offset` (line 0 starts at 0 < offset). */
function lastLineStartingBefore(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] < offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the first line (from 1) whose start is at or after `offset`, or lines.length. */
function firstLineStartingAtOrAfter(starts: Int32Array, offset: number): number {
  let lo = 1;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
