/**
 * The file name a URI ends in, for names shown or written (a.report.txt, the .docx beside it, the
 * figures' CSV). A client may send any string: a malformed %-escape (`%E4%B8` cut short, `%zz`) makes
 * decodeURIComponent throw, and a name is still wanted, so the undecoded text is used then.
 */
export function uriFileName(uri: string): string {
  const path = uri.split(/[?#]/, 1)[0];
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
