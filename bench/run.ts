// npm run bench: heapscope against the bare go command on the standard library.
//   cold: empty GOCACHE and empty heapscope cache (everything compiled); the bare command is timed twice: as
//         the issue states it (`go build -gcflags=-m=2`), and with the compiler flags heapscope passes
//         (`-m=2 -dwarf=false`), which does the same escape analysis without the debug information nobody
//         reads, so that heapscope's own cost shows apart from what it saves the compiler
//   replay: warm GOCACHE, empty heapscope cache (the go command replays -m output, heapscope parses it)
//   model: both caches warm, no finished report (facts loaded from the cache, joined and rendered again; what
//          a re-run costs for the packages an edit did not touch)
//   warm: nothing changed since the same command last ran (the finished report is replayed)
//   memory (also alone with BENCH_ONLY=memory): heapscope's own peak RSS, its process alone, parsing the replay
//          of std and of go/types (the largest package's output), in JSON and text
//   lsp (also alone with BENCH_ONLY=lsp): heapscope lsp on go.uber.org/zap (bench/lsp-timings.ts)
// Wall time and peak RSS (GNU time's %M, of the process itself or its largest child) per run. Both commands'
// main output (the compiler's stderr, heapscope's report) goes to /dev/null, so neither pays for a reader.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilerFlags } from '../src/runners/analyze.js';
import { timePage, withBrowser, type PageTiming } from './page-timings.js';
import { lspRows } from './lsp-timings.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'bin', 'heapscope.js');
const target = process.argv[2] ?? 'std';
const useTime = existsSync('/usr/bin/time');

interface Sample {
  seconds: number;
  maxRssMiB: number | null;
}

const scratch = mkdtempSync(join(tmpdir(), 'heapscope-bench-'));

function measure(cmd: string[], env: NodeJS.ProcessEnv): Sample {
  const timeFile = join(scratch, 'time');
  const errFile = join(scratch, 'stderr');
  const args = useTime ? ['-o', timeFile, '-f', '%M', ...cmd] : cmd.slice(1);
  const bin = useTime ? '/usr/bin/time' : cmd[0]!;
  // The go command's -m output is its stderr: discard it like heapscope's report; keep heapscope's few lines.
  const isGo = cmd[0] === 'go';
  const err = isGo ? 'ignore' : openSync(errFile, 'w');
  const t0 = performance.now();
  const r = spawnSync(bin, args, { cwd: root, env, stdio: ['ignore', 'ignore', err] });
  const seconds = (performance.now() - t0) / 1000;
  if (typeof err === 'number') closeSync(err);
  if (r.status !== 0 && r.status !== 1) {
    const detail = isGo ? `exit ${r.status}` : readFileSync(errFile, 'utf8').slice(-500);
    throw new Error(`${cmd.join(' ')} failed: ${detail}`);
  }
  const kb = useTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { seconds, maxRssMiB: Number.isFinite(kb) ? Math.round(kb / 1024) : null };
}

function fmt(s: Sample): string {
  return `${s.seconds.toFixed(2)} s${s.maxRssMiB !== null ? `, ${s.maxRssMiB} MiB` : ''}`;
}

