// Packages' assembly, for the report's assembly pane: `go build -gcflags=PKG=-S` (the go command replays the
// listing from its cache when a package is unchanged), kept for the functions that call a runtime allocation
// entry point.

import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { devNull } from 'node:os';
import { run } from './process.js';
import { removeTempDir, tempDir } from './temp-dirs.js';
import { AsmTextParser } from '../parsers/asm-text.js';
import { LineSplitter } from '../parsers/line-splitter.js';
import { ModulePaths } from './paths.js';
import type { AsmAllocCall, AsmListing } from '../model/alloc-types.js';
import { t } from '../i18n/t.js';

export async function packageListings(opts: {
  dir: string;
  root: string;
  env: NodeJS.ProcessEnv;
  importPaths: string[];
  tags?: string;
  signal?: AbortSignal;
  /** Defaults to 10 minutes. */
  timeoutMs?: number;
  /** RLIMIT_DATA for the build (the playground's snippets), in KiB. */
  memoryKiB?: number;
  /** A listing larger than this is not read (the playground's); by default all of it is. */
  maxBytes?: number;
}): Promise<{ listings: AsmListing[]; calls: AsmAllocCall[]; error: string | null }> {
  const tmp = tempDir('heapscope-asm-');
  const file = join(tmp, 'listing.txt');
  try {
    const paths = new ModulePaths(opts.root, opts.dir);
    const goArgs = [
      'build',
      // Built and thrown away, main packages too (the go command writes nothing for /dev/null), never into the module.
      '-o',
      devNull,
      // One flag per package: of several patterns that match a package the last wins, so each names its own.
      ...opts.importPaths.map((p) => `-gcflags=${p}=-S`),
      ...(opts.tags ? [`-tags=${opts.tags}`] : []),
      ...opts.importPaths,
    ];
    const [cmd, args] =
      opts.memoryKiB !== undefined ? ['sh', ['-c', `ulimit -d ${opts.memoryKiB} && exec "$0" "$@"`, 'go', ...goArgs]] : ['go', goArgs];
    const r = await run(cmd as string, args as string[], {
      cwd: opts.dir,
      env: opts.env,
      stderrFile: file,
      ...(opts.signal ? { signal: opts.signal } : {}),
      timeoutMs: opts.timeoutMs ?? 600_000,
    });
    if (r.timedOut) return { listings: [], calls: [], error: t('sweep.asm.slow', { s: Math.round((opts.timeoutMs ?? 600_000) / 1000) }) };
    const size = (await stat(file).catch(() => null))?.size ?? 0;
    if (opts.maxBytes !== undefined && size > opts.maxBytes)
      return {
        listings: [],
        calls: [],
        error: t('sweep.asm.large', { mib: Math.round(size / 1048576), max: Math.round(opts.maxBytes / 1048576) }),
      };
    const asm = new AsmTextParser({ resolveFile: (p) => paths.printed(p), listings: true });
    const errors: string[] = [];
    // What the go command says before any package's `# ` header (`play: no non-test Go files in DIR`), for a
    // failure with no error line of the forms above.
    const first: string[] = [];
    let headed = false;
    const splitter = new LineSplitter((l) => {
      if (/^\S.*:\d+:\d+: /.test(l) || l.startsWith('go: ')) errors.push(l);
      headed ||= l.startsWith('# ');
      if (!headed && first.length < 3) first.push(l);
      asm.push(l);
    });
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) splitter.push(chunk as Buffer);
    splitter.end();
    await rm(file, { force: true });
    const parsed = asm.end();
    return {
      listings: parsed.listings ?? [],
      // Every allocation call with its type and size (the language server's hover and fixes read these).
      calls: parsed.calls,
      error: r.code === 0 ? null : (errors.length ? errors : first).join('\n') || t('sweep.tool.buildExited', { code: r.code ?? '?' }),
    };
  } finally {
    await removeTempDir(tmp);
  }
}
