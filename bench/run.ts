// npm run bench: every path of issue 26 timed side by side with the bare go command, printed as one Markdown
// table ready for the README (path, what it is measured against, the target, both sides' median wall and CPU
// time, the ratios, met or not). Progress and an estimate of the whole run go to stderr.
//
// Method: each row alternates heapscope and the command it is measured against in pairs (A B, B A, ...), with the
// cache state each row names set up untimed before every run; a row gives the ratio of the medians and the
// pairs' own ratios (their median and range: noise on a shared machine moves both members of a pair less than
// runs minutes apart). CPU is user + system of the whole process tree (bench/measure.ts). A row with a target is
// met when the wall ratio of its medians is at or under it.
//
// Parts, in the order they run (BENCH_ONLY=<part>[,<part>...] runs only those):
//   zap-cold   `analyze ./...` on go.uber.org/zap v1.28.0, fresh GOCACHE and heapscope cache every run (cold-rows.ts)
//   http-cold  `analyze net/http encoding/json`, heapscope's cache empty, Go's warm but for their -m=2 compile
//   replay     heapscope's cache empty, Go's warm: zap and std, against the go command's replay (warm-rows.ts)
//   warm       nothing changed (the report replayed): zap and std, against the go command's replay
//   edit       zap after a change to one function's body, against the go command's rebuild after the same
//   bench      `heapscope bench` on examples/, default and 100ms bench time, against go test -bench (bench-rows.ts)
//   memory     heapscope's own peak RSS on std, its cache empty and replayed, json/text/html (memory-rows.ts)
//   lsp        heapscope lsp on zap: first diagnostics, saves, hovers, memory (lsp-timings.ts)
// Not in the default run: std-cold (std from empty caches; three cold std builds a round, about three minutes of
// both cores) and page (the HTML report in headless Chromium, its own table; page-timings.ts).
// Round counts: BENCH_COLD_RUNS (zap-cold, http-cold: 5; std-cold: 3), BENCH_WARM_RUNS (replay, warm: 7),
// BENCH_EDIT_RUNS (7), BENCH_BENCH_RUNS (5), BENCH_LSP_RUNS (5), BENCH_LSP_SAVES (100), BENCH_PAGE_RUNS (5).
// The std rows (replay, warm, memory) first fill Go's build cache with std compiled by both commands (untimed,
// two cold builds of std). A failed command or an unexpected output stops the bench: one line, exit 1.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBench, versions, type Bench } from './context.js';
import { httpColdRows, stdColdRows, zapColdRows } from './cold-rows.js';
import { editRows, replayRows, warmRows } from './warm-rows.js';
import { benchRows } from './bench-rows.js';
import { memoryRows } from './memory-rows.js';
import { lspRows } from './lsp-timings.js';
import { pageRows } from './page-rows.js';
import { BenchError, progress } from './measure.js';
import { renderTable, type Row } from './table.js';

interface Part {
  run: (b: Bench) => Row[] | Promise<Row[]>;
  inDefault: boolean;
  /** Seconds on a quiet 2-core machine at the default round counts, for the estimate. */
  estimate: () => number;
  /** Untimed fills it needs first (each done once per bench): 'zap' and 'std' builds. */
  fills: ('zap' | 'std')[];
}

const env = (name: string, fallback: number): number => Number(process.env[name] || fallback);
const PARTS: Record<string, Part> = {
  'zap-cold': { run: zapColdRows, inDefault: true, fills: [], estimate: () => 2 * env('BENCH_COLD_RUNS', 5) * 40 },
  'http-cold': { run: httpColdRows, inDefault: true, fills: [], estimate: () => 40 + 2 * env('BENCH_COLD_RUNS', 5) * 25 },
  replay: { run: replayRows, inDefault: true, fills: ['zap', 'std'], estimate: () => env('BENCH_WARM_RUNS', 7) * 13 },
  warm: { run: warmRows, inDefault: true, fills: ['zap', 'std'], estimate: () => 12 + env('BENCH_WARM_RUNS', 7) * 4 },
  edit: { run: editRows, inDefault: true, fills: ['zap'], estimate: () => 5 + env('BENCH_EDIT_RUNS', 7) * 6 },
  bench: { run: benchRows, inDefault: true, fills: [], estimate: () => 45 + env('BENCH_BENCH_RUNS', 5) * 55 },
  memory: { run: memoryRows, inDefault: true, fills: ['std'], estimate: () => 45 },
  lsp: {
    run: lspRows,
    inDefault: true,
    fills: ['zap'],
    estimate: () => 30 + env('BENCH_LSP_RUNS', 5) * 10 + 7 * 8 + env('BENCH_LSP_SAVES', 100) * 2.5,
  },
  'std-cold': { run: stdColdRows, inDefault: false, fills: [], estimate: () => env('BENCH_COLD_RUNS', 3) * 3 * 65 },
  page: { run: pageRows, inDefault: false, fills: [], estimate: () => 160 },
};
const FILL_SECONDS = { zap: 2 * 40, std: 2 * 65 };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const only = process.env['BENCH_ONLY'];
const names = only ? only.split(',').map((s) => s.trim()) : Object.keys(PARTS).filter((p) => PARTS[p]!.inDefault);
const scratch = mkdtempSync(join(tmpdir(), 'heapscope-bench-'));
// Interrupted, it still removes its scratch directory (build caches of several GB): the signal reaches the command
// running too, and is handled here once that command has ended.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    rmSync(scratch, { recursive: true, force: true });
    process.stderr.write(`bench: interrupted (${signal})\n`);
    process.exit(130);
  });
const rows: Row[] = [];
let title = '';
try {
  const unknown = names.filter((n) => !(n in PARTS));
  if (unknown.length) throw new BenchError(`BENCH_ONLY=${only}: no part ${unknown.join(', ')} (parts: ${Object.keys(PARTS).join(', ')})`);
  const fills = new Set(names.flatMap((n) => PARTS[n]!.fills));
  const total = names.reduce((s, n) => s + PARTS[n]!.estimate(), 0) + [...fills].reduce((s, f) => s + FILL_SECONDS[f], 0);
  // The load at the start: on a shared machine, what to read the wall ratios against.
  title = `heapscope against the go command (${versions()}; medians of alternated pairs; load average ${loadavg()[0]!.toFixed(1)} at the start)`;
  progress(`${names.join(', ')}: about ${Math.ceil(total / 60)} minutes on a quiet 2-core machine`);
  const b = makeBench(root, scratch);
  for (const [i, name] of names.entries()) {
    const left = names.slice(i).reduce((s, n) => s + PARTS[n]!.estimate(), 0);
    progress(`${name}: starting (part ${i + 1} of ${names.length}; about ${Math.ceil(left / 60)} min of parts left, fills aside)`);
    rows.push(...(await PARTS[name]!.run(b)));
  }
  progress('done');
} catch (e) {
  process.exitCode = 1;
  process.stderr.write(`bench: ${(e as Error).message.split('\n')[0]}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
  if (rows.length) console.log(renderTable(title, rows));
}
