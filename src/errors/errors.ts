// Typed failures of heapscope itself. Each prints as one line with a hint; the CLI maps them to exit code 2.

import { t } from '../i18n/t.js';

export const EXIT = {
  /** Everything analysed (or benchmarked) as asked. */
  ok: 0,
  /** Results are partial: some packages did not compile, some benchmarks failed. The rest is reported. */
  partial: 1,
  /** heapscope could not do its job: bad usage, no go command, no module, nothing matched. */
  fatal: 2,
} as const;

export class HeapscopeError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The go command is missing, unusable or too old. */
export class GoToolError extends HeapscopeError {}

/** The package patterns, module or directory do not name anything to analyse. */
export class NoPackagesError extends HeapscopeError {}

/** A directory heapscope runs a command in was removed while it ran (the module, or a cache directory cleaned). */
export class DirectoryGoneError extends HeapscopeError {}

/** Command-line usage is wrong. */
export class UsageError extends HeapscopeError {}

/** A configuration file is wrong: one line per problem, each naming the file, the line and the key. */
export class ConfigError extends HeapscopeError {
  constructor(readonly problems: string[]) {
    super(problems[0] ?? t('cli.err.configInvalid'));
  }
}
