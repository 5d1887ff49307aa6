// The flags every command that analyses shares, declared once: -C, --tags, --no-cache, colour and progress; and
// the way every command hands the engine's result (pipeline/) to the terminal: the report to its output, the
// problems to stderr around it, the outcome back to main.ts.

import type { Command } from 'commander';
import type { EngineOptions, Outcome, Output, Problem } from '../pipeline/options.js';
import { commandDir } from './flag-checks.js';
import { phaseTimer, progressPrinter, type CliIO, type Progress } from './terminal.js';
import type { Output as Destination } from './output.js';
import { safeText } from '../model/safe-text.js';
import { t } from '../i18n/t.js';

export interface SharedFlags {
  C?: string;
  tags?: string;
  /** --no-cache: false. */
  cache: boolean;
  color?: boolean;
  progress?: boolean;
}

/** Adds -C and --tags, first among a command's flags (as go's own). */
export function addTargetOptions(cmd: Command, tagsHelp = t('cli.help.tags')): Command {
  return cmd.option('-C <dir>', t('cli.help.dir')).option('--tags <tags>', tagsHelp);
}

/** Adds --no-cache and, for the commands that write a report (not serve), --color/--no-color and
 *  --progress/--no-progress, last among a command's flags. */
export function addRunOptions(cmd: Command, what: { terminal: boolean } = { terminal: true }): Command {
  cmd.option('--no-cache', t('cli.help.noCache'));
  if (!what.terminal) return cmd;
  return cmd
    .option('--color', t('cli.help.color'))
    .option('--no-color', t('cli.help.noColor'))
    .option('--progress', t('cli.help.progress'))
    .option('--no-progress', t('cli.help.noProgress'));
}

/** The options of the engine every command fills the same way from the shared flags. */
export function commonOptions(
  patterns: string[],
  flags: SharedFlags,
  io: CliIO,
): EngineOptions & { dir: string; cwd: string; onProgress: Progress | undefined } {
  const onProgress = progressPrinter(io, flags.progress);
  return {
    dir: commandDir(io.cwd, flags.C),
    cwd: io.cwd,
    patterns,
    cache: flags.cache,
    env: io.env,
    onProgress,
    onPhase: phaseTimer(io),
  };
}

/** The problems the engine reports before the report, then the report, then the summary of what failed. */
export async function writeOutput(
  r: { outcome: Outcome; problems: Problem[]; output: Output },
  out: Destination,
  io: CliIO,
): Promise<Outcome> {
  const after = new Set<Problem['kind']>(['packages', 'benchmarks', 'budgets', 'directives', 'position']);
  printProblems(
    r.problems.filter((p) => !after.has(p.kind)),
    io,
  );
  for await (const c of r.output) out.write(c);
  out.commit();
  printProblems(
    r.problems.filter((p) => after.has(p.kind)),
    io,
  );
  return r.outcome;
}

export function printProblems(problems: Problem[], io: CliIO): void {
  for (const p of problems)
    // The go command's own lines keep its `go: ` prefix; heapscope's words around them follow the language.
    io.stderr(
      `heapscope: ${p.kind === 'go' ? `go: ${safeText(p.message)}` : p.kind === 'source' ? t('cli.problem.sourceStructure', { message: safeText(p.message) }) : safeText(p.message)}\n`,
    );
}
