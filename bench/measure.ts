// How npm run bench times one command: wall time, CPU time (user + system of the whole process tree: GNU time's
// %U and %S are the rusage of its child, which holds every descendant the child waited for, such as the go
// command's compiler processes) and peak resident set (%M, the largest single process of the tree). Without
// /usr/bin/time the CPU comes from this process's cutime and cstime (/proc/self/stat), which grow by what each
// waited-for child used, and the resident set is not measured. Both commands' main output (the compiler's -m
// text on stderr, heapscope's report on stdout) goes to /dev/null, so neither pays for a reader.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Sample {
  wall: number;
  /** User + system seconds of the process tree. */
  cpu: number;
  maxRssMiB: number | null;
}

const useTime = existsSync('/usr/bin/time');

/** Thrown for a command that failed or printed what it should not: run.ts prints it in one line, exit 1. */
export class BenchError extends Error {}

/** Children's user + system seconds so far (fields 16 and 17 of /proc/self/stat, in clock ticks of 1/100 s). */
function childrenCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

export interface MeasureOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  scratch: string;
  /** Exit codes that count as success: the go command's 0; heapscope's 0 and 1 (a partial report). */
  ok?: number[];
  /** Keep stderr (heapscope's few lines) in scratch/stderr; the go command's is its -m text, discarded. */
  keepStderr?: boolean;
}

export function measure(cmd: string[], o: MeasureOptions): Sample {
  const timeFile = join(o.scratch, 'time');
  const errFile = join(o.scratch, 'stderr');
  const [bin, args] = useTime ? ['/usr/bin/time', ['-o', timeFile, '-f', '%U %S %M', ...cmd]] : [cmd[0]!, cmd.slice(1)];
  const err = o.keepStderr ? openSync(errFile, 'w') : 'ignore';
  const cpu0 = useTime ? 0 : childrenCpu();
  const t0 = performance.now();
  const r = spawnSync(bin, args, { cwd: o.cwd, env: o.env, stdio: ['ignore', 'ignore', err] });
  const wall = (performance.now() - t0) / 1000;
  if (typeof err === 'number') closeSync(err);
  const ok = o.ok ?? [0];
  if (r.status === null || !ok.includes(r.status)) {
    // heapscope's one-line error (bench/self-rss.ts's line after it left out).
    const lines = o.keepStderr ? readFileSync(errFile, 'utf8').trim().split('\n') : [];
    const detail = lines.filter((l) => l && !l.startsWith('heapscope-self-max-rss-kib')).pop();
    throw new BenchError(`\`${cmd.join(' ')}\` in ${o.cwd} failed (exit ${r.status ?? r.signal})${detail ? `: ${detail}` : ''}`);
  }
  if (!useTime) return { wall, cpu: childrenCpu() - cpu0, maxRssMiB: null };
  const [user, sys, kib] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: user! + sys!, maxRssMiB: Number.isFinite(kib) ? Math.round(kib! / 1024) : null };
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * ROUNDS rounds of A and B, alternating which goes first (A B, B A, ...), so that whatever one run leaves behind
 * (writeback, a cache removed) and the machine's drift fall on both alike; each round is a pair with a ratio of
 * its own. Whatever must precede a measurement (emptying a cache, an edit) belongs inside A and B, untimed.
 */
export function alternate(rounds: number, a: () => Sample, b: () => Sample): { a: Sample[]; b: Sample[] } {
  const out = { a: [] as Sample[], b: [] as Sample[] };
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      out.a.push(a());
      out.b.push(b());
    } else {
      out.b.push(b());
      out.a.push(a());
    }
  }
  return out;
}

const started = performance.now();

/** One line of progress on stderr, with the time since the bench started. */
export function progress(line: string): void {
  const s = Math.round((performance.now() - started) / 1000);
  process.stderr.write(`bench [${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}] ${line}\n`);
}

/** A measurement with a progress line once it is done. */
export function timed(label: string, cmd: string[], o: MeasureOptions): Sample {
  const s = measure(cmd, o);
  progress(`${label}: ${s.wall.toFixed(2)} s wall, ${s.cpu.toFixed(2)} s CPU`);
  return s;
}

/** A round count from the environment (BENCH_*_RUNS), at least 1. */
export function rounds(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new BenchError(`${name}=${v}: a whole number of rounds, at least 1`);
  return n;
}
