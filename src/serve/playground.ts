// The playground: a Go snippet from the page, analysed (and on request benchmarked) by a heapscope child process
// in a temporary module that is removed afterwards. The snippet is code from a browser: the child runs without
// cgo, without module downloads or toolchain switches, under a time limit and a memory limit (RLIMIT_DATA, which
// the go command, the compiler and a test binary all honour, and which leaves the address space Node and Go
// reserve untouched; the build of the assembly listing runs under the same limits), and at most PARALLEL snippets
// are built at once.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../runners/process.js';
import { removeTempDir, tempDir } from '../runners/temp-dirs.js';
import type { AnalysisModel } from '../model/types.js';
import type { BenchReport } from '../model/bench-report.js';
import type { AsmListing } from '../model/alloc-types.js';
import { packageListings } from '../runners/package-asm.js';

export const PLAYGROUND_LIMITS = {
  files: 20,
  bytes: 256 * 1024,
  analyseMs: 60_000,
  benchMs: 120_000,
  /** RLIMIT_DATA in KiB for the child and everything it starts. */
  memoryKiB: 2 * 1024 * 1024,
  parallel: 2,
  queued: 4,
  /** The -S listing read for the assembly pane. */
  listingBytes: 64 * 1024 * 1024,
} as const;

const FILE_NAME = /^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*\/)*[A-Za-z0-9_][A-Za-z0-9_.-]*\.go$|^go\.mod$/;

export class PlaygroundError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The files of a request body, checked: names inside the module, .go files or go.mod, sizes bounded. */
export function checkSnippet(body: unknown): { files: Map<string, string>; bench: boolean } {
  const b = body as { files?: unknown; bench?: unknown } | null;
  if (!b || typeof b !== 'object' || !b.files || typeof b.files !== 'object' || Array.isArray(b.files))
    throw new PlaygroundError('the request holds no files', 400);
  const files = new Map<string, string>();
  let bytes = 0;
  for (const [name, text] of Object.entries(b.files as Record<string, unknown>)) {
    if (!FILE_NAME.test(name) || name.split('/').includes('..'))
      throw new PlaygroundError(`${name}: not a Go file name in the module`, 400);
    if (typeof text !== 'string') throw new PlaygroundError(`${name}: not text`, 400);
    bytes += Buffer.byteLength(text);
    files.set(name, text);
  }
  if (files.size === 0) throw new PlaygroundError('the request holds no files', 400);
  if (files.size > PLAYGROUND_LIMITS.files) throw new PlaygroundError(`more than ${PLAYGROUND_LIMITS.files} files`, 413);
  if (bytes > PLAYGROUND_LIMITS.bytes) throw new PlaygroundError(`more than ${PLAYGROUND_LIMITS.bytes / 1024} KiB of source`, 413);
  return { files, bench: b.bench === true };
}

const HEAPSCOPE = fileURLToPath(new URL('../../../bin/heapscope.js', import.meta.url));

/** The environment of a snippet's build: nothing fetched, nothing of the user's GOFLAGS or workspace. */
function snippetEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const k of Object.keys(out))
    if (k.startsWith('GO') && k !== 'GOROOT' && k !== 'GOPATH' && k !== 'GOCACHE' && k !== 'GOMODCACHE') delete out[k];
  return {
    ...out,
    CGO_ENABLED: '0',
    GOPROXY: 'off',
    GOTOOLCHAIN: 'local',
    GOFLAGS: '-mod=mod',
    GOWORK: 'off',
    GOSUMDB: 'off',
    NO_COLOR: '1',
  };
}

async function child(
  dir: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ json: string; errors: string[] }> {
  const out: string[] = [];
  const errors: string[] = [];
  const r = await run(
    'sh',
    ['-c', `ulimit -d ${PLAYGROUND_LIMITS.memoryKiB} && exec "$0" "$@"`, process.execPath, HEAPSCOPE, ...args, '-C', dir],
    {
      cwd: dir,
      env,
      timeoutMs,
      signal,
      onStdoutLine: (l) => out.push(l),
      onStderrLine: (l) => {
        if (errors.length < 200) errors.push(l);
      },
    },
  );
  if (r.timedOut) throw new PlaygroundError(`stopped after ${timeoutMs / 1000} s (the playground's time limit)`, 408);
  if (r.code !== 0 && r.code !== 1) throw new PlaygroundError(errors.join('\n') || `heapscope exited with ${r.code ?? r.signal}`, 422);
  return { json: out.join('\n'), errors };
}

let active = 0;
const waiting: (() => void)[] = [];

/** Runs f when one of PARALLEL places is free; refuses when QUEUED requests already wait. */
export async function slot<T>(f: () => Promise<T>): Promise<T> {
  if (active >= PLAYGROUND_LIMITS.parallel) {
    if (waiting.length >= PLAYGROUND_LIMITS.queued) throw new PlaygroundError('the playground is busy: try again in a moment', 429);
    await new Promise<void>((go) => waiting.push(go));
  }
  active++;
  try {
    return await f();
  } finally {
    active--;
    waiting.shift()?.();
  }
}

export interface SnippetResult {
  model: AnalysisModel;
  bench: BenchReport | null;
  /** The assembly of the snippet's functions that allocate. */
  listings: AsmListing[];
  output: string;
}

export function runSnippet(
  files: Map<string, string>,
  bench: boolean,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
): Promise<SnippetResult> {
  return slot(async () => {
    const dir = tempDir('heapscope-play-');
    try {
      if (!files.has('go.mod')) writeFileSync(join(dir, 'go.mod'), 'module play\n\ngo 1.21\n');
      for (const [name, text] of files) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      const e = snippetEnv(env);
      const a = await child(
        dir,
        ['analyze', '--format', 'json', '--tests', '--no-progress', '--all'],
        e,
        PLAYGROUND_LIMITS.analyseMs,
        signal,
      );
      const model = JSON.parse(a.json) as AnalysisModel;
      let report: BenchReport | null = null;
      const output = [...a.errors];
      // The assembly: one build of the snippet's packages with -S, under the same limits as the child.
      const built = model.packages.filter((p) => !p.errors.length).map((p) => p.importPath);
      const asm = built.length
        ? await packageListings({
            dir,
            root: dir,
            env: e,
            importPaths: built,
            signal,
            timeoutMs: PLAYGROUND_LIMITS.analyseMs,
            memoryKiB: PLAYGROUND_LIMITS.memoryKiB,
            maxBytes: PLAYGROUND_LIMITS.listingBytes,
          })
        : { listings: [], error: null };
      if (asm.error) output.push(`assembly: ${asm.error}`);
      const listings: AsmListing[] = asm.listings;
      if (bench) {
        const b = await child(
          dir,
          ['bench', '--format', 'json', '--no-progress', '--benchtime', '200ms', '--timeout', '10s'],
          e,
          PLAYGROUND_LIMITS.benchMs,
          signal,
        );
        output.push(...b.errors);
        if (b.json.trim()) report = JSON.parse(b.json) as BenchReport;
        // What went wrong with a benchmark (a panic, the time limit) is in the report, not on stderr.
        for (const p of report?.packages ?? []) output.push(...p.errors, ...p.notes);
      }
      return { model, bench: report, listings, output: output.join('\n') };
    } finally {
      await removeTempDir(dir);
    }
  });
}
