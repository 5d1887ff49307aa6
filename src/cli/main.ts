// The command line: argument spec and help in one place, main() callable in-process for tests.

import { Command, CommanderError, Option } from 'commander';
import { resolve } from 'node:path';
import { EXIT, HeapscopeError } from '../errors/errors.js';
import { analyze } from '../runners/analyze.js';
import { sourceLineReader } from '../runners/source-lines.js';
import { buildModel } from '../join/build-model.js';
import { FORMATS, REPORTERS } from '../reporters/registry.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import { OLDEST_SUPPORTED } from '../runners/go-env.js';
import { TOOL_VERSION } from '../reporters/json.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stdout / stderr are terminals (colour, progress). */
  stdoutTTY: boolean;
  stderrTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const EXIT_HELP = `
Exit codes:
  0  everything was analysed
  1  partial results: some packages did not compile (their errors are reported; the rest is analysed)
  2  heapscope could not run: bad usage, go missing or older than go${OLDEST_SUPPORTED.major}.${OLDEST_SUPPORTED.minor}, no module, no package matched

Environment:
  GOFLAGS, GOOS, GOARCH, CGO_ENABLED and the rest of the go command's environment apply as usual
  (heapscope sets -gcflags=-m=2 itself). NO_COLOR / FORCE_COLOR control colour.
  HEAPSCOPE_CACHE  where parsed results are cached (default $XDG_CACHE_HOME/heapscope or ~/.cache/heapscope)`;

function useColor(io: CliIO, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env['NO_COLOR']) return false;
  if (io.env['FORCE_COLOR'] && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdoutTTY && io.env['TERM'] !== 'dumb';
}

interface AnalyzeFlags {
  C?: string;
  tags?: string;
  tests?: boolean;
  format: string;
  verbose?: boolean;
  cache: boolean;
  color?: boolean;
  progress?: boolean;
}

async function runAnalyze(patterns: string[], flags: AnalyzeFlags, io: CliIO): Promise<number> {
  const dir = resolve(io.cwd, flags.C ?? '.');
  const reporter = REPORTERS[flags.format]!;
  const showProgress = flags.progress ?? io.stderrTTY;
  let last = 0;
  const onProgress = showProgress
    ? (msg: string): void => {
        const now = Date.now();
        if (now - last < 100) return;
        last = now;
        io.stderr(`\r\x1b[2Kheapscope: ${msg}`);
      }
    : undefined;
  const run = await analyze({
    dir,
    patterns: patterns.length ? patterns : ['./...'],
    tags: flags.tags,
    tests: !!flags.tests,
    cacheDir: flags.cache ? defaultCacheDir(io.env) : null,
    env: io.env,
    onProgress,
  });
  if (showProgress) io.stderr('\r\x1b[2K');
  const model = buildModel({
    go: { version: run.env.version, goos: run.env.goos, goarch: run.env.goarch },
    root: run.root,
    units: run.units,
    sourceLine: sourceLineReader(run.root),
  });
  for (const m of run.messages) io.stderr(`heapscope: go: ${m}\n`);
  io.stdout(reporter(model, { color: useColor(io, flags.color), verbose: !!flags.verbose, cwd: io.cwd }));
  const failed = model.packages.filter((p) => p.errors.length);
  if (failed.length) {
    io.stderr(`heapscope: ${failed.length} package${failed.length === 1 ? '' : 's'} did not compile; results are partial\n`);
    return EXIT.partial;
  }
  return EXIT.ok;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const program = new Command();
  let code: number = EXIT.ok;
  program
    .name('heapscope')
    .description('What allocates on the heap in Go code, and why: the Go compiler\'s escape analysis, explained.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run heapscope --help for usage)');

  program
    .command('analyze')
    .description('run the compiler\'s escape analysis on packages and explain every heap allocation')
    .argument('[packages...]', 'package patterns as for go build (default ./...)')
    .option('-C <dir>', 'run in DIR (like go -C)')
    .option('--tags <tags>', 'comma-separated build tags, as go build -tags')
    .option('--tests', 'include _test.go files (compiles the test variants of the packages)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-v, --verbose', 'list compiler lines heapscope did not recognise')
    .option('--no-cache', 'ignore and do not write heapscope\'s parsed-result cache')
    .option('--color', 'force colour in text output')
    .option('--no-color', 'never colour text output')
    .option('--progress', 'show progress on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'never show progress')
    .addHelpText('after', EXIT_HELP)
    .action(async (patterns: string[], flags: AnalyzeFlags) => {
      code = await runAnalyze(patterns, flags, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.fatal;
    }
    if (e instanceof HeapscopeError) {
      io.stderr(`heapscope: ${e.message}${e.hint ? ` (${e.hint})` : ''}\n`);
      return EXIT.fatal;
    }
    throw e;
  }
}
