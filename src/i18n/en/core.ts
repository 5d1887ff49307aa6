// English messages used across heapscope. Ids are `area.what`; values are ICU MessageFormat (a literal `{` or `}`
// is quoted: '{heap}'). Every id here must exist in zh-CN/core.ts with the same placeholders (test/i18n).
export const core = {
  'core.unknownLang': 'unknown language {given}: heapscope speaks {langs}',
} as const;
