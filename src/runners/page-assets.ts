// The built report page (web/ → dist/web/report.{js,css} by web/build.mjs), read once for the HTML reporter and
// heapscope serve.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The same shape as the reporter's PageAssets, which this layer does not import. */
export interface BuiltPage {
  js: string;
  css: string;
}

let assets: BuiltPage | null = null;

export function pageAssets(): BuiltPage {
  if (assets) return assets;
  const at = (name: string): string => fileURLToPath(new URL(`../../web/${name}`, import.meta.url));
  try {
    // `</script` inside the script would end it early; esbuild escapes it in strings, this catches the rest.
    const js = readFileSync(at('report.js'), 'utf8').replaceAll('</script', '<\\/script');
    const css = readFileSync(at('report.css'), 'utf8').replaceAll('</style', '<\\/style');
    assets = { js, css };
    return assets;
  } catch (e) {
    throw new Error(`heapscope's report page is not built (${(e as Error).message}): run npm run build`, { cause: e });
  }
}
