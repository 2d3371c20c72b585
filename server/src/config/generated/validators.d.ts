// Types of the generated validators (validators.js, written by `npm run generate`).
import type { ValidateFunction } from 'ajv';

export declare const validateWorkspace: ValidateFunction;
export declare const validateProfile: ValidateFunction;
