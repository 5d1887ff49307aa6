// The one way heapscope asks the go command which packages a set of patterns names: `go list -e -json=FIELDS`,
// with -deps and -test when asked, parsed as it streams. A pattern that names nothing, or a directory outside any
// module, is a NoPackagesError with a hint, the same for every command.

import { GO_LIST_FIELDS, GoListJsonParser, listErrorText, type GoListPackage } from '../parsers/go-list-json.js';
import { NoPackagesError } from '../errors/errors.js';
import { firstGoError, goErrorText } from './go-env.js';
import { run } from './process.js';
import { t } from '../i18n/t.js';

export type { GoListPackage };

export interface ListOptions {
  dir: string;
  env: NodeJS.ProcessEnv;
  patterns: string[];
  tags?: string;
  /** Also list every dependency (-deps); those not named by the patterns are marked DepOnly. */
  deps?: boolean;
  /** Also list the test variants and test mains (-test). */
  tests?: boolean;
  /** Stops go list (its process group); the listing then rejects with the signal's reason. */
  signal?: AbortSignal;
}

export async function listPackages(opts: ListOptions): Promise<GoListPackage[]> {
  const args = ['list', '-e', ...(opts.deps ? ['-deps'] : []), `-json=${GO_LIST_FIELDS}`];
  if (opts.tests) args.push('-test');
  if (opts.tags) args.push(`-tags=${opts.tags}`);
  args.push('--', ...opts.patterns);
  const parser = new GoListJsonParser();
  const stderr: string[] = [];
  const r = await run('go', args, {
    cwd: opts.dir,
    env: opts.env,
    onStdoutLine: (l) => parser.push(l),
    onStderrLine: (l) => stderr.push(l),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  opts.signal?.throwIfAborted();
  const { packages } = parser.end();
  const targets = packages.filter((p) => !p.DepOnly);
  if (r.code !== 0 || targets.length === 0) {
    const first = firstGoError(stderr);
    if (first?.includes('go.mod file not found'))
      throw new NoPackagesError(t('cli.err.noModule', { dir: opts.dir }), t('cli.err.hint.noModule'));
    if (targets.length === 0) {
      const msg = first ? goErrorText(stderr)!.replace(/^go: /, '') : t('cli.err.noPackagesMatch', { patterns: opts.patterns.join(' ') });
      const aboutPatterns = !first || /pattern|match|directory|cannot find|not in std|no Go files/.test(first);
      throw new NoPackagesError(msg, aboutPatterns ? t('cli.err.hint.patterns') : undefined);
    }
  }
  // With -e, a pattern that names nothing comes back as a pseudo-package holding only an error.
  if (targets.every((p) => p.Error && !p.GoFiles?.length && !p.CgoFiles?.length && !p.TestGoFiles?.length && !p.XTestGoFiles?.length)) {
    const err = goErrorText(listErrorText(targets[0]!.Error!).split('\n'))!;
    if (/does not contain main module|go\.mod file not found|cannot find main module/.test(err)) {
      throw new NoPackagesError(t('cli.err.noModule', { dir: opts.dir }), t('cli.err.hint.noModule'));
    }
    throw new NoPackagesError(err, t('cli.err.hint.patterns'));
  }
  return packages;
}

/** The main module's path, from a listing (null outside a module). */
export function mainModulePath(pkgs: GoListPackage[]): string | null {
  return pkgs.find((p) => p.Module?.Main)?.Module?.Path ?? null;
}
