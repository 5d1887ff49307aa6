// heapscope serve: the HTML report, live, from a local server; and the playground. The URL is the first line of
// standard output (a script can read it and open a browser); the server runs until it is interrupted.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LiveAnalysis } from '../serve/live-analysis.js';
import { analyzeModel } from '../pipeline/model.js';
import { startServer } from '../serve/server.js';
import { checkFocusFlags, type FocusFlags } from './focus-flags.js';
import { commandDir } from './flag-checks.js';
import { commandLine, type CliIO } from './terminal.js';
import { UsageError } from '../errors/errors.js';
import { hookSignals } from '../runners/process-groups.js';
import { pageAssets } from '../runners/page-assets.js';
import type { Outcome } from './outcome.js';
import type { SharedFlags } from './shared-flags.js';
import { t } from '../i18n/t.js';

export interface ServeFlags extends FocusFlags, Omit<SharedFlags, 'color' | 'progress'> {
  tests?: boolean;
  port: string;
}

/** The bundled examples module, offered by the playground. */
function bundledExamples(): { name: string; files: Record<string, string> }[] {
  const dir = fileURLToPath(new URL('../../../examples/', import.meta.url));
  try {
    const files: Record<string, string> = {};
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.go') || f === 'go.mod') files[f] = readFileSync(join(dir, f), 'utf8');
    return [{ name: 'examples (bundled)', files }];
  } catch {
    return [];
  }
}

/** The directory served and the module root above it (where go.mod is), watched until a first analysis works. */
function watchedFirst(dir: string): string[] {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'go.mod'))) return d === dir ? [dir] : [dir, d];
    if (dirname(d) === d) return [dir];
  }
}

export async function runServe(patterns: string[], flags: ServeFlags, io: CliIO): Promise<Outcome> {
  const dir = commandDir(io.cwd, flags.C);
  if (!/^\d{1,5}$/.test(flags.port) || Number(flags.port) > 65535)
    throw new UsageError(t('cli.err.notPort', { flag: '--port', value: flags.port }));
  const choice = checkFocusFlags(flags);
  const assets = pageAssets();
  hookSignals();
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  const live = new LiveAnalysis({
    load: async (signal) => {
      const { run, report } = await analyzeModel({
        signal,
        dir,
        cwd: io.cwd,
        patterns,
        tags: flags.tags,
        tests: !!flags.tests,
        cache: flags.cache,
        env: io.env,
        focus: choice,
      });
      return { run, model: report };
    },
    command: commandLine(io),
    tree: dir,
    dirs: watchedFirst(dir),
    onUpdate: (s) => {
      server?.broadcast(s);
      if (s.state === 'error') io.stderr(`heapscope: ${s.message}\n`);
      else if (s.state === 'ready') io.stderr(`heapscope: ${t('cli.serve.updated', { message: s.message, generation: s.generation })}\n`);
    },
  });
  try {
    server = await startServer({
      host: '127.0.0.1',
      port: Number(flags.port),
      live,
      dir,
      env: io.env,
      ...(flags.tags ? { tags: flags.tags } : {}),
      examples: bundledExamples(),
      title: `heapscope serve: ${basename(dir)}`,
      assets,
    });
  } catch (e) {
    throw new UsageError(
      t('cli.err.cannotListen', { address: `127.0.0.1:${flags.port}`, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }),
    );
  }
  io.stdout(`${server.url}\n`);
  io.stderr(`heapscope: ${t('cli.serve.serving', { url: server.url, playground: `${server.url}playground` })}\n`);
  await live.start();
  // Runs until a signal ends the process (process-groups.ts stops the children and removes temporary directories).
  await new Promise<never>(() => {});
  return 'ok';
}
