// The flags that choose what a report shows first and what it leaves out, shared by analyze, bench and explain:
// --top, --sort, --cause, --package, --function, --min-allocs, --all. Checked before anything runs (exit 2 naming
// the flag), then applied to the joined model: readable names, cold paths, costs, filters.

import { Option, type Command } from 'commander';
import { UsageError } from '../errors/errors.js';
import { CAUSES } from '../model/causes.js';
import { packagePatternError } from '../model/filters.js';
import { DEFAULT_TOP, type FocusChoice } from '../pipeline/options.js';
import { re2SyntaxError } from './re2-syntax.js';
import { t } from '../i18n/t.js';

export interface FocusFlags {
  top?: string;
  sort?: string;
  cause?: string[];
  package?: string[];
  function?: string;
  minAllocs?: string;
  all?: boolean;
}

export type { FocusChoice };

const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), ...v.split(',').filter((x) => x !== '')];

export function addFocusOptions(cmd: Command, what: { top: boolean }): Command {
  if (what.top) {
    cmd.option('--top <n>', t('cli.help.top'), String(DEFAULT_TOP));
    cmd.addOption(new Option('--sort <order>', t('cli.help.sort')).choices(['cost', 'allocs', 'position']).default('position'));
  }
  return cmd
    .option('--cause <ids>', t('cli.help.cause'), collect)
    .option('--package <patterns>', t('cli.help.package'), collect)
    .option('--function <re>', t('cli.help.function'))
    .option('--min-allocs <n>', t('cli.help.minAllocs'))
    .option('--all', t('cli.help.all'));
}

export function checkFocusFlags(flags: FocusFlags): FocusChoice {
  const known = new Set(CAUSES.map((c) => c.id as string));
  const causes = flags.cause ?? [];
  for (const c of causes) {
    if (!known.has(c))
      throw new UsageError(
        t('cli.err.noSuchCause', { flag: '--cause', value: c }),
        t('cli.err.hint.oneOf', { names: [...known].sort().join(', ') }),
      );
  }
  for (const p of flags.package ?? []) {
    const why = packagePatternError(p);
    if (why) throw new UsageError(t('cli.err.flagWhy', { flag: '--package', value: p, why }), t('cli.err.hint.packagePattern'));
  }
  let functionRe: RegExp | null = null;
  if (flags.function !== undefined) {
    const why = re2SyntaxError(flags.function);
    if (why) throw new UsageError(t('cli.err.notRegexp', { flag: '--function', value: flags.function, why }));
    try {
      functionRe = new RegExp(flags.function, 'u');
    } catch (e) {
      throw new UsageError(t('cli.err.flagWhy', { flag: '--function', value: flags.function, why: (e as Error).message }));
    }
  }
  let minAllocs: number | null = null;
  if (flags.minAllocs !== undefined) {
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(flags.minAllocs))
      throw new UsageError(t('cli.err.notAllocsNumber', { flag: '--min-allocs', value: flags.minAllocs }), t('cli.err.hint.minAllocs'));
    minAllocs = Number(flags.minAllocs);
  }
  let top = DEFAULT_TOP;
  if (flags.top !== undefined) {
    if (!/^\d{1,6}$/.test(flags.top)) throw new UsageError(t('cli.err.notTop', { flag: '--top', value: flags.top }));
    top = Number(flags.top);
  }
  return {
    filters: { all: !!flags.all, causes, packages: flags.package ?? [], functionRe, minAllocs },
    top,
    sort: flags.sort === 'cost' || flags.sort === 'allocs' ? flags.sort : 'position',
  };
}

/** The choice as it changes a report, for the replay cache's key. */
export function focusKey(c: FocusChoice): unknown[] {
  const f = c.filters;
  return [c.top, c.sort, f.all, f.causes, f.packages, f.functionRe?.source ?? null, f.minAllocs];
}

export { checkFiltersMatch } from '../pipeline/filters-match.js';
