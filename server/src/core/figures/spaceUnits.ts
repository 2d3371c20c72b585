/**
 * The UTF-16 units `/\s/` matches, spelt out, for tables by unit (figures/extract.ts's KIND). Asking
 * the regex about each of the 65,536 units built the table in ~6 ms at every process start;
 * test/fastPaths.test.ts holds this list to the regex at every unit.
 */
export const SPACE_UNITS: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];
