// Finds and reads heapscope's configuration file at the module root (the directory of the go.mod that governs
// DIR, as the go command finds it), checked against docs/heapscope.schema.json.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_NAMES, type Config } from '../model/config.js';
import { parseConfig } from '../parsers/config-file.js';
import { ConfigError, UsageError } from '../errors/errors.js';
import { t } from '../i18n/t.js';

/**
 * The largest configuration file read, checked before reading it: budgets for thousands of benchmarks fit in a small
 * part of it, and a file of tens of megabytes (a generated tag list) is a mistake to name, not to parse.
 */
export const MAX_CONFIG_BYTES = 1 << 20;

const SCHEMA = fileURLToPath(new URL('../../../docs/heapscope.schema.json', import.meta.url));

function moduleRoot(dir: string): string | null {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'go.mod'))) return d;
    if (dirname(d) === d) return null;
  }
}

/** The configuration governing DIR, or null when its module has none. Errors are usage errors, one per line. */
export function loadConfig(dir: string, cwd: string): Config | null {
  const root = moduleRoot(dir);
  if (!root) return null;
  const found = CONFIG_NAMES.map((n) => join(root, n)).filter((f) => existsSync(f));
  if (found.length === 0) return null;
  const display = (f: string): string => relative(cwd, f) || f;
  if (found.length > 1) throw new UsageError(t('cli.err.twoConfigs', { files: found.map(display).join(', ') }));
  const file = found[0]!;
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_CONFIG_BYTES)
      throw new ConfigError([t('cli.err.configTooLarge', { file: display(file), size: (size / (1 << 20)).toFixed(1) })]);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new UsageError(
      t('cli.err.cannotReadFile', { file: display(file), code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }),
    );
  }
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as object;
  const r = parseConfig(text, file, display(file), schema);
  if (!r.ok) throw new ConfigError(r.errors);
  return r.config;
}
