// The command line: argument spec and help text in one place, main() callable in-process for tests. Each command
// lives in a module of its own and says how its work went; the exit code is decided in outcome.ts.

import { Command, CommanderError, Option } from 'commander';
import { ConfigError, HeapscopeError } from '../errors/errors.js';
import { safeText } from '../model/safe-text.js';
import { formatsFor } from '../reporters/registry.js';
import { OLDEST_SUPPORTED } from '../runners/go-env.js';
import { GRACE_MS } from '../runners/process-groups.js';
import { VERSION } from '../version.js';
// Each command's module is loaded when that command runs: one run needs one command's pipeline, and loading all of
// them (their reporters, runners, the server) cost about a third of heapscope's start-up (measured).
import type { AnalyzeFlags } from './analyze.js';
import type { BenchFlags } from './bench.js';
import type { ExplainFlags } from './explain.js';
import { cacheLimit, DEFAULT_LIMIT, enforceBounds } from '../cache/cache-dir.js';
import type { ServeFlags } from './serve.js';
import type { CheckFlags } from './check.js';
import type { DiffFlags } from './diff.js';
import { LANGS, resolveLang, UnknownLangError } from '../i18n/lang.js';
import { t } from '../i18n/t.js';
import { commanderError, helpConfiguration } from './commander-text.js';

/** --timeout means the same on every command that runs test binaries (runners/test-binaries.ts runLimitMs). */
const timeoutHelp = (): string => t('cli.help.timeout', { grace: GRACE_MS / 1000 });

const collectValues = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

/** The options the user typed, so a configuration file's defaults (config-defaults.ts) do not override them. */
function given(cmd: Command): Set<string> {
  return new Set(cmd.options.map((o) => o.attributeName()).filter((n) => cmd.getOptionValueSource(n) === 'cli'));
}
import { exitCode, EXIT_BUG, type Outcome } from './outcome.js';
import type { CliIO } from './terminal.js';
import { addFocusOptions } from './focus-flags.js';
import { addRunOptions, addTargetOptions } from './shared-flags.js';

export type { CliIO };

/** The exit codes and environment, after each analysing command's help; `partial` says what exit 1 means there. */
const exitHelp = (partial: string): string =>
  '\n' +
  t('cli.help.exitCodes', {
    partial,
    go: `go${OLDEST_SUPPORTED.major}.${OLDEST_SUPPORTED.minor}`,
    bug: EXIT_BUG,
  }) +
  '\n\n' +
  t('cli.help.environment');

/** --lang's value as typed (its last occurrence, before a bare `--`), read before the commands are declared: their
 *  help is written in that language. */
function langFlag(argv: string[]): string | undefined {
  let v: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') v = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) v = a.slice('--lang='.length);
  }
  return v;
}

