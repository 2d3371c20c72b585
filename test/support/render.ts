/** Renders a model compactly so tests can state the expected result as readable text. */
import type { OutlineNode, ReportModel } from '../../server/src/core';

/** One line per outline node, two spaces per depth, `  @parts` after part headings. */
export function renderOutline(nodes: readonly OutlineNode[], indent = ''): string {
  return nodes
    .map(
      (n) =>
        `${indent}${n.name}${n.parts.length ? '  @' + n.parts.join('+') + (n.inferredPart ? '?' : '') : ''}\n${renderOutline(n.children, indent + '  ')}`,
    )
    .join('');
}

/** Strips the common indentation of a template literal and its first/last empty lines. */
export function dedent(s: string): string {
  const lines = s
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '')
    .split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}

export function presentParts(m: ReportModel): string[] {
  return m.parts.filter((p) => p.present).map((p) => p.id);
}

export function missingCodes(m: ReportModel): string[] {
  return m.findings.filter((f) => f.code === 'missing-part').map((f) => String(f.data?.part));
}
