// Builds the report page (web/src, TypeScript) into dist/web/report.{js,css}: one minified script and one
// stylesheet the HTML reporter inlines into every page. `node web/build.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const options = {
  entryPoints: { report: `${here}src/main.ts` },
  outdir: `${here}../dist/web`,
  bundle: true,
  minify: true,
  format: 'iife',
  // The page is UTF-8 (its meta says so): Chinese messages as they are, not as \u escapes six bytes a character.
  charset: 'utf8',
  target: ['chrome110', 'firefox115', 'safari16'],
  legalComments: 'none',
  logLevel: 'warning',
  // The page makes no request: anything that would load at run time is a build error.
  external: [],
};

if (process.argv.includes('--watch')) await (await esbuild.context(options)).watch();
else await esbuild.build(options);
