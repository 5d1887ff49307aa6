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

try {
  console.log(`heapscope bench on ${target} (${spawnSync('go', ['version']).stdout.toString().trim()}, ${process.version})`);
  // Cold: each side gets a fresh, empty build cache.
  const bareCold = measure(bare, env);
  rmSync(gocache, { recursive: true, force: true });
  const hsCold = measure(hs, env);
  // Replay: the build cache is warm (from heapscope's cold run); heapscope's own cache is emptied.
  const bareWarm = measure(bare, env);
  rmSync(hcache, { recursive: true, force: true });
  const hsReplay = measure(hs, env);
  // Warm: both caches warm.
  const hsWarm = measure(hs, env);
  const bareWarm2 = measure(bare, env);
  const bareReplay = bareWarm.seconds < bareWarm2.seconds ? bareWarm : bareWarm2;
  const rows = [
    ['cold (empty caches)', fmt(bareCold), fmt(hsCold), (hsCold.seconds / bareCold.seconds).toFixed(2)],
    ['warm, heapscope cache empty (parses the replay)', fmt(bareReplay), fmt(hsReplay), (hsReplay.seconds / bareReplay.seconds).toFixed(2)],
    ['warm (both caches)', fmt(bareReplay), fmt(hsWarm), (hsWarm.seconds / bareReplay.seconds).toFixed(2)],
  ];
  console.log('| run | go build -gcflags=-m=2 | heapscope analyze --format json | ratio |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);

  // heapscope bench against a plain go test -bench -benchmem of the same benchmarks (warm build cache, the
  // bundled examples): the timing pass is the plain run; the rest is the profiled runs and the listing.
  const ex = join(root, 'examples');
  const goBench = measure(['go', 'test', '-C', ex, '-run', '^$', '-bench', '.', '-benchmem', './'], env);
  const hsBench = measure([process.execPath, cli, 'bench', '--no-progress', '-C', ex, './'], env);
  console.log('');
  console.log('| run | go test -bench . -benchmem | heapscope bench | ratio |');
  console.log('|---|---|---|---|');
  console.log(`| examples/ (13 benchmarks, warm build cache) | ${fmt(goBench)} | ${fmt(hsBench)} | ${(hsBench.seconds / goBench.seconds).toFixed(2)} |`);
} finally {
  rmSync(gocache, { recursive: true, force: true });
  rmSync(hcache, { recursive: true, force: true });
}
