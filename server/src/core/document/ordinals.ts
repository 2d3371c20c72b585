/** Writing ordinals in their GB/T 9704 form, and which form a level of the outline should use. */
import { RANK } from '../lines/headingShapes';
import type { OrdinalStyle, OutlineNode } from '../model';
import { toChineseNumber } from '../text/numerals';

/** The standard form: 一、 （一） 1. （1） (as the heading-style rule writes them) and 一是. */
export function formatOrdinal(style: OrdinalStyle, value: number): string {
  return style === 'item' ? `${toChineseNumber(value)}是` : canonicalOrdinal(style, value);
}

/** Styles by GB/T level: 一、 （一） 1. （1）, then 一是 items. */
const BY_RANK: readonly OrdinalStyle[] = ['cn-comma', 'cn-paren', 'num-dot', 'num-paren', 'item'];

/** The heading style GB/T 9704 gives a depth of the outline (1 → 一、 … 4 → （1））; items below that. */
export function styleForDepth(depth: number): OrdinalStyle {
  return BY_RANK[Math.min(depth, BY_RANK.length) - 1];
}

/**
 * The style a node's level should have: its own, when it is the standard one for its depth or
 * an accepted skip (一、 straight to 1.); otherwise the standard one (（1） at level two → （一）).
 */
export function expectedStyle(node: Pick<OutlineNode, 'ordinal' | 'depth' | 'kind'>): OrdinalStyle {
  const style = node.ordinal.style;
  if (node.kind === 'item' || style === 'num-dot' || style === styleForDepth(node.depth)) return style;
  return styleForDepth(node.depth);
}

/** The style one level below: 一、 → （一） → 1. → （1） → 一是. */
export function childStyle(style: OrdinalStyle): OrdinalStyle {
  return BY_RANK[Math.min(RANK[style], BY_RANK.length - 1)];
}

/** The GB/T 9704 form of an ordinal of this style and value. */
export function canonicalOrdinal(style: OrdinalStyle, value: number): string {
  switch (style) {
    case 'cn-comma':
      return `${toChineseNumber(value)}、`;
    case 'cn-paren':
      return `（${toChineseNumber(value)}）`;
    case 'num-dot':
      return `${value}.`;
    case 'num-paren':
      return `（${value}）`;
    default:
      return '';
  }
}
