// The text of a file, fetched or decoded only when it is opened, and kept once it has been.

import { unpack, type Mode } from './data.js';

export type SourceLoader = (file: number) => Promise<string | null>;

let embedded: (string | null)[] | null = null;

/** The sources element follows the page's script, so it is complete only once the document is. */
function documentLoaded(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

async function embeddedSources(): Promise<(string | null)[]> {
  if (embedded) return embedded;
  await documentLoaded();
  const node = document.getElementById('heapscope-sources');
  try {
    embedded = node?.textContent ? (JSON.parse(node.textContent) as (string | null)[]) : [];
  } catch {
    embedded = [];
  }
  return embedded;
}

export function sourceLoader(mode: Mode, generation: () => number, local?: (file: number) => string | null): SourceLoader {
  const cache = new Map<string, Promise<string | null>>();
  return (file) => {
    const key = mode === 'file' ? String(file) : `${generation()}:${file}`;
    let p = cache.get(key);
    if (!p) {
      p = load(file).catch(() => null);
      cache.set(key, p);
    }
    return p;
  };
  async function load(file: number): Promise<string | null> {
    if (mode === 'file') {
      const packed = (await embeddedSources())[file];
      return packed ? unpack(packed) : null;
    }
    const text = local?.(file);
    if (text !== null && text !== undefined) return text;
    const r = await fetch(`/api/source?file=${file}&g=${generation()}`);
    return r.ok ? r.text() : null;
  }
}
