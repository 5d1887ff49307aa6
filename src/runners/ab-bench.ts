// Benchmarks of two sides (two revisions, or two Go releases on the same code) run A/B: each package's test binary
// built once per side, then `count` rounds, each running both sides' binaries one after the other, the order
// alternating from round to round, so drift of the machine (thermal, other load) falls on both alike rather than
// on whichever side ran second. Each run is one -test.count=1 pass of the matching benchmarks.

import { join } from 'node:path';
import { run } from './process.js';
import { runLimitMs } from './test-binaries.js';
import { listPackages } from './go-list.js';
import { benchPackages } from './bench-packages.js';
import { removeTempDir, tempDir } from './temp-dirs.js';
import { parseBenchText } from '../parsers/bench-text.js';
import { t } from '../i18n/t.js';
import { exitStatus } from './bench-problems.js';

export interface AbSide {
  label: string;
  dir: string;
  env: NodeJS.ProcessEnv;
}

export interface AbOptions {
  patterns: string[];
  tags?: string;
  bench: string;
  count: number;
  benchtime?: string;
  /** go test -timeout for each run; heapscope kills a run's process group itself shortly after (runLimitMs). */
  timeout: string;
  onProgress?: (msg: string) => void;
}

/** One benchmark's samples: per unit (ns/op, B/op, allocs/op, custom), one value per round, on each side. */
export interface AbSamples {
  package: string;
  name: string;
  procs: number;
  from: Record<string, number[]>;
  to: Record<string, number[]>;
}

export interface AbRun {
  samples: AbSamples[];
  /** Each side's output as go test printed it, rounds concatenated: what benchstat reads. */
  raw: [string, string];
  errors: string[];
}

export async function runAB(sides: [AbSide, AbSide], opts: AbOptions): Promise<AbRun> {
  const errors: string[] = [];
  const tmp = tempDir('heapscope-ab-');
  try {
    // The packages whose tests declare a matching benchmark, on the newer side; their directories on each.
    const listed = await Promise.all(sides.map((s) => listPackages({ dir: s.dir, env: s.env, patterns: opts.patterns, tags: opts.tags })));
    const chosen = benchPackages(
      listed[1]!.filter((p) => !p.DepOnly && (p.TestGoFiles?.length || p.XTestGoFiles?.length)),
      opts.bench,
    ).map((p) => p.ImportPath);
    const bins: (string | null)[][] = [[], []];
    const dirs: string[][] = [[], []];
    for (const [si, s] of sides.entries()) {
      for (const [pi, pkg] of chosen.entries()) {
        opts.onProgress?.(t('cli.progress.building', { package: pkg, side: s.label }));
        const bin = join(tmp, `s${si}p${pi}.test`);
        const err: string[] = [];
        const b = await run('go', ['test', '-c', '-o', bin, ...(opts.tags ? [`-tags=${opts.tags}`] : []), pkg], {
          cwd: s.dir,
          env: s.env,
          onStdoutLine: (l) => err.push(l),
          onStderrLine: (l) => err.push(l),
        });
        if (b.code !== 0) errors.push(t('cli.bench.abNoBuild', { package: pkg, side: s.label, goText: err.slice(0, 5).join('; ') }));
        bins[si]!.push(b.code === 0 ? bin : null);
        dirs[si]!.push(listed[si]!.find((p) => p.ImportPath === pkg)?.Dir ?? s.dir);
      }
    }
    const raw: [string[], string[]] = [[], []];
    const samples = new Map<string, AbSamples>();
    const args = [
      '-test.run=^$',
      `-test.bench=${opts.bench}`,
      '-test.benchmem',
      // -test.v prints each benchmark's name as it starts: the one that was running when a run is stopped.
      '-test.v',
      '-test.count=1',
      `-test.timeout=${opts.timeout}`,
      ...(opts.benchtime ? [`-test.benchtime=${opts.benchtime}`] : []),
    ];
    for (let round = 0; round < opts.count; round++) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const [pi, pkg] of chosen.entries()) {
        for (const si of order) {
          const bin = bins[si]![pi];
          if (!bin) continue;
          opts.onProgress?.(t('cli.progress.round', { round: round + 1, count: opts.count, package: pkg, side: sides[si]!.label }));
          const out: string[] = [];
          let running: string | null = null;
          const onLine = (l: string): void => {
            // The name alone on a line is -test.v's: not a result, and not for benchstat.
            if (/^Benchmark\S*$/.test(l)) running = l;
            else out.push(l);
          };
          const r = await run(bin, args, {
            cwd: dirs[si]![pi]!,
            env: sides[si]!.env,
            onStdoutLine: onLine,
            onStderrLine: onLine,
            timeoutMs: runLimitMs(opts.timeout),
          });
          // A header the test binary prints only once per run: kept, so each side's text stands alone for benchstat.
          raw[si as 0 | 1].push(...out);
          const parsed = parseBenchText(out);
          if (r.timedOut) {
            errors.push(
              t('cli.bench.abTimedOut', {
                package: pkg,
                side: sides[si]!.label,
                benchmark: running ?? t('cli.bench.aBenchmark'),
                timeout: opts.timeout,
              }),
            );
            // Every later round would wait as long again: this side of the package is not run any more.
            bins[si]![pi] = null;
          } else if (r.code !== 0 && round === 0)
            errors.push(
              t('cli.bench.abFailed', {
                package: pkg,
                side: sides[si]!.label,
                status: exitStatus(r.code, r.signal),
                lines: out
                  .filter((l) => /FAIL|panic/.test(l))
                  .slice(0, 3)
                  .join('; '),
              }),
            );
          for (const p of parsed.packages)
            for (const b of p.benchmarks) {
              const key = `${pkg}\0${b.name}\0${b.procs}`;
              let s = samples.get(key);
              if (!s) samples.set(key, (s = { package: pkg, name: b.name, procs: b.procs, from: {}, to: {} }));
              const side = si === 0 ? s.from : s.to;
              for (const run of b.runs) {
                if (run.iterations === 0) continue;
                for (const [unit, v] of Object.entries(run.metrics)) (side[unit] ??= []).push(v);
              }
            }
        }
      }
    }
    return { samples: [...samples.values()], raw: [raw[0].join('\n') + '\n', raw[1].join('\n') + '\n'], errors };
  } finally {
    await removeTempDir(tmp);
  }
}
