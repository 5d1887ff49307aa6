// heapscope cache info | clean: where the cache is, what it holds against its bound, and emptying it.

import { cacheEntries, cacheLimit, cleanCache, DEFAULT_LIMIT, ENTRY_KINDS } from '../cache/cache-dir.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import type { CliIO } from './terminal.js';
import type { Outcome } from './outcome.js';
import { t } from '../i18n/t.js';

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
  const kinds = Object.fromEntries(
    Object.entries(by).flatMap(([k, v]) => [
      [k, v.entries],
      [`${k}Size`, mib(v.bytes)],
    ]),
  );
  const lines = [
    t('cli.cache.info', {
      dir,
      size: mib(info.bytes),
      entries: info.entries,
      limit: mib(info.limit),
      from: info.limitFrom === 'default' ? t('cli.cache.defaultLimit') : info.limitFrom,
      ...kinds,
    }),
  ];
  if (partial.length) lines.push(t('cli.cache.unfinished', { n: partial.length, size: mib(info.partial.bytes) }));
  io.stdout(lines.join('\n') + '\n');
  return 'ok';
}

export async function runCacheClean(io: CliIO): Promise<Outcome> {
  const dir = defaultCacheDir(io.env);
  const r = cleanCache(dir);
  io.stdout(`${t('cli.cache.removed', { n: r.removed, size: mib(r.freed), dir })}\n`);
  return 'ok';
}
