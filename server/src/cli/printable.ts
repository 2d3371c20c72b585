/**
 * Text the CLI prints for a terminal, made safe to show: a file name may hold control characters
 * (ESC starts a terminal command that can recolour, retitle or hide the output; CR overwrites
 * the line) or bidirectional overrides that make `evil‮txt.exe` read as another name. Those are
 * shown escaped (`\x1b`, `\u202e`), as `ls` and git quote such names. Line breaks and tabs of
 * the message itself are kept. JSON, SARIF and CSV output carry the names as data, unchanged.
 */
// C0 controls but \t and \n, DEL, C1 controls; bidi embeddings, overrides and isolates; LS/PS.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `s` with every control or direction-changing character escaped; newlines and tabs kept. */
export function printable(s: string): string {
  return s.replace(UNSAFE, escapeOne);
}
