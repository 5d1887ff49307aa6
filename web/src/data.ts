// Where the page's data comes from: inside the page (a report file) or heapscope serve's API.

import type { PageData } from '../../src/reporters/html/page-data.js';
import { t } from './i18n.js';

export type Mode = 'file' | 'serve' | 'playground';

export function pageMode(): Mode {
  const m = document.querySelector('meta[name="heapscope-mode"]')?.getAttribute('content');
  return m === 'serve' || m === 'playground' ? m : 'file';
}

/** base64 of gzip → text, with the browser's own decompressor (no library, no request). */
export async function unpack(b64: string): Promise<string> {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

export function checkVersion(d: PageData): PageData {
  if (d.version !== 1) throw new Error(t('web.data.version', { version: String(d.version) }));
  return d;
}

/** The first view a large report carries (the ranked sites and the counts): plain JSON, parsed in milliseconds. */
export function loadFirstData(): PageData | null {
  const node = document.getElementById('heapscope-first');
  if (!node?.textContent) return null;
  return checkVersion(JSON.parse(node.textContent) as PageData);
}

export async function loadFileData(): Promise<PageData> {
  const node = document.getElementById('heapscope-data');
  if (!node?.textContent) throw new Error(t('web.data.none'));
  performance.mark('heapscope:start');
  const text = await unpack(node.textContent.trim());
  performance.mark('heapscope:unpacked');
  const data = JSON.parse(text) as PageData;
  performance.mark('heapscope:parsed');
  return checkVersion(data);
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const r = await fetch(url, init);
  const body = (await r.json().catch(() => null)) as T | { error?: string } | null;
  if (!r.ok) {
    const msg = body && typeof body === 'object' && 'error' in body && body.error ? body.error : `${r.status} ${r.statusText}`;
    throw new Error(msg);
  }
  return body as T;
}

/** The server answers 503 until its first analysis is done: ask again until it has one. */
export async function loadServeData(onWait?: (message: string) => void): Promise<PageData> {
  for (;;) {
    const r = await fetch('/api/data');
    if (r.ok) return checkVersion((await r.json()) as PageData);
    const body = (await r.json().catch(() => null)) as { error?: string } | null;
    if (r.status !== 503) throw new Error(body?.error ?? `${r.status} ${r.statusText}`);
    onWait?.(body?.error ?? 'analysing');
    await new Promise((ok) => setTimeout(ok, 1000));
  }
}
