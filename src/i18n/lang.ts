// Which language heapscope writes for people: --lang, else HEAPSCOPE_LANG, else the locale as gettext (and so git
// and the GNU tools) reads it: LANGUAGE's first entry when a locale is set at all, then LC_ALL, LC_MESSAGES, LANG.
// A locale heapscope has no catalogue for means English; a language named on purpose (--lang, HEAPSCOPE_LANG)
// that heapscope does not have is a usage error.

import { t } from './t.js';

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** The catalogue for a --lang value or locale name (`zh_CN.UTF-8`, `zh-CN`, `zh`), or null when none fits. */
export function langOf(name: string): Lang | null {
  const base = name.trim().split(/[.@]/)[0]!.replace('_', '-').toLowerCase();
  if (base === 'en' || base.startsWith('en-') || base === 'c' || base === 'posix') return 'en';
  // Simplified Chinese: mainland China, Singapore, or the script named; Taiwan's and Hong Kong's traditional
  // script is another catalogue heapscope does not have.
  if (base === 'zh' || base === 'zh-cn' || base === 'zh-sg' || base.startsWith('zh-hans')) return 'zh-CN';
  return null;
}

export class UnknownLangError extends Error {
  constructor(readonly given: string) {
    super(t('core.unknownLang', { given: JSON.stringify(given), langs: LANGS.join(', ') }));
  }
}

/** The language for this run. Throws UnknownLangError for a --lang or HEAPSCOPE_LANG it has no catalogue for. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  for (const chosen of [flag, env['HEAPSCOPE_LANG']]) {
    if (chosen === undefined || chosen === '') continue;
    const l = langOf(chosen);
    if (!l) throw new UnknownLangError(chosen);
    return l;
  }
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  // gettext ignores LANGUAGE under the C (POSIX) locale only: LANG=en_US.UTF-8 with LANGUAGE=zh_CN:en is Chinese.
  const plain = /^(c|posix)([.@]|$)/i.test(locale);
  if (env['LANGUAGE'] && locale && !plain) {
    for (const part of env['LANGUAGE'].split(':')) {
      const l = part ? langOf(part) : null;
      if (l) return l;
    }
  }
  return langOf(locale) ?? 'en';
}
