// The warm rows of npm run bench: heapscope analyze when Go's build cache already holds the compile, against the
// go command's replay of the same (`go build -gcflags=-m=2` with its cache warm: it prints the cached -m text).
//   replay: heapscope's cache emptied before each run (it parses the go command's replay), zap and std
//   warm: nothing changed since heapscope last ran (its finished report is replayed), zap and std
//   edit: a real change to one function's body in a leaf package of zap (zapio/writer.go, which no other package
//     of the module imports), a new one before each run, against the go command's rebuild after the same kind of
//     edit; both caches warm for everything else. The file is restored afterwards.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, goBuild, goOpts, hsOpts, warmUp, zapEnv, type Bench } from './context.js';
import { alternate, BenchError, rounds, timed } from './measure.js';
import { ratioRow, type Row } from './table.js';

interface Target {
  name: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  patterns: string[];
}

function targets(b: Bench): Target[] {
  return [
    { name: 'zap', cwd: b.zap(), env: zapEnv(b.env), patterns: ['./...'] },
    { name: 'std', cwd: b.root, env: b.env, patterns: ['std'] },
  ];
}

export function replayRows(b: Bench): Row[] {
  const n = rounds('BENCH_WARM_RUNS', 7);
  return targets(b).map((t) => {
    warmUp(b, t.cwd, t.patterns, t.env);
    const hcache = t.env['HEAPSCOPE_CACHE']!;
    const r = alternate(
      n,
      () => {
        rmSync(hcache, { recursive: true, force: true });
        return timed(`replay ${t.name}: heapscope analyze, its cache empty`, analyze(b, ...t.patterns), hsOpts(b, t.cwd, t.env));
      },
      () => timed(`replay ${t.name}: go build -gcflags=-m=2 (replayed)`, goBuild(...t.patterns), goOpts(b, t.cwd, t.env)),
    );
    return ratioRow(
      `\`analyze ${t.patterns.join(' ')}\` on ${t.name}, heapscope's cache empty, Go's warm (${n} pairs)`,
      `the go command's replay: \`go build -gcflags=-m=2 ${t.patterns.join(' ')}\`, warm`,
      1.5,
      r.a,
      r.b,
    );
  });
}

export function warmRows(b: Bench): Row[] {
  const n = rounds('BENCH_WARM_RUNS', 7);
  return targets(b).map((t) => {
    warmUp(b, t.cwd, t.patterns, t.env);
    // The finished report stored (untimed), so that every timed run replays it.
    timed(`warm ${t.name}: heapscope analyze (untimed, stores the report)`, analyze(b, ...t.patterns), hsOpts(b, t.cwd, t.env));
    const r = alternate(
      n,
      () => timed(`warm ${t.name}: heapscope analyze (report replayed)`, analyze(b, ...t.patterns), hsOpts(b, t.cwd, t.env)),
      () => timed(`warm ${t.name}: go build -gcflags=-m=2 (replayed)`, goBuild(...t.patterns), goOpts(b, t.cwd, t.env)),
    );
    return ratioRow(
      `\`analyze ${t.patterns.join(' ')}\` on ${t.name}, nothing changed (the report replayed; ${n} pairs)`,
      `the go command's replay: \`go build -gcflags=-m=2 ${t.patterns.join(' ')}\`, warm`,
      0.8,
      r.a,
      r.b,
    );
  });
}

/** The function whose body each edit changes, and a statement for it that compiles and differs every time. */
const EDITED = 'zapio/writer.go';
const ANCHOR = 'func (w *Writer) Sync() error {\n';
const statement = (k: number): string => `\tif w == nil {\n\t\tpanic(${k})\n\t}\n`;

export function editRows(b: Bench): Row[] {
  const n = rounds('BENCH_EDIT_RUNS', 7);
  const zap = b.zap();
  const env = zapEnv(b.env);
  const file = join(zap, EDITED);
  const original = readFileSync(file, 'utf8');
  if (!original.includes(ANCHOR)) throw new BenchError(`${EDITED} no longer holds \`${ANCHOR.trim()}\`: choose another function to edit`);
  let k = 0;
  const edit = (): void => writeFileSync(file, original.replace(ANCHOR, ANCHOR + statement(++k)));
  try {
    warmUp(b, zap, ['./...'], env);
    // Both caches warm for the module as it stands before the first edit (untimed).
    timed('edit: heapscope analyze ./... (untimed, fills its cache)', analyze(b, './...'), hsOpts(b, zap, env));
    const r = alternate(
      n,
      () => {
        edit();
        return timed(`edit: heapscope analyze ./... after edit ${k}`, analyze(b, './...'), hsOpts(b, zap, env));
      },
      () => {
        edit();
        return timed(`edit: go build -gcflags=-m=2 ./... after edit ${k}`, goBuild('./...'), goOpts(b, zap, env));
      },
    );
    return [
      ratioRow(
        `\`analyze ./...\` on zap after a change to one function's body (${EDITED}, a package nothing in the module imports; ${n} pairs)`,
        "the go command's rebuild of the same: `go build -gcflags=-m=2 ./...`",
        null,
        r.a,
        r.b,
      ),
    ];
  } finally {
    writeFileSync(file, original);
  }
}
