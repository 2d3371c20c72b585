/**
 * The custom formats of the JSON Schemas in profiles/, for the generated validators
 * (generated/validators.js requires this module). `regex`: a pattern that compiles and is proven
 * free of catastrophic backtracking (patternSafety.ts).
 */
import { checkPattern } from './patternSafety';

export const regex = (s: string): boolean => checkPattern(s).safe;