/** The line bin/heapscope.js prints for an exception heapscope did not expect (a bug: exit 3), in the run's language. */
export function internalErrorLine(e: unknown): string {
  return `heapscope: ${t('cli.internalError', { message: e instanceof Error ? e.message : String(e) })}\n`;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  io = { ...io, argv };
  try {
    t.setLang(resolveLang(langFlag(argv), io.env));
  } catch (e) {
    if (!(e instanceof UnknownLangError)) throw e;
    // Said in the locale's language when it has one: the language asked for is the one heapscope lacks.
    t.setLang(resolveLang(undefined, { ...io.env, HEAPSCOPE_LANG: undefined }));
    const said = new UnknownLangError(e.given);
    io.stderr(`heapscope: ${safeText(said.message)}\n${t('cli.help.afterError')}\n`);
    return exitCode('fatal');
  }
  const program = new Command();
  let outcome: Outcome = 'ok';
  program
    .name('heapscope')
    .description(t('cli.help.heapscope'))
    .version(VERSION, '-V, --version', t('cli.help.version'))
    .helpOption('-h, --help', t('cli.help.help'))
    .helpCommand('help [command]', t('cli.help.helpCommand'))
    .option('--lang <lang>', t('cli.help.lang', { langs: LANGS.join(', ') }))
    .configureHelp(helpConfiguration())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (str, write) => write(commanderError(str)) })
    .showHelpAfterError(t('cli.help.afterError'));

  const analyze = addTargetOptions(
    program.command('analyze').description(t('cli.help.analyze')).argument('[packages...]', t('cli.help.packagesGoBuild')),
    t('cli.help.tagsGoBuild'),
  )
    .option('--tests', t('cli.help.analyze.tests'))
    .option('--profile <file>', t('cli.help.analyze.profile'))
    .addOption(new Option('--format <format>', t('cli.help.formatHtml')).choices(formatsFor('analyze')).default('text'))
    .option('-o, --output <file>', t('cli.help.output'))
    .option('--asm', t('cli.help.analyze.asm'))
    .option('--write-baseline <file>', t('cli.help.analyze.writeBaseline'))
    .option('-v, --verbose', t('cli.help.analyze.verbose'));
  addFocusOptions(addRunOptions(analyze), { top: true })
    .addHelpText('after', exitHelp(t('cli.help.partial.analyze')))
    .action(async (patterns: string[], flags: AnalyzeFlags, cmd: Command) => {
      outcome = await (await import('./analyze.js')).runAnalyze(patterns, { ...flags, given: given(cmd) }, io);
    });

  const bench = addTargetOptions(
    program.command('bench').description(t('cli.help.bench')).argument('[packages...]', t('cli.help.packages')),
  )
    .option('--bench <regexp>', t('cli.help.bench.bench'), '.')
    .option('--count <n>', t('cli.help.bench.count'), '1')
    .option('--benchtime <t>', t('cli.help.bench.benchtime'))
    .option('--timeout <d>', timeoutHelp(), '10m')
    .option('--check', t('cli.help.bench.check'))
    .option('--no-cost', t('cli.help.bench.noCost'))
    .option('--cost-time <duration>', t('cli.help.bench.costTime'))
    .option('--exact', t('cli.help.bench.exact'))
    .option('--trace', t('cli.help.bench.trace'))
    .option('--compare <benchmarks...>', t('cli.help.bench.compare'))
    .addOption(new Option('--format <format>', t('cli.help.formatHtml')).choices(formatsFor('bench')).default('text'))
    .option('-o, --output <file>', t('cli.help.output'));
  addFocusOptions(addRunOptions(bench), { top: false })
    .addHelpText('after', '\n' + t('cli.help.bench.after') + '\n' + exitHelp(t('cli.help.partial.bench')))
    .action(async (patterns: string[], flags: BenchFlags, cmd: Command) => {
      outcome = await (await import('./bench.js')).runBench(patterns, { ...flags, given: given(cmd) }, io);
    });

  const explain = addTargetOptions(
    program.command('explain').description(t('cli.help.explain')).argument('<file:line>', t('cli.help.explain.position')),
  )
    .option('--bench <regexp>', t('cli.help.explain.bench'))
    .option('--timeout <d>', t('cli.help.withBench', { help: timeoutHelp() }), '10m')
    .addOption(new Option('--format <format>', t('cli.help.format')).choices(formatsFor('explain')).default('text'));
  addFocusOptions(addRunOptions(explain), { top: false })
    .addHelpText('after', exitHelp(t('cli.help.partial.analyze')))
    .action(async (position: string, flags: ExplainFlags) => {
      outcome = await (await import('./explain.js')).runExplain(position, flags, io);
    });

  const check = addTargetOptions(
    program.command('check').description(t('cli.help.check')).argument('[packages...]', t('cli.help.packagesGoBuild')),
  )
    .option('--tests', t('cli.help.check.tests'))
    .option('--baseline <file>', t('cli.help.check.baseline'))
    .option('--bench <regexp>', t('cli.help.check.bench'))
    .option('--benchtime <t>', t('cli.help.benchtime'))
    .option('--timeout <d>', t('cli.help.withBench', { help: timeoutHelp() }), '10m')
    .addOption(new Option('--format <format>', t('cli.help.format')).choices(formatsFor('check')).default('text'))
    .option('-o, --output <file>', t('cli.help.output'));
  addRunOptions(check)
    .addHelpText('after', '\n' + t('cli.help.check.after'))
    .action(async (patterns: string[], flags: CheckFlags, cmd: Command) => {
      outcome = await (await import('./check.js')).runCheck(patterns, { ...flags, given: given(cmd) }, io);
    });

  const diff = addTargetOptions(
    program
      .command('diff')
      .description(t('cli.help.diff'))
      .argument('[revisions...]', t('cli.help.diff.revisions'))
      .usage('[flags] A [B] [-- packages]  |  --go go1.X.Y --go go1.Z.W [A] [-- packages]'),
  )
    .option('--tests', t('cli.help.tests'))
    .option('--go <release>', t('cli.help.diff.go'), collectValues)
    .option('--bench <regexp>', t('cli.help.diff.bench'))
    .option('--count <n>', t('cli.help.diff.count'), '10')
    .option('--benchtime <t>', t('cli.help.benchtime'))
    .option('--timeout <d>', t('cli.help.withBench', { help: timeoutHelp() }), '10m')
    .option('--threshold <pct>', t('cli.help.diff.threshold'), '5%')
    .option('--bench-output <prefix>', t('cli.help.diff.benchOutput'))
    .addOption(new Option('--format <format>', t('cli.help.format')).choices(formatsFor('diff')).default('text'))
    .option('-o, --output <file>', t('cli.help.output'));
  addRunOptions(diff)
    .addHelpText('after', '\n' + t('cli.help.diff.after'))
    .action(async (operands: string[], flags: DiffFlags, cmd: Command) => {
      // Operands after -- are package patterns; commander hands them over with the revisions.
      const dash = argv.indexOf('--');
      const n = dash < 0 ? 0 : argv.length - dash - 1;
      outcome = await (
        await import('./diff.js')
      ).runDiff(operands.slice(0, operands.length - n), operands.slice(operands.length - n), { ...flags, given: given(cmd) }, io);
    });

  const serve = addTargetOptions(
    program.command('serve').description(t('cli.help.serve')).argument('[packages...]', t('cli.help.packagesGoBuild')),
  )
    .option('--tests', t('cli.help.tests'))
    .option('--port <n>', t('cli.help.serve.port'), '0');
  addFocusOptions(addRunOptions(serve, { terminal: false }), { top: false })
    .addHelpText('after', '\n' + t('cli.help.serve.after'))
    .action(async (patterns: string[], flags: ServeFlags) => {
      outcome = await (await import('./serve.js')).runServe(patterns, flags, io);
    });

  program
    .command('lsp')
    .description(t('cli.help.lsp'))
    .option('--stdio', t('cli.help.lsp.stdio'))
    .action(async () => {
      // Loaded only here: the protocol library takes longer to load than the go list of a warm analyze.
      const { runLsp } = await import('../lsp/server.js');
      outcome = await runLsp(io.env, { langChosen: !!langFlag(argv) || !!io.env['HEAPSCOPE_LANG'] });
    });

  const cache = program
    .command('cache')
    .description(t('cli.help.cache'))
    .addHelpText('after', '\n' + t('cli.help.cache.after'));
  cache
    .command('info')
    .description(t('cli.help.cache.info'))
    .addOption(new Option('--format <format>', t('cli.help.format')).choices(['text', 'json']).default('text'))
    .action(async (flags: { format: string }) => {
      outcome = await (await import('./cache.js')).runCacheInfo(flags, io);
    });
  cache
    .command('clean')
    .description(t('cli.help.cache.clean'))
    .action(async () => {
      outcome = await (await import('./cache.js')).runCacheClean(io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode(outcome);
  } catch (e) {
    if (e instanceof CommanderError) return exitCode(e.exitCode === 0 ? 'ok' : 'fatal');
    if (e instanceof HeapscopeError) {
      // Messages quote the go command, paths and flags as given: escaped like every other untrusted text.
      io.stderr(
        `heapscope: ${e.hint ? t('cli.error.withHint', { message: safeText(e.message), hint: safeText(e.hint) }) : safeText(e.message)}\n`,
      );
      if (e instanceof ConfigError) for (const p of e.problems.slice(1)) io.stderr(`heapscope: ${safeText(p)}\n`);
      return exitCode('fatal');
    }
    throw e;
  } finally {
    // What the command added to heapscope's cache is counted against its bound (cache-dir.ts: cheap unless over).
    enforceBounds(cacheLimit(io.env) ?? DEFAULT_LIMIT);
  }
}
