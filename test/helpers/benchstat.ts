// The real benchstat, built once per test process from the module proxy at the version heapscope's port follows
// (src/model/benchstat.ts), in a temporary module removed at exit.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from './cli.js';

export const PERF_VERSION = 'v0.0.0-20260908200009-22c9c6c9d4da';

let built: string | null = null;

export function benchstat(): string {
  if (built) return built;
  const work = tempDir('heapscope-benchstat-bin-');
  const env = { ...process.env, GOFLAGS: '-mod=mod', GOWORK: 'off' };
  const step = (args: string[]): void => {
    const r = spawnSync('go', args, { cwd: work, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`go ${args.join(' ')}: ${r.stderr}`);
  };
  step(['mod', 'init', 'benchstat.local']);
  step(['get', `golang.org/x/perf/cmd/benchstat@${PERF_VERSION}`]);
  step(['build', '-o', join(work, 'benchstat'), 'golang.org/x/perf/cmd/benchstat']);
  built = join(work, 'benchstat');
  return built;
}

/** benchstat -format csv: per unit, per benchmark row (its name as benchstat shows it), the cells. */
export function benchstatCsv(
  bin: string,
  a: string,
  b: string,
): Map<string, { center1: number; ci1: string; center2: number; ci2: string; delta: string; p: string }> {
  const r = spawnSync(bin, ['-format', 'csv', a, b], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`benchstat: ${r.stderr}`);
  const out = new Map<string, { center1: number; ci1: string; center2: number; ci2: string; delta: string; p: string }>();
  let unit = '';
  for (const line of r.stdout.split('\n')) {
    const cells = line.split(',');
    if (cells.length < 7) continue;
    if (cells[0] === '' && cells[5] === 'vs base') unit = cells[1]!;
    else if (cells[0] && cells[0] !== 'geomean' && unit)
      out.set(`${cells[0]} ${unit}`, {
        center1: Number(cells[1]),
        ci1: cells[2]!,
        center2: Number(cells[3]),
        ci2: cells[4]!,
        delta: cells[5]!,
        p: cells[6]!,
      });
  }
  return out;
}
