/**
 * The `.govreport.json` schema's rule codes, generated from the rules (npm run generate): `rules`
 * takes the codes the rules and size guards have and no other, so an editor completes them and a
 * misspelt code is named (`/rules/punctuation-widht：未知的规则代码`) instead of silently ignored.
 */
import { guards, rules } from '../../server/src/core';

type Json = Record<string, unknown>;

export function withRuleCodes(schema: Json): Json {
  const copy = JSON.parse(JSON.stringify(schema)) as { properties: { rules: Json } } & Json;
  copy.properties.rules.propertyNames = { enum: [...rules, ...guards].map((r) => r.code) };
  return copy;
}
