/** The rules that run on every document, in reporting order. */
import { missingPart } from './missingPart';
import type { Rule } from './rule';

export const rules: readonly Rule[] = [missingPart];