const gocache = join(scratch, 'gocache');
const hcache = join(scratch, 'hcache');
const env = { ...process.env, GOCACHE: gocache, HEAPSCOPE_CACHE: hcache, NO_COLOR: '1' };
const bare = ['go', 'build', '-o', '/dev/null', '-gcflags=-m=2', target];
const hs = [process.execPath, cli, 'analyze', '--format', 'json', '--no-progress', target];
const hsNoCache = [process.execPath, cli, 'analyze', '--no-cache', '--format', 'json', '--no-progress', target];
const bareSame = ['go', 'build', '-o', '/dev/null', '-gcflags=-m=2 -dwarf=false', target];

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
function medianSample(xs: Sample[]): Sample {
  const sorted = [...xs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const coldRuns = Number(process.env['BENCH_COLD_RUNS'] ?? 5);
const warmRuns = Number(process.env['BENCH_WARM_RUNS'] ?? 7);

/**
 * heapscope bench against a plain go test -bench -benchmem of the same benchmarks, the bundled examples: at the
 * default bench time, and short (-benchtime 20000x), where heapscope's own work (its analysis, the listing, the
 * profiled runs) weighs most. Both are built first (untimed), so neither pays for compiling; rounds alternate
 * which goes first, and each gives a ratio of its own.
 */
function benchRows(): void {
  const ex = join(root, 'examples');
  const rounds = Number(process.env['BENCH_BENCH_RUNS'] ?? 7);
  measure(['go', 'test', '-C', ex, '-run', '^$', '-bench', 'NONE', '-benchmem', './'], env);
  measure([process.execPath, cli, 'bench', '--no-progress', '--bench', 'NONE', '-C', ex, './'], env);
  console.log('');
  console.log(`| run (${rounds} rounds, medians) | go test -bench -benchmem | heapscope bench | ratio of medians (pairs) |`);
  console.log('|---|---|---|---|');
  for (const [label, extra] of [
    ['examples/, default bench time (13 benchmarks)', [] as string[]],
    ['examples/, short: -benchtime 20000x', ['-benchtime', '20000x']],
  ] as const) {
    const goCmd = ['go', 'test', '-C', ex, '-run', '^$', '-bench', '.', '-benchmem', ...extra, './'];
    const hsCmd = [process.execPath, cli, 'bench', '--no-progress', ...(extra.length ? ['--benchtime', extra[1]!] : []), '-C', ex, './'];
    const gos: Sample[] = [];
    const hss: Sample[] = [];
    for (let i = 0; i < rounds; i++) {
      if (i % 2 === 0) {
        gos.push(measure(goCmd, env));
        hss.push(measure(hsCmd, env));
      } else {
        hss.push(measure(hsCmd, env));
        gos.push(measure(goCmd, env));
      }
    }
    const pairs = gos.map((g, i) => hss[i]!.seconds / g.seconds);
    const [g, h] = [medianSample(gos), medianSample(hss)];
    console.log(
      `| ${label} | ${fmt(g)} | ${fmt(h)} | ${(h.seconds / g.seconds).toFixed(2)} (pairs: median ${median(pairs).toFixed(2)}, ${pairs.map((x) => x.toFixed(2)).join(' ')}) |`,
    );
  }
}

try {
  if (process.env['BENCH_ONLY'] === 'bench') benchRows();
  else if (process.env['BENCH_ONLY'] === 'memory') memoryRows();
  else if (process.env['BENCH_ONLY'] === 'page') await pageRows();
  else if (process.env['BENCH_ONLY'] === 'lsp') await lspRows(cli, scratch, env);
  else {
    analyzeRows();
    memoryRows();
    await pageRows();
    await lspRows(cli, scratch, env);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** heapscope analyze against the bare go command on the target (std by default), then the bench rows. */
function analyzeRows(): void {
  console.log(
    `heapscope bench on ${target} (${spawnSync('go', ['version']).stdout.toString().trim()}, ${process.version}, ${coldRuns} cold and ${warmRuns} warm runs each, medians)`,
  );
  // Cold: each run starts from empty caches; bare and heapscope alternate so drift hits both alike, and each
  // pair gives a ratio of its own (the machine's noise moves both members of a pair less than it moves runs
  // minutes apart). The order rotates, so that whatever a run leaves behind (the removal of its caches,
  // writeback) falls on every command alike. Each round also times the bare command with heapscope's
  // compiler flags.
  const bareColds: Sample[] = [];
  const sameColds: Sample[] = [];
  const hsColds: Sample[] = [];
  const cold: (() => void)[] = [
    () => {
      rmSync(gocache, { recursive: true, force: true });
      bareColds.push(measure(bare, env));
    },
    () => {
      rmSync(gocache, { recursive: true, force: true });
      sameColds.push(measure(bareSame, env));
    },
    () => {
      rmSync(gocache, { recursive: true, force: true });
      rmSync(hcache, { recursive: true, force: true });
      hsColds.push(measure(hs, env));
    },
  ];
  for (let i = 0; i < coldRuns; i++) for (let k = 0; k < cold.length; k++) cold[(i + k) % cold.length]!();
  const bareWarms: Sample[] = [];
  const hsReplays: Sample[] = [];
  const hsModels: Sample[] = [];
  const hsWarms: Sample[] = [];
  const pairRatios = { replay: [] as number[], model: [] as number[], warm: [] as number[] };
  // The cold rounds leave the build cache of whichever command ran last; fill it for both sets of compiler
  // flags (untimed), so that every warm run below replays.
  measure(bare, env);
  measure(hsNoCache, env);
  for (let i = 0; i < warmRuns; i++) {
    const b = measure(bare, env);
    bareWarms.push(b);
    rmSync(hcache, { recursive: true, force: true });
    const r = measure(hs, env);
    hsReplays.push(r);
    rmSync(join(hcache, 'results'), { recursive: true, force: true });
    const m = measure(hs, env);
    hsModels.push(m);
    const w = measure(hs, env);
    hsWarms.push(w);
    pairRatios.replay.push(r.seconds / b.seconds);
    pairRatios.model.push(m.seconds / b.seconds);
    pairRatios.warm.push(w.seconds / b.seconds);
  }
  const coldPairs = bareColds.map((b, i) => hsColds[i]!.seconds / b.seconds);
  const samePairs = sameColds.map((b, i) => hsColds[i]!.seconds / b.seconds);
  const [bc, hc, bw] = [medianSample(bareColds), medianSample(hsColds), medianSample(bareWarms)];
  const row = (label: string, b: Sample, h: Sample, pairs: number[]): string[] => [
    label,
    fmt(b),
    fmt(h),
    `${(h.seconds / b.seconds).toFixed(2)} (pairs: median ${median(pairs).toFixed(2)}, ${pairs.map((x) => x.toFixed(2)).join(' ')})`,
  ];
  const rows = [
    row('cold (empty caches)', bc, hc, coldPairs),
    row("cold, the bare command with heapscope's compiler flags (`-gcflags='-m=2 -dwarf=false'`)", medianSample(sameColds), hc, samePairs),
    row('replay: warm build cache, heapscope cache empty (parses the replay)', bw, medianSample(hsReplays), pairRatios.replay),
    row('model: both caches warm, no finished report (load, join, render)', bw, medianSample(hsModels), pairRatios.model),
    row('warm: nothing changed (finished report replayed)', bw, medianSample(hsWarms), pairRatios.warm),
  ];
  console.log('| run | go build -gcflags=-m=2 | heapscope analyze --format json | ratio of medians (pairs) |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);

  benchRows();
}

/**
 * The HTML report of the examples and of the target in headless Chromium (bench/page-timings.ts): its size, the
 * time to its summary, and to a site's detail after a click; the medians of five page loads each.
 */
async function pageRows(): Promise<void> {
  const pageRuns = Number(process.env['BENCH_PAGE_RUNS'] ?? 5);
  console.log('');
  console.log(
    `| html report (${pageRuns} loads, medians) | file size | writing it (warm go cache, no replay) against --format json | first paint (summary shown) | Chromium's first contentful paint | whole data decoded | click on a site to its detail |`,
  );
  console.log('|---|---|---|---|---|---|---|');
  const targets: [string, string[]][] = [
    ['examples', ['-C', join(root, 'examples'), '--tests']],
    [target, [target]],
  ];
  await withBrowser(async (browser) => {
    for (const [name, args] of targets) {
      const file = join(scratch, `${name.replaceAll('/', '_')}.html`);
      const html = [process.execPath, cli, 'analyze', '--no-cache', '--format', 'html', '-o', file, '--no-progress', ...args];
      const json = [process.execPath, cli, 'analyze', '--no-cache', '--format', 'json', '--no-progress', ...args];
      measure(html, env); // fills the go command's cache
      const writes = [0, 1, 2].map(() => [measure(html, env).seconds, measure(json, env).seconds] as const);
      const write = { html: median(writes.map((w) => w[0])), json: median(writes.map((w) => w[1])) };
      const runs: PageTiming[] = [];
      for (let i = 0; i < pageRuns; i++) runs.push(await timePage(browser, `file://${file}`));
      const mib = statSync(file).size / (1 << 20);
      const fcps = runs.map((r) => r.fcpMs).filter((x): x is number => x !== null);
      console.log(
        `| ${name} | ${mib.toFixed(2)} MiB | ${write.html.toFixed(2)} s against ${write.json.toFixed(2)} s (${(write.html / write.json).toFixed(2)}) | ${median(runs.map((r) => r.firstPaintMs)).toFixed(0)} ms | ${fcps.length ? `${median(fcps).toFixed(0)} ms` : '?'} | ${median(runs.map((r) => r.completeMs)).toFixed(0)} ms | ${median(runs.map((r) => r.selectMs)).toFixed(0)} ms |`,
      );
    }
  });
}

/**
 * heapscope's own peak memory (its process alone, not the compiler's) when it parses the go command's replay of
 * a large output: std (151 MB of -m=2 text) and go/types alone (the largest package's, tens of MB), in both
 * formats. The first run of each fills the go command's cache and is not counted.
 */
function memoryRows(): void {
  const selfRss = join(root, 'dist', 'bench', 'self-rss.js');
  console.log('');
  console.log("| heapscope's own peak RSS, replay (warm go cache, empty heapscope cache) | --format json | --format text |");
  console.log('|---|---|---|');
  for (const pkg of ['std', 'go/types']) {
    const cells: string[] = [];
    for (const format of ['json', 'text']) {
      rmSync(hcache, { recursive: true, force: true });
      const cmd = [process.execPath, '--import', selfRss, cli, 'analyze', '--format', format, '--no-progress', pkg];
      measure(cmd, env); // fills GOCACHE on the first use
      rmSync(hcache, { recursive: true, force: true });
      const errFile = join(scratch, 'stderr');
      const s = measure(cmd, env);
      const m = /heapscope-self-max-rss-kib (\d+)/.exec(readFileSync(errFile, 'utf8'));
      cells.push(`${m ? Math.round(Number(m[1]) / 1024) : '?'} MiB (${s.seconds.toFixed(2)} s)`);
    }
    // The go command replays heapscope's compile from its cache: the size of the text heapscope parsed.
    const version = spawnSync('go', ['env', 'GOVERSION'], { cwd: root, env }).stdout.toString().trim();
    const size = spawnSync('go', ['build', '-o', '/dev/null', compilerFlags(version), pkg], { cwd: root, env, maxBuffer: 1 << 30 });
    const mb = (size.stderr?.length ?? 0) / 1e6;
    console.log(`| ${pkg} (${mb.toFixed(0)} MB of -m=2 text) | ${cells[0]} | ${cells[1]} |`);
  }
}
