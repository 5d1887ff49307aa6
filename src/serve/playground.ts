// The playground: a Go snippet from the page, analysed (and on request benchmarked) by a heapscope child process
// in a temporary module that is removed afterwards. The snippet is code from a browser: the child runs without
// cgo, without module downloads or toolchain switches, under a time limit and a memory limit (RLIMIT_DATA, which
// the go command, the compiler and a test binary all honour, and which leaves the address space Node and Go
// reserve untouched; the build of the assembly listing runs under the same limits), and at most PARALLEL snippets
// are built at once.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../runners/process.js';
import { removeTempDir, tempDir } from '../runners/temp-dirs.js';
import type { AnalysisModel } from '../model/types.js';
import type { BenchReport } from '../model/bench-report.js';
import type { AsmListing } from '../model/alloc-types.js';
import { packageListings } from '../runners/package-asm.js';
import { cgoFile, fileNameProblem, hasNonTestCode, NAME_BYTES, shownName, SnippetError, splitSnippet } from './snippet-text.js';
import { t } from '../i18n/t.js';

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

export class PlaygroundError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** What a request whose client went away is failed with: nobody reads it, it only ends the work. */
const abandoned = (): PlaygroundError => new PlaygroundError(t('serve.gone'), 499);

/** A SnippetError in the server's language. */
function snippetMessage(e: SnippetError): string {
  const name = shownName(e.file);
  switch (e.problem) {
    case 'long':
      return t('serve.snippet.long', { name, bytes: NAME_BYTES });
    case 'path':
      return t('serve.snippet.path', { name });
    case 'notGo':
      return t('serve.snippet.notGo', { name });
    case 'hidden':
      return t('serve.snippet.hidden', { name });
    case 'chars':
      return t('serve.snippet.chars', { name });
    case 'twiceMain':
      return t('serve.snippet.twiceMain', { name });
    case 'twice':
      return t('serve.snippet.twice', { name });
    case 'notText':
      return t('serve.snippet.notText', { name });
  }
}

/**
 * The files of a request body, checked before anything is written: the editor's `text` (split as the page shows
 * it) or a `files` object of name → text; names that snippet-text.ts takes, no cgo, sizes bounded.
 */
export function checkSnippet(body: unknown): { files: Map<string, string>; bench: boolean } {
  const b = body as { files?: unknown; text?: unknown; bench?: unknown } | null;
  if (!b || typeof b !== 'object') throw new PlaygroundError(t('serve.noFiles'), 400);
  let files: Map<string, string>;
  try {
    if (typeof b.text === 'string') files = splitSnippet(b.text);
    else if (b.files && typeof b.files === 'object' && !Array.isArray(b.files)) {
      files = new Map();
      for (const [name, text] of Object.entries(b.files as Record<string, unknown>)) {
        const problem = fileNameProblem(name);
        if (problem) throw new SnippetError(name, problem);
        if (typeof text !== 'string') throw new SnippetError(name, 'notText');
        files.set(name, text);
      }
    } else throw new PlaygroundError(t('serve.noFiles'), 400);
  } catch (e) {
    if (e instanceof SnippetError) throw new PlaygroundError(snippetMessage(e), 400);
    throw e;
  }
  if (files.size === 0) throw new PlaygroundError(t('serve.noFiles'), 400);
  if (files.size > PLAYGROUND_LIMITS.files) throw new PlaygroundError(t('serve.tooManyFiles', { n: PLAYGROUND_LIMITS.files }), 413);
  let bytes = 0;
  for (const text of files.values()) bytes += Buffer.byteLength(text);
  if (bytes > PLAYGROUND_LIMITS.bytes) throw new PlaygroundError(t('serve.tooLarge', { n: PLAYGROUND_LIMITS.bytes / 1024 }), 413);
  const cgo = cgoFile(files);
  if (cgo) throw new PlaygroundError(t('serve.cgo', { name: shownName(cgo) }), 400);
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
  if (signal.aborted) throw abandoned();
  if (r.timedOut) throw new PlaygroundError(t('serve.timeout', { seconds: timeoutMs / 1000 }), 408);
  if (r.code !== 0 && r.code !== 1)
    throw new PlaygroundError(errors.join('\n') || t('serve.exited', { code: String(r.code ?? r.signal) }), 422);
  return { json: out.join('\n'), errors };
}

let active = 0;
const waiting: (() => void)[] = [];

/**
 * Runs f when one of PARALLEL places is free; refuses when QUEUED requests already wait. A request abandoned
 * while it waits leaves the queue at once; a place is handed from the request that ends to the next in line.
 */
export async function slot<T>(f: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) throw abandoned();
  if (active < PLAYGROUND_LIMITS.parallel) active++;
  else {
    if (waiting.length >= PLAYGROUND_LIMITS.queued) throw new PlaygroundError(t('sweep.serve.busy'), 429);
    await new Promise<void>((go, fail) => {
      const turn = (): void => {
        signal?.removeEventListener('abort', leave);
        go();
      };
      const leave = (): void => {
        waiting.splice(waiting.indexOf(turn), 1);
        fail(abandoned());
      };
      waiting.push(turn);
      signal?.addEventListener('abort', leave, { once: true });
    });
  }
  try {
    if (signal?.aborted) throw abandoned();
    return await f();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }
}

/** Requests building now and waiting, for the tests. */
export const slotUse = (): { active: number; waiting: number } => ({ active, waiting: waiting.length });

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
      // checkSnippet took only plain file names: each is a file directly in dir.
      for (const [name, text] of files) writeFileSync(join(dir, name), text);
      const e = snippetEnv(env);
      const a = await child(
        dir,
        // The child writes its prose (the model's, its errors) in the server's language.
        ['analyze', '--lang', t.lang(), '--format', 'json', '--tests', '--no-progress', '--all'],
        e,
        PLAYGROUND_LIMITS.analyseMs,
        signal,
      );
      const model = JSON.parse(a.json) as AnalysisModel;
      let report: BenchReport | null = null;
      const output = [...a.errors];
      // The assembly: one build of the snippet's packages with -S, under the same limits as the child.
      const built = model.packages.filter((p) => !p.errors.length).map((p) => p.importPath);
      if (built.length && !hasNonTestCode(files)) output.push(t('serve.asmTestsOnly'));
      if (signal.aborted) throw abandoned();
      const asm =
        built.length && hasNonTestCode(files)
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
      if (asm.error) output.push(t('serve.asmError', { error: asm.error }));
      const listings: AsmListing[] = asm.listings;
      if (bench) {
        if (signal.aborted) throw abandoned();
        const b = await child(
          dir,
          ['bench', '--lang', t.lang(), '--format', 'json', '--no-progress', '--benchtime', '200ms', '--timeout', '10s'],
          e,
          PLAYGROUND_LIMITS.benchMs,
          signal,
        );
        output.push(...b.errors);
        if (b.json.trim()) report = JSON.parse(b.json) as BenchReport;
        // What went wrong with a benchmark (a panic, the time limit) is in the report, not on stderr.
        for (const p of report?.packages ?? []) output.push(...p.errors, ...p.notes);
      }
      // The temporary module's path says nothing to the page.
      return { model, bench: report, listings, output: output.join('\n').replaceAll(dir, '.') };
    } finally {
      await removeTempDir(dir);
    }
  }, signal);
}
