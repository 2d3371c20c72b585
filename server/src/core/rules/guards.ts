/**
 * Codes that are not rules but findings of the size guards (core/sizeGuard.ts, core/analyze.ts):
 * described like rules, so the rules table, SARIF and settings tell users about them too.
 */
import type { RuleInfo } from './rule';

export const guards: readonly RuleInfo[] = [
  {
    code: 'large-document',
    defaultSeverity: 'information',
    description: {
      'zh-cn': '文档超过 govreport.maxDocumentSize，已跳过耗时的检查',
      en: 'The document is over govreport.maxDocumentSize: the costly checks were skipped',
    },
    docs: {
      finds:
        'a text over `govreport.maxDocumentSize` characters (2,000,000 by default): the costly checks (`punctuation-width`, `unbalanced-pair`) are skipped and this one finding on the first line says so; the outline, the parts and the other checks go on',
    },
  },
  {
    code: 'too-large',
    defaultSeverity: 'warning',
    description: {
      'zh-cn': '文档过大（超过 5,000,000 个字符），未作检查',
      en: 'The document is too large (over 5,000,000 characters) to be checked',
    },
    docs: {
      finds:
        'a text over 5,000,000 characters (≈ 15 MB of Chinese; the longest real reports have ~50,000): it is not analysed at all (a hard ceiling above `govreport.maxDocumentSize`), and this one finding on line 1 says so',
    },
  },
];
