// The page's messages: a translator over the web catalogues only (src/i18n/{en,zh-CN}/web.ts), so the bundle does
// not carry the server's. The language is the page's own (<html lang>, set by whoever wrote the page: the HTML
// reporter or heapscope serve in their language); the data's `lang` says it again for data loaded later.

import { makeTranslator } from '../../src/i18n/translator.js';
import type { Lang } from '../../src/i18n/lang.js';
import { web as en } from '../../src/i18n/en/web.js';
import { web as zh } from '../../src/i18n/zh-CN/web.js';

export type WebMessageId = keyof typeof en;

export const t = makeTranslator<WebMessageId>({ en, 'zh-CN': zh });

/** The catalogue for a page's lang attribute or the data's lang; English for anything else. */
export function pageLang(l: string | null | undefined): Lang {
  return l === 'zh-CN' ? 'zh-CN' : 'en';
}

/** Numbers as the page's language writes them. */
export function locale(): string {
  return t.lang() === 'zh-CN' ? 'zh-CN' : 'en-US';
}

t.setLang(pageLang(document.documentElement.lang));
