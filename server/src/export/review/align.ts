/**
 * Which character of the Word text each character of the report text is: the report text the intake
 * read from a .docx is the document's visible text with a few things added (Word's automatic
 * numbering written out, `|` between table cells) and a few taken away (spaces trimmed, blank lines
 * merged, hidden or deleted text). Matched in one pass, two pointers moving together; where they
 * disagree, the nearest place where both agree again for a few characters is searched (first close
 * by, then further on with indexOf over a bounded window), so the cost stays linear in the text
 * for the small differences a Word file has, and bounded for a file that is not the text at all.
 * Written here rather than with a diff library: a general diff (Myers) is O(N·D) in time and, with
 * its trace, in memory, and what is needed is one mapping, not the smallest edit script.
 */

/** Characters that must agree for the two texts to be in step again. */
const AGREE = 6;
/** How far (in both texts together) the close search looks. */
const NEAR = 48;
/** How far indexOf looks ahead, and how many far searches a text may take. */
const FAR_WINDOW = 20_000;
const FAR_SEARCHES = 2_000;

const SPACE = /[\s\u3000|]/;

/** For each character of `report`, the index of the same character in `word`, or -1 when it has none. */
export function alignTexts(report: string, word: string): Int32Array {
  const map = new Int32Array(report.length).fill(-1);
  let i = 0;
  let j = 0;
  let far = 0;
  const agree = (a: number, b: number) => {
    const k = Math.min(AGREE, report.length - a, word.length - b);
    if (k <= 0) return false;
    for (let x = 0; x < k; x++) if (report.charCodeAt(a + x) !== word.charCodeAt(b + x)) return false;
    return true;
  };
  while (i < report.length && j < word.length) {
    if (report.charCodeAt(i) === word.charCodeAt(j)) {
      map[i++] = j++;
      continue;
    }
    // White space, line breaks and table bars differ freely between the two.
    if (SPACE.test(report[i])) {
      i++;
      continue;
    }
    if (SPACE.test(word[j])) {
      j++;
      continue;
    }
    let found = false;
    for (let s = 1; s <= NEAR && !found; s++) {
      for (let a = 0; a <= s; a++) {
        if (agree(i + a, j + s - a)) {
          i += a;
          j += s - a;
          found = true;
          break;
        }
      }
    }
    if (found) continue;
    if (far++ < FAR_SEARCHES) {
      const inReport = report.slice(i, i + FAR_WINDOW).indexOf(word.slice(j, j + AGREE * 2));
      const inWord = word.slice(j, j + FAR_WINDOW).indexOf(report.slice(i, i + AGREE * 2));
      if (inReport >= 0 && (inWord < 0 || inReport <= inWord)) {
        i += inReport;
        continue;
      }
      if (inWord >= 0) {
        j += inWord;
        continue;
      }
    }
    // Neither character is found again nearby: both are dropped (a character read differently).
    i++;
    j++;
  }
  return map;
}
