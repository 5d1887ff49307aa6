// heapscope cache info | clean: where the cache is, what it holds against its bound, and emptying it.

import { cacheEntries, cacheLimit, cleanCache, DEFAULT_LIMIT, ENTRY_KINDS } from '../cache/cache-dir.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import type { CliIO } from './terminal.js';
import type { Outcome } from './outcome.js';

function mib(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

export async function runCacheInfo(flags: { format: string }, io: CliIO): Promise<Outcome> {
  const dir = defaultCacheDir(io.env);
  const entries = cacheEntries(dir);
  const limit = cacheLimit(io.env);
  const by = Object.fromEntries(
    ENTRY_KINDS.map((k) => {
      const of = entries.filter((e) => e.kind === k && !e.partial);
      return [k, { entries: of.length, bytes: of.reduce((t, e) => t + e.size, 0) }];
    }),
  );
  const partial = entries.filter((e) => e.partial);
  const info = {
    dir,
    limit: limit ?? DEFAULT_LIMIT,
    limitFrom: io.env['HEAPSCOPE_CACHE_LIMIT'] ? 'HEAPSCOPE_CACHE_LIMIT' : 'default',
    bytes: entries.reduce((t, e) => t + e.size, 0),
    entries: entries.length,
    kinds: by,
    partial: { entries: partial.length, bytes: partial.reduce((t, e) => t + e.size, 0) },
  };
  if (flags.format === 'json') {
    io.stdout(JSON.stringify(info, null, 2) + '\n');
    return 'ok';
  }
  const lines = [
    `cache: ${dir}`,
    `size: ${mib(info.bytes)} in ${info.entries} files, bound ${mib(info.limit)} (${info.limitFrom})`,
    `  package facts:     ${by['facts']!.entries} entries, ${mib(by['facts']!.bytes)}`,
    `  finished reports:  ${by['results']!.entries} entries, ${mib(by['results']!.bytes)}`,
    `  run lists:         ${by['runs']!.entries} entries, ${mib(by['runs']!.bytes)}`,
    `  Go tool paths:     ${by['tools']!.entries} entries`,
    `  measured figures:  ${by['measured']!.entries} modules, ${mib(by['measured']!.bytes)}`,
    `  helper programs:   ${by['bin']!.entries} files, ${mib(by['bin']!.bytes)}`,
    `  diff's revisions:  ${by['revisions']!.entries} commits, ${mib(by['revisions']!.bytes)}`,
  ];
  if (partial.length) lines.push(`  unfinished writes: ${partial.length}, ${mib(info.partial.bytes)} (removed once their run has ended)`);
  io.stdout(lines.join('\n') + '\n');
  return 'ok';
}

export async function runCacheClean(io: CliIO): Promise<Outcome> {
  const dir = defaultCacheDir(io.env);
  const r = cleanCache(dir);
  io.stdout(`removed ${r.removed} files (${mib(r.freed)}) from ${dir}\n`);
  return 'ok';
}
