// An identity for every decision instance that survives edits which only move code: baselines, diffs and SARIF
// fingerprints key on it. A decision is named by what it is about, not where it is printed: the package, the
// function instance it was compiled in (a generic function's shape is part of its name,
// `appendString[go.shape.string]`), the kind of decision, the expression or variable, where a parameter leaks,
// and its rank among decisions equal in all of these (a generic instance or an inlined callee can repeat one
// decision at one position; two `append` calls in one function are told apart by their order). Lines and
// columns are left out, so inserting a line above a function changes no id.

import type { Site } from '../model/types.js';

/** Sets `id` and `occurrence` on sites sorted by position; equal decisions are ranked in that order. */
export function assignIdentities(sites: Site[]): void {
  const rank = new Map<string, number>();
  for (const s of sites) {
    const base = [s.package, s.function ?? '', s.kind, s.expr, s.leak?.to ?? ''].join('\u0000');
    const n = rank.get(base) ?? 0;
    rank.set(base, n + 1);
    s.occurrence = n;
    s.id = hash53(base + '\u0000' + n);
  }
}

/** cyrb53 (public domain): a fast 53-bit string hash, as 14 hex digits. Collisions are negligible at millions of sites. */
export function hash53(str: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
