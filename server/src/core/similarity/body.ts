/**
 * Which body a report is about: its title without years, the words every title shares
 * (关于 … 法治政府建设情况的报告) and the report kind, so 某镇2023年… and 某镇2024年… give one key.
 * A generic title (关于2024年法治政府建设情况的报告) names no body: then the issuing bodies
 * (发文机关 above the title, else the 落款) do. Empty when neither says.
 */
export interface BodyEvidence {
  readonly title?: string;
  readonly bodies?: readonly string[];
}

const SHARED = /关于|情况|工作|年度|的|报告|总结|法治政府建设|法治建设|政府信息公开|依法行政|\s/g;
/**
 * How one body names itself differently from year to year: the party committee beside the
 * government (中共某镇委员会 某镇人民政府), 人民政府 or 政府, punctuation between names.
 */
const ORGAN = /中国共产党|中共|委员会|人民政府|政府|党委|[、，,·\s\u3000]/g;

export function bodyKeyOf(e: BodyEvidence): string {
  const fromTitle = (e.title ?? '')
    .replace(/[0-9０-９]{4}\s*年?度?/g, '')
    .replace(SHARED, '')
    .replace(ORGAN, '');
  if (fromTitle) return dedupe(fromTitle);
  return dedupe((e.bodies ?? []).join('').replace(ORGAN, ''));
}

/** 某镇某镇 (the committee and the government of one place) → 某镇. */
function dedupe(key: string): string {
  const half = key.length / 2;
  return Number.isInteger(half) && key.slice(0, half) === key.slice(half) ? key.slice(0, half) : key;
}

/** The evidence a model holds: title, 发文机关 lines, else the 落款's bodies. */
export function bodyEvidence(m: {
  header: { title?: { text: string }; bodies: readonly { text: string }[] };
  signature: { bodies: readonly { text: string }[] } | null;
}): BodyEvidence {
  const bodies = m.header.bodies.length ? m.header.bodies : (m.signature?.bodies ?? []);
  return { title: m.header.title?.text, bodies: bodies.map((b) => b.text) };
}
