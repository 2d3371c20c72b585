/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: a text that a spreadsheet would take for a
 * formula (a file name or a label starting with =, +, -, @, a tab or a carriage return, or their
 * full-width forms, which CJK spreadsheets accept too) is prefixed with ' and quoted, as OWASP's
 * "CSV Injection" advises; a number stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export function csvCell(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  if (FORMULA_START.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
