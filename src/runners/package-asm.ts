// Packages' assembly, for the report's assembly pane: `go build -gcflags=PKG=-S` (the go command replays the
// listing from its cache when a package is unchanged), kept for the functions that call a runtime allocation
// entry point.

import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { devNull } from 'node:os';
import { run } from './process.js';
import { removeTempDir, tempDir } from './temp-dirs.js';
import { AsmTextParser } from '../parsers/asm-text.js';
import { LineSplitter } from '../parsers/line-splitter.js';
import { ModulePaths } from './paths.js';
import type { AsmListing } from '../model/alloc-types.js';

export async function packageListings(opts: {
  dir: string;
  root: string;
  env: NodeJS.ProcessEnv;
  importPaths: string[];
  tags?: string;
  signal?: AbortSignal;
}): Promise<{ listings: AsmListing[]; error: string | null }> {
  const tmp = tempDir('heapscope-asm-');
  const file = join(tmp, 'listing.txt');
  try {
    const paths = new ModulePaths(opts.root, opts.dir);
    const r = await run(
      'go',
      [
        'build',
        // Built and thrown away, main packages too (the go command writes nothing for /dev/null), never into the module.
        '-o',
        devNull,
        // One flag per package: of several patterns that match a package the last wins, so each names its own.
        ...opts.importPaths.map((p) => `-gcflags=${p}=-S`),
        ...(opts.tags ? [`-tags=${opts.tags}`] : []),
        ...opts.importPaths,
      ],
      { cwd: opts.dir, env: opts.env, stderrFile: file, ...(opts.signal ? { signal: opts.signal } : {}), timeoutMs: 600_000 },
    );
    const asm = new AsmTextParser({ resolveFile: (p) => paths.printed(p), listings: true });
    const errors: string[] = [];
    const splitter = new LineSplitter((l) => {
      if (/^\S.*:\d+:\d+: /.test(l) || l.startsWith('go: ')) errors.push(l);
      asm.push(l);
    });
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) splitter.push(chunk as Buffer);
    splitter.end();
    await rm(file, { force: true });
    const parsed = asm.end();
    return { listings: parsed.listings ?? [], error: r.code === 0 ? null : errors.join('\n') || `go build exited with ${r.code}` };
  } finally {
    await removeTempDir(tmp);
  }
}
