// npm run bench: heapscope against the bare go command on the standard library.
//   cold: empty GOCACHE and empty heapscope cache (everything compiled)
//   replay: warm GOCACHE, empty heapscope cache (the go command replays -m output, heapscope parses it)
//   warm: both caches warm (heapscope skips the go command's build entirely)
// Wall time and peak RSS (GNU time's %M, of the process itself or its largest child) per run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'bin', 'heapscope.js');
const target = process.argv[2] ?? 'std';
const useTime = existsSync('/usr/bin/time');

interface Sample {
  seconds: number;
  maxRssMiB: number | null;
}

function measure(cmd: string[], env: NodeJS.ProcessEnv): Sample {
  const args = useTime ? ['-f', '%M', ...cmd] : cmd.slice(1);
  const bin = useTime ? '/usr/bin/time' : cmd[0]!;
  const t0 = performance.now();
  const r = spawnSync(bin, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  const err = r.stderr.toString();
  const lastLine = err.trimEnd().split('\n').pop() ?? '';
  const kb = useTime ? Number(lastLine) : NaN;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd.join(' ')} failed: ${err.slice(-500)}`);
  return { seconds, maxRssMiB: Number.isFinite(kb) ? Math.round(kb / 1024) : null };
}

function fmt(s: Sample): string {
  return `${s.seconds.toFixed(2)} s${s.maxRssMiB !== null ? `, ${s.maxRssMiB} MiB` : ''}`;
}

const gocache = mkdtempSync(join(tmpdir(), 'heapscope-bench-gocache-'));
const hcache = mkdtempSync(join(tmpdir(), 'heapscope-bench-cache-'));
const env = { ...process.env, GOCACHE: gocache, HEAPSCOPE_CACHE: hcache, NO_COLOR: '1' };
const bare = ['go', 'build', '-o', '/dev/null', '-gcflags=-m=2', target];
const hs = [process.execPath, cli, 'analyze', '--format', 'json', '--no-progress', target];

function median(xs: Sample[]): Sample {
  const sorted = [...xs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const coldRuns = Number(process.env['BENCH_COLD_RUNS'] ?? 3);
const warmRuns = Number(process.env['BENCH_WARM_RUNS'] ?? 5);

try {
  console.log(`heapscope bench on ${target} (${spawnSync('go', ['version']).stdout.toString().trim()}, ${process.version}, ${coldRuns} cold and ${warmRuns} warm runs each, medians)`);
  // Cold: each run starts from empty caches; bare and heapscope alternate so drift hits both alike.
  const bareColds: Sample[] = [];
  const hsColds: Sample[] = [];
  for (let i = 0; i < coldRuns; i++) {
    rmSync(gocache, { recursive: true, force: true });
    bareColds.push(measure(bare, env));
    rmSync(gocache, { recursive: true, force: true });
    rmSync(hcache, { recursive: true, force: true });
    hsColds.push(measure(hs, env));
  }
  // Replay: warm build cache, heapscope's own cache emptied before each run.
  const bareWarms: Sample[] = [];
  const hsReplays: Sample[] = [];
  const hsWarms: Sample[] = [];
  for (let i = 0; i < warmRuns; i++) {
    bareWarms.push(measure(bare, env));
    rmSync(hcache, { recursive: true, force: true });
    hsReplays.push(measure(hs, env));
  }
  measure(hs, env); // fill heapscope's cache
  for (let i = 0; i < warmRuns; i++) hsWarms.push(measure(hs, env));
  const [bc, hc, bw, hr, hw] = [median(bareColds), median(hsColds), median(bareWarms), median(hsReplays), median(hsWarms)];
  const rows = [
    ['cold (empty caches)', fmt(bc), fmt(hc), (hc.seconds / bc.seconds).toFixed(2)],
    ['warm build cache, heapscope cache empty (parses the replay)', fmt(bw), fmt(hr), (hr.seconds / bw.seconds).toFixed(2)],
    ['warm (both caches)', fmt(bw), fmt(hw), (hw.seconds / bw.seconds).toFixed(2)],
  ];
  const pairs = bareColds.map((b, i) => (hsColds[i]!.seconds / b.seconds).toFixed(2));
  console.log(`cold runs, paired ratios in order: ${pairs.join(', ')}`);
  console.log('| run | go build -gcflags=-m=2 | heapscope analyze --format json | ratio |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);

  // heapscope bench against a plain go test -bench -benchmem of the same benchmarks, the bundled examples.
  // Both are built once first (untimed), so neither pays for compiling.
  const ex = join(root, 'examples');
  const goBenchCmd = ['go', 'test', '-C', ex, '-run', '^$', '-bench', '.', '-benchmem', './'];
  const hsBenchCmd = [process.execPath, cli, 'bench', '--no-progress', '-C', ex, './'];
  measure(['go', 'test', '-C', ex, '-run', '^$', '-bench', 'NONE', '-benchmem', './'], env);
  measure([process.execPath, cli, 'bench', '--no-progress', '--bench', 'NONE', '-C', ex, './'], env);
  const goBench = measure(goBenchCmd, env);
  const hsBench = measure(hsBenchCmd, env);
  console.log('');
  console.log('| run | go test -bench . -benchmem | heapscope bench | ratio |');
  console.log('|---|---|---|---|');
  console.log(`| examples/ (13 benchmarks, builds warm) | ${fmt(goBench)} | ${fmt(hsBench)} | ${(hsBench.seconds / goBench.seconds).toFixed(2)} |`);
} finally {
  rmSync(gocache, { recursive: true, force: true });
  rmSync(hcache, { recursive: true, force: true });
}
