// The cold rows of npm run bench: heapscope analyze against `go build -gcflags=-m=2` when the compiler has to run.
//   zap-cold: go.uber.org/zap's ./..., a fresh GOCACHE and heapscope cache before every run (its dependencies
//     and the standard library packages it imports compiled too).
//   http-cold: net/http and encoding/json, heapscope's cache empty and Go's build cache warm, as issue 26 words it.
//     Every run starts from a copy of one build cache that holds everything but these two packages' -m=2 compile:
//     it is filled with a plain `go build net/http encoding/json` (their dependencies, and the two with default
//     flags, a different cache key) and with a build of heapscope's go/parser helper (go/srcfacts: its standard
//     library dependencies and its own main package, as any earlier heapscope run leaves them). A copy per run,
//     because each command's run stores the two packages' -m=2 output and the next run of it would replay that.
//   std-cold (only with BENCH_ONLY=std-cold: each run is a minute of both cores): std from empty caches, the bare
//     command timed as the issue states it and with heapscope's compiler flags (-m=2 -dwarf=false), which shows
//     heapscope's own cost apart from what it saves the compiler.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compilerFlags } from '../src/runners/analyze.js';
import { helperEnv } from '../src/runners/source-facts.js';
import { analyze, goBuild, goOpts, hsOpts, zapEnv, type Bench } from './context.js';
import { alternate, progress, rounds, timed, type Sample } from './measure.js';
import { ratioRow, type Row } from './table.js';

/** A run from empty caches: the build cache at GOCACHE and heapscope's at HEAPSCOPE_CACHE removed, untimed. */
function fromScratch(env: NodeJS.ProcessEnv, run: () => Sample): () => Sample {
  return () => {
    rmSync(env['GOCACHE']!, { recursive: true, force: true });
    rmSync(env['HEAPSCOPE_CACHE']!, { recursive: true, force: true });
    return run();
  };
}

function coldEnv(b: Bench, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, GOCACHE: join(b.scratch, 'gocache-cold'), HEAPSCOPE_CACHE: join(b.scratch, 'hcache-cold') };
}

export function zapColdRows(b: Bench): Row[] {
  const n = rounds('BENCH_COLD_RUNS', 5);
  const zap = b.zap();
  const env = coldEnv(b, zapEnv(b.env));
  const r = alternate(
    n,
    fromScratch(env, () => timed('zap cold: heapscope analyze ./...', analyze(b, './...'), hsOpts(b, zap, env))),
    fromScratch(env, () => timed('zap cold: go build -gcflags=-m=2 ./...', goBuild('./...'), goOpts(b, zap, env))),
  );
  return [
    ratioRow(
      `\`analyze ./...\` on zap, fully cold (fresh GOCACHE and heapscope cache every run; ${n} pairs)`,
      '`go build -gcflags=-m=2 ./...`',
      1.0,
      r.a,
      r.b,
    ),
  ];
}

export function httpColdRows(b: Bench): Row[] {
  const n = rounds('BENCH_COLD_RUNS', 5);
  const pkgs = ['net/http', 'encoding/json'];
  const template = join(b.scratch, 'gocache-http-template');
  const env = coldEnv(b, b.env);
  const tplOpts = goOpts(b, b.root, { ...env, GOCACHE: template });
  rmSync(template, { recursive: true, force: true });
  timed(
    'http cold: filling the template build cache (go build net/http encoding/json)',
    ['go', 'build', '-o', '/dev/null', ...pkgs],
    tplOpts,
  );
  // In the environment heapscope builds it in (CGO_ENABLED=0, this machine's GOOS and GOARCH, ...).
  timed('http cold: filling the template build cache (go/srcfacts)', ['go', 'build', '-o', '/dev/null', '.'], {
    ...tplOpts,
    cwd: join(b.root, 'go', 'srcfacts'),
    env: helperEnv(tplOpts.env),
  });
  const fromTemplate = (run: () => Sample) => (): Sample => {
    rmSync(env['GOCACHE']!, { recursive: true, force: true });
    rmSync(env['HEAPSCOPE_CACHE']!, { recursive: true, force: true });
    cpSync(template, env['GOCACHE']!, { recursive: true, preserveTimestamps: true });
    return run();
  };
  const r = alternate(
    n,
    fromTemplate(() => timed('http cold: heapscope analyze net/http encoding/json', analyze(b, ...pkgs), hsOpts(b, b.root, env))),
    fromTemplate(() => timed('http cold: go build -gcflags=-m=2 net/http encoding/json', goBuild(...pkgs), goOpts(b, b.root, env))),
  );
  return [
    ratioRow(
      `\`analyze net/http encoding/json\`, heapscope's cache empty, Go's warm but for the two packages' -m=2 compile (${n} pairs)`,
      '`go build -gcflags=-m=2 net/http encoding/json`',
      1.0,
      r.a,
      r.b,
    ),
  ];
}

export function stdColdRows(b: Bench): Row[] {
  const n = rounds('BENCH_COLD_RUNS', 3);
  const env = coldEnv(b, b.env);
  const version = spawnSync('go', ['env', 'GOVERSION'], { env, encoding: 'utf8' }).stdout.trim();
  const sameFlags = ['go', 'build', '-o', '/dev/null', compilerFlags(version), 'std'];
  const hs: Sample[] = [];
  const bare: Sample[] = [];
  const same: Sample[] = [];
  // Three commands a round, in an order that rotates from round to round.
  const cmds: [Sample[], () => Sample][] = [
    [hs, () => timed('std cold: heapscope analyze std', analyze(b, 'std'), hsOpts(b, b.root, env))],
    [bare, () => timed('std cold: go build -gcflags=-m=2 std', goBuild('std'), goOpts(b, b.root, env))],
    [same, () => timed(`std cold: ${sameFlags.join(' ')}`, sameFlags, goOpts(b, b.root, env))],
  ];
  for (let i = 0; i < n; i++)
    for (let k = 0; k < cmds.length; k++) {
      const [into, run] = cmds[(i + k) % cmds.length]!;
      into.push(fromScratch(env, run)());
    }
  progress('std cold: done');
  return [
    ratioRow(`\`analyze std\`, every cache empty (${n} rounds)`, '`go build -gcflags=-m=2 std`', 1.0, hs, bare),
    ratioRow('the same', `\`${sameFlags.join(' ')}\` (heapscope's compiler flags)`, null, hs, same),
  ];
}
