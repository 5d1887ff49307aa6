// One self-contained HTML file: the page's script and style (built from web/ by web/build.mjs into dist/web, read
// by runners/page-assets.ts),
// the data gzip-compressed in a script block the browser never runs, the sources beside it, and a
// Content-Security-Policy that lets only that script and that style run and the page make no request at all.

import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Encoded } from './encode.js';
import { gzipBase64 } from './gzip-base64.js';
import { stringifyChunked } from '../json.js';
import type { Lang } from '../../i18n/lang.js';

export interface PageAssets {
  js: string;
  css: string;
}

const sha256 = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The policy of a page: `connect` is what the page may fetch ('none' for a file, 'self' under heapscope serve). */
export function contentSecurityPolicy(a: PageAssets, connect: "'none'" | "'self'"): string {
  return [
    "default-src 'none'",
    `script-src ${sha256(a.js)}`,
    `style-src ${sha256(a.css)}`,
    'img-src data:',
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface ShellOptions {
  assets: PageAssets;
  title: string;
  /** 'file': data and sources inside the page; 'serve' / 'playground': fetched from heapscope serve. */
  mode: 'file' | 'serve' | 'playground';
  /** The page's language (<html lang>): its interface speaks it before any data arrives. */
  lang: Lang;
}

function shell(o: ShellOptions): { head: string; tail: string } {
  const a = o.assets;
  return {
    head: [
      `<!doctype html>\n<html lang="${o.lang}"><head><meta charset="utf-8">`,
      `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(a, o.mode === 'file' ? "'none'" : "'self'")}">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      // No icon: a browser would otherwise ask the server (or the file system) for /favicon.ico.
      '<link rel="icon" href="data:,">',
      `<meta name="heapscope-mode" content="${o.mode}">`,
      `<title>${escapeHtml(o.title)}</title>`,
      `<style>${a.css}</style></head><body><div id="app"></div>\n`,
    ].join(''),
    tail: `<script>${a.js}</script>\n`,
  };
}

/** The page of heapscope serve: the data comes from its API. */
export function servedPage(o: ShellOptions): string {
  const { head, tail } = shell(o);
  return head + tail + '</body></html>\n';
}

/** gzip, base64: what the page decodes with DecompressionStream. */
export function packText(text: string | Buffer): string {
  return gzipSync(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, { level: 6 }).toString('base64');
}

/**
 * The report as a file, in chunks. `source` gives a file's bytes (null when it cannot be read); they are written
 * one per file after the page's script, so the page shows the summary while the browser still reads the sources
 * (the script reads them once the document is loaded).
 */
export function* renderPage(enc: Encoded, assets: PageAssets, title: string, source: (file: string) => Buffer | null): Generator<string> {
  const { head, tail } = shell({ assets, title, mode: 'file', lang: enc.data.lang ?? 'en' });
  yield head;
  // Plain JSON the page parses first; `<` escaped so no string in it can end the script block.
  if (enc.preview)
    yield `<script id="heapscope-first" type="application/json">${JSON.stringify(enc.preview).replaceAll('<', '\\u003c')}</script>\n`;
  // The largest block by far (37 MB of JSON for std): made, compressed and encoded a piece at a time.
  yield '<script id="heapscope-data" type="application/octet-stream">';
  yield* gzipBase64(stringifyChunked(enc.data as unknown as Record<string, unknown>, undefined, ''));
  yield '</script>\n';
  yield tail;
  yield '<script id="heapscope-sources" type="application/json">[';
  for (let i = 0; i < enc.files.length; i++) {
    const b = enc.data.files[i]!.source ? source(enc.files[i]!) : null;
    yield `${i ? ',' : ''}${b ? `"${packText(b)}"` : 'null'}`;
  }
  yield ']</script>\n</body></html>\n';
}
