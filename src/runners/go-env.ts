// Finds the go command, checks its release and reads the environment that decides what the compiler does.

import { capture } from './process.js';
import { GoToolError } from '../errors/errors.js';
import { parseGoVersion } from '../model/go-releases.js';
import { t } from '../i18n/t.js';

/** The oldest release heapscope runs: the -m=2 wording it parses and `go build -o /dev/null` for many packages. */
export const OLDEST_SUPPORTED = { major: 1, minor: 21 };

export interface GoEnv {
  version: string;
  goos: string;
  goarch: string;
  goroot: string;
  gomod: string;
  gowork: string;
  goflags: string;
  cgoEnabled: string;
  goexperiment: string;
  /** GOAMD64, GOARM, ... as one string: they change code generation. */
  archLevel: string;
  gocache: string;
}

const ENV_VARS = [
  'GOVERSION',
  'GOOS',
  'GOARCH',
  'GOROOT',
  'GOMOD',
  'GOWORK',
  'GOFLAGS',
  'CGO_ENABLED',
  'GOEXPERIMENT',
  'GOAMD64',
  'GOARM',
  'GOARM64',
  'GO386',
  'GOCACHE',
];

/** The first line of go command stderr that says what went wrong (download progress is not it). */
export function firstGoError(lines: string[]): string | undefined {
  return lines.find((l) => l.trim() !== '' && !/^go: downloading /.test(l));
}

/** Lines of a go command error shown at most: a go.mod with many errors says enough in its first few. */
const GO_ERROR_LINES = 12;

/**
 * The whole of what the go command said went wrong, from its first line on: `go: errors parsing go.mod:` alone
 * says nothing, the lines after it say where and what. Bounded; download progress left out.
 */
export function goErrorText(lines: string[]): string | undefined {
  const start = lines.findIndex((l) => l.trim() !== '' && !/^go: downloading /.test(l));
  if (start < 0) return undefined;
  const rest = lines.slice(start).filter((l) => l.trim() !== '' && !/^go: downloading /.test(l));
  const shown = rest.slice(0, GO_ERROR_LINES).map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l));
  if (rest.length > shown.length) shown.push(`… (${rest.length - shown.length} more lines)`);
  return shown.join('\n');
}

export { parseGoVersion };

export async function readGoEnv(cwd: string, env: NodeJS.ProcessEnv = process.env, signal?: AbortSignal): Promise<GoEnv> {
  const r = await capture('go', ['env', '-json', ...ENV_VARS], { cwd, env, ...(signal ? { signal } : {}) });
  signal?.throwIfAborted();
  if (r.code !== 0) {
    const first = goErrorText((r.stderr || r.stdout).split('\n')) ?? t('cli.err.exitStatus', { code: String(r.code) });
    throw new GoToolError(t('cli.err.goEnvFailed', { goText: first }));
  }
  let j: Record<string, string>;
  try {
    j = JSON.parse(r.stdout) as Record<string, string>;
  } catch {
    throw new GoToolError(t('cli.err.goEnvNotJson'), t('cli.err.hint.goOnPath'));
  }
  const version = j['GOVERSION'] ?? '';
  const v = parseGoVersion(version);
  if (!v) throw new GoToolError(t('cli.err.goVersionUnknown', { value: JSON.stringify(version) }));
  if (v.major < OLDEST_SUPPORTED.major || (v.major === OLDEST_SUPPORTED.major && v.minor < OLDEST_SUPPORTED.minor)) {
    throw new GoToolError(
      t('cli.err.goTooOld', { version, oldest: `go${OLDEST_SUPPORTED.major}.${OLDEST_SUPPORTED.minor}` }),
      t('cli.err.hint.goTooOld'),
    );
  }
  return {
    version,
    goos: j['GOOS'] ?? '',
    goarch: j['GOARCH'] ?? '',
    goroot: j['GOROOT'] ?? '',
    gomod: j['GOMOD'] ?? '',
    gowork: j['GOWORK'] ?? '',
    goflags: j['GOFLAGS'] ?? '',
    cgoEnabled: j['CGO_ENABLED'] ?? '',
    goexperiment: j['GOEXPERIMENT'] ?? '',
    archLevel: ['GOAMD64', 'GOARM', 'GOARM64', 'GO386'].map((k) => `${k}=${j[k] ?? ''}`).join(' '),
    gocache: j['GOCACHE'] ?? '',
  };
}

/** The module root positions are made relative to: go.mod's directory, or `dir` outside a module (GOMOD=/dev/null). */
export function moduleRoot(env: GoEnv, dir: string): string {
  return env.gomod && env.gomod !== '/dev/null' && env.gomod !== 'NUL'
    ? env.gomod.slice(0, Math.max(env.gomod.lastIndexOf('/'), env.gomod.lastIndexOf('\\')))
    : dir;
}
