// The user-visible words of the hover's type line, the lens's measure and the fix actions, one function each, so
// that a later round can translate them in one place (the rest of src/lsp/ still writes its own).

import type { SiteAllocation } from './engine-adapter.js';

const sizeText = (a: SiteAllocation): string =>
  a.size === null ? 'size unknown' : `${a.size} B${a.sizeClass !== null && a.sizeClass !== a.size ? `, size class ${a.sizeClass}` : ''}`;

const one = (a: SiteAllocation): string => `${a.type ? `\`${a.type}\`` : 'type unknown'} (${sizeText(a)}) by \`runtime.${a.runtime}\``;

export const msg = {
  /** The hover's line on what the compiled code allocates for a site. */
  allocated: (allocs: SiteAllocation[]): string => {
    const distinct = [...new Map(allocs.map((a) => [one(a), a])).values()];
    return distinct.length === 1
      ? `- allocates: ${one(distinct[0]!)}`
      : `- allocates one of (the line's calls): ${distinct.map(one).join('; ')}`;
  },
  allocatedUnknown: (): string =>
    '- type and size: unknown (the compiled code makes no allocation of its own for it on this line: inlined elsewhere, or inside a callee)',
  allocatedTestFile: (): string => '- type and size: not read for test files (the assembly is of the package without its tests)',
  allocatedPending: (): string => '- type and size: reading the compiled code…',
  allocatedFailed: (why: string): string => `- type and size: unknown (the assembly listing failed: ${why.split('\n')[0]})`,
  /** The measure's $/progress title and its first message. */
  measureTitle: (pkg: string): string => `heapscope bench ${pkg}`,
  measureScope: (fn: string, benchmarks: string[], how: string): string =>
    benchmarks.length ? `measuring ${fn}: ${benchmarks.join(', ')} (${how})` : `measuring ${fn}: all of the package's benchmarks (${how})`,
  reachMeasured: (): string => 'they measured its sites last time',
  reachStatic: (): string => 'their bodies call it, read from the test files',
  reachNone: (): string => 'no benchmark found that calls it',
  /** A fix's code action title. */
  fixTitle: (from: string, to: string): string => `heapscope: replace ${from} with ${to} (same output, no boxing)`,
};
