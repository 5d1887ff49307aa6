// The page as a file (renderPage) and as serve sends it (servedPage): <html lang> in the page's language, the title
// as text, a policy that admits exactly the page's script and style and no request from a file, the data gzip'd
// and base64'd as the page decodes it, the first view's JSON unable to end its script block, the sources in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { escapeHtml, packText, renderPage, servedPage, type PageAssets } from '../../../src/reporters/html/page.js';
import type { Encoded } from '../../../src/reporters/html/encode.js';
import { PAGE_DATA_VERSION, type PageData } from '../../../src/reporters/html/page-data.js';

const assets: PageAssets = { js: 'document.title = "x";', css: 'body { color: red }' };
const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const unpack = (b64: string) => gunzipSync(Buffer.from(b64, 'base64')).toString('utf8');

function data(lang: PageData['lang'], strings: string[]): PageData {
  return {
    version: PAGE_DATA_VERSION,
    kind: 'analyze',
    lang,
    tool: 'heapscope 0',
    go: { version: 'go1.26.8', goos: 'linux', goarch: 'amd64' },
    root: '/m',
    command: 'heapscope analyze',
    strings,
    packages: [],
    files: [
      { path: 1, package: -1, source: true, heap: 0, stack: 0 },
      { path: 2, package: -1, source: true, heap: 0, stack: 0 },
      { path: 3, package: -1, source: false, heap: 0, stack: 0 },
    ],
    causes: [],
    sites: [],
    ranking: [],
    functions: [],
    inlined: [],
    instantiations: [],
    notAnalysed: [],
  };
}

test('servedPage: the language, the mode and the title as text, under a policy of its own script and style that may ask serve only', () => {
  const html = servedPage({ assets, title: 'heapscope serve: <b>&', mode: 'playground', lang: 'zh-CN' });
  assert.ok(html.startsWith('<!doctype html>\n<html lang="zh-CN">'), html.slice(0, 60));
  assert.ok(html.includes('<title>heapscope serve: &#60;b&#62;&#38;</title>'));
  assert.ok(html.includes('<meta name="heapscope-mode" content="playground">'));
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!;
  assert.ok(csp.includes(`script-src ${hash(assets.js)}`) && csp.includes(`style-src ${hash(assets.css)}`), csp);
  assert.ok(csp.includes("connect-src 'self'") && csp.includes("default-src 'none'"), csp);
  assert.ok(html.includes(`<script>${assets.js}</script>`) && html.includes(`<style>${assets.css}</style>`));
  assert.match(servedPage({ assets, title: 't', mode: 'serve', lang: 'en' }), /^<!doctype html>\n<html lang="en">/);
});

test('renderPage: lang from the data, no request allowed, the data and the first view as the page reads them, the sources in order', () => {
  const whole = data('zh-CN', ['', 'a.go', 'b/c.go', 'gone.go', '</script><script>alert(1)</script>']);
  const enc: Encoded = { data: whole, preview: { ...whole, strings: whole.strings.slice() }, files: ['a.go', 'b/c.go', 'gone.go'] };
  const read: string[] = [];
  const html = [
    ...renderPage(enc, assets, 'heapscope: m', (f) => {
      read.push(f);
      return f === 'a.go' ? Buffer.from('package a\n') : null;
    }),
  ].join('');
  assert.match(html, /^<!doctype html>\n<html lang="zh-CN">/);
  assert.match(html, /connect-src 'none'/);
  assert.ok(html.includes('<meta name="heapscope-mode" content="file">'));
  // The files the data says the page may show are read, in order; the third (source: false) is not asked for.
  assert.deepEqual(read, ['a.go', 'b/c.go']);
  const sources = JSON.parse(/<script id="heapscope-sources" type="application\/json">(.*)<\/script>/.exec(html)![1]!) as (string | null)[];
  assert.deepEqual(
    sources.map((s) => (s === null ? null : unpack(s))),
    ['package a\n', null, null],
  );
  const packed = /<script id="heapscope-data" type="application\/octet-stream">([^<]*)<\/script>/.exec(html)![1]!;
  assert.deepEqual(JSON.parse(unpack(packed)), whole);
  // The first view is plain JSON in a script block: no string in it can close the block.
  const first = /<script id="heapscope-first" type="application\/json">(.*?)<\/script>/.exec(html)![1]!;
  assert.ok(!first.includes('<'));
  assert.deepEqual((JSON.parse(first) as PageData).strings, whole.strings);
  // A page of data made before the language was carried is English.
  const old = [...renderPage({ data: { ...whole, lang: undefined }, files: [] }, assets, 't', () => null)].join('');
  assert.match(old, /^<!doctype html>\n<html lang="en">/);
  assert.ok(!old.includes('heapscope-first'));
});

test('escapeHtml and packText', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&`), '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;');
  assert.equal(unpack(packText('逃逸到堆 <>')), '逃逸到堆 <>');
  assert.equal(unpack(packText(Buffer.from([0xff, 0x00, 0x41]))), Buffer.from([0xff, 0x00, 0x41]).toString('utf8'));
});
