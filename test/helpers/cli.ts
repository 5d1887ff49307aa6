// Runs the built heapscope binary as a user would, with colour off and a private cache.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from './paths.js';

export const testCache = mkdtempSync(join(tmpdir(), 'heapscope-test-cache-'));
process.on('exit', () => rmSync(testCache, { recursive: true, force: true }));

/** A temporary directory removed when the test process ends. */
export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(d, { recursive: true, force: true }));
  return d;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: opts.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: '1', HEAPSCOPE_CACHE: testCache, ...opts.env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The Go releases the end-to-end tests run on: the installed one, and the newest release through the go command's
 * toolchain switch (fetched from the module proxy by .ci/run). Keep in step with the README.
 */
export const TOOLCHAINS: { name: string; env: NodeJS.ProcessEnv }[] = [
  { name: 'installed Go', env: {} },
  { name: 'go1.27.4', env: { GOTOOLCHAIN: 'go1.27.4' } },
];

/** An analyze JSON report without what says where it came from (a package read from the cache says so). */
export function reportWithoutOrigin(stdout: string): unknown {
  const r = JSON.parse(stdout) as { packages: { cached?: boolean }[] };
  for (const p of r.packages) delete p.cached;
  return r;
}
