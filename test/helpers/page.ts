// The parts of a written html report: its data, its sources (each decoded), its CSP, script and style.
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import type { PageData } from '../../src/reporters/html/page-data.js';

export function pageParts(html: string): { data: PageData; sources: (string | null)[]; csp: string; script: string; style: string } {
  const block = (re: RegExp): string => {
    const m = re.exec(html);
    assert.ok(m, `${re} in the page`);
    return m![1]!;
  };
  const data = JSON.parse(
    gunzipSync(Buffer.from(block(/<script id="heapscope-data" type="application\/octet-stream">([^<]*)<\/script>/), 'base64')).toString(
      'utf8',
    ),
  ) as PageData;
  const packed = JSON.parse(block(/<script id="heapscope-sources" type="application\/json">([^<]*)<\/script>/)) as (string | null)[];
  return {
    data,
    sources: packed.map((p) => (p === null ? null : gunzipSync(Buffer.from(p, 'base64')).toString('utf8'))),
    csp: block(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/),
    script: block(/<script>([\s\S]*?)<\/script>/),
    style: block(/<style>([\s\S]*?)<\/style>/),
  };
}
