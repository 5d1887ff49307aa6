// heapscope diff A [B]: the heap sites that appear, disappear or change between two revisions (B: the working tree
// by default), or with --go X --go Y between two Go releases on the same code. Each revision is unpacked with git
// archive into the cache (runners/git.ts revisionTree); the user's tree and repository are only read. Exit 1 when
// heap sites were added (or a benchmark regressed), 2 when heapscope could not compare.

import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { capture } from '../runners/process.js';
import { isDirty, openRepo, releaseRevisions, resolveRevision, revisionTree, type Repo } from '../runners/git.js';
import { removeTempDir } from '../runners/temp-dirs.js';
import { runAB } from '../runners/ab-bench.js';
import { compareBenchmark, type AbBenchmark } from '../model/ab.js';
import { checkBenchPattern, checkBenchtime, checkCount, checkTimeout } from './flag-checks.js';
import { openOutput, writeWhole } from './output.js';
import { focusModel, loadModel } from '../pipeline/load-model.js';
import { diffModels } from '../join/diff.js';
import type { DiffReport, DiffSide } from '../model/diff.js';
import type { AnalysisModel } from '../model/types.js';
import { reporter } from '../reporters/registry.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import { commandDir } from './flag-checks.js';
import { phaseTimer, progressPrinter, useColor, type CliIO } from './terminal.js';
import { UsageError } from '../errors/errors.js';
import { applyDefaults, type GivenFlags } from './config-defaults.js';
import { loadConfig } from '../runners/config.js';
import { safeText } from '../model/safe-text.js';
import type { Outcome } from './outcome.js';

export interface DiffFlags extends GivenFlags {
  C?: string;
  tags?: string;
  tests?: boolean;
  go?: string[];
  bench?: string;
  count: string;
  benchtime?: string;
  timeout: string;
  threshold: string;
  benchOutput?: string;
  format: string;
  output?: string;
  cache: boolean;
  color?: boolean;
  progress?: boolean;
}

const RELEASE = /^go1\.\d+(\.\d+)?((rc|beta)\d+)?$/;

interface Side {
  side: DiffSide;
  dir: string;
  env: NodeJS.ProcessEnv;
}

async function toolchain(dir: string, name: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (!RELEASE.test(name)) throw new UsageError(`--go ${name}: not a Go release name`, 'as go1.26.8 or go1.27.4, which GOTOOLCHAIN takes');
  const v = await capture('go', ['env', 'GOVERSION'], { cwd: dir, env: { ...env, GOTOOLCHAIN: name } });
  if (v.code !== 0)
    throw new UsageError(
      `--go ${name}: the go command cannot get that toolchain: ${v.stderr.split('\n').find((l) => l.trim()) ?? `exit ${v.code}`}`,
    );
  return v.stdout.trim();
}

export async function runDiff(args: string[], patterns: string[], flags: DiffFlags, io: CliIO): Promise<Outcome> {
  const dir = commandDir(io.cwd, flags.C);
  applyDefaults(flags, loadConfig(dir, io.cwd), ['tags', 'tests']);
  const render = reporter(flags.format).diff;
  if (!render) throw new Error(`--format ${flags.format} does not render a diff`);
  const releases = flags.go ?? [];
  if (releases.length !== 0 && releases.length !== 2)
    throw new UsageError(`--go is given twice, once for each side (got ${releases.length})`);
  if (releases.length === 0 && (args.length < 1 || args.length > 2))
    throw new UsageError('diff compares two revisions (A [B], B the working tree by default) or two Go releases (--go X --go Y)');
  if (releases.length === 2 && args.length > 1)
    throw new UsageError('with --go, name at most one revision (the code both releases compile)');
  let count = 0;
  let threshold = 0;
  if (flags.bench !== undefined) {
    checkBenchPattern(flags.bench);
    checkTimeout(flags.timeout);
    if (flags.benchtime !== undefined) checkBenchtime(flags.benchtime);
    count = checkCount(flags.count);
    const t = /^(\d+(?:\.\d+)?)%$/.exec(flags.threshold);
    if (!t) throw new UsageError(`--threshold ${flags.threshold}: not a percentage`, 'as 5% or 0.5%');
    threshold = Number(t[1]) / 100;
  }
  const out = openOutput(io, flags.output, flags.format);
  const onProgress = progressPrinter(io, flags.progress);
  const mark = phaseTimer(io);
  const cacheDir = flags.cache ? defaultCacheDir(io.env) : null;

  const sides: Side[] = [];
  const tmps: string[] = [];
  try {
    let repo: Repo | null = null;
    const needRepo = args.length > 0;
    if (needRepo) repo = await openRepo(dir, io.env);
    const rel = repo ? relative(repo.top, dir) : '';
    type Code = { dir: string; label: string; revision?: string };
    // Submodules of the revisions (relative to the repository's top), by the label of the revision that has them.
    const submodules = new Map<string, string[]>();
    /** Where each side's copy of the repository's top is: a revision's tree, or the work tree. */
    const tops: string[] = [];
    const checkout = async (rev: string): Promise<Code> => {
      const commit = await resolveRevision(repo!, rev, io.env);
      const tree = await revisionTree(repo!, commit, cacheDir, io.env);
      if (tree.temporary) tmps.push(tree.dir);
      const label = `${rev} (${commit.slice(0, 12)})`;
      // git archive leaves a submodule an empty directory: its packages would look removed (or added).
      const inside = tree.submodules.filter((p) => rel === '' || p === rel || p.startsWith(rel + '/') || rel.startsWith(p + '/'));
      for (const p of inside) submodules.set(p, [...(submodules.get(p) ?? []), label]);
      tops.push(tree.dir);
      const at = join(tree.dir, rel);
      if (!existsSync(join(at, 'go.mod')) && !existsSync(at)) throw new UsageError(`revision ${rev} has no ${rel || 'module'} directory`);
      return { dir: at, label, revision: commit };
    };
    const workTree = async (): Promise<Code> => {
      if (repo && (await isDirty(repo, io.env)))
        io.stderr('heapscope: the working tree has uncommitted changes; they are part of the working-tree side\n');
      tops.push(repo ? repo.top : dir);
      return { dir, label: 'the working tree' };
    };
    if (releases.length === 2) {
      const code = args.length === 1 ? await checkout(args[0]!) : await workTree();
      for (const r of releases) {
        const version = await toolchain(code.dir, r, io.env);
        sides.push({
          side: { label: `${r} on ${code.label}`, go: version, ...(code.revision ? { revision: code.revision } : {}) },
          dir: code.dir,
          env: { ...io.env, GOTOOLCHAIN: r },
        });
      }
    } else {
      const a = await checkout(args[0]!);
      sides.push({ side: { label: a.label, revision: a.revision!, go: '' }, dir: a.dir, env: io.env });
      if (args.length === 2) {
        const b = await checkout(args[1]!);
        sides.push({ side: { label: b.label, revision: b.revision!, go: '' }, dir: b.dir, env: io.env });
      } else {
        const w = await workTree();
        sides.push({ side: { label: w.label, go: '' }, dir: w.dir, env: io.env });
      }
    }
    mark('sides prepared');
    for (const [p, labels] of submodules)
      io.stderr(
        `heapscope: the submodule at ${safeText(p)} is not part of the tree of ${safeText(labels.join(' and '))} (git archive leaves it out): its packages are not compared\n`,
      );
    const models: AnalysisModel[] = [];
    for (const [i, s] of sides.entries()) {
      onProgress?.(`analysing ${s.side.label} (${i + 1}/2)`);
      const { run, model } = await loadModel({
        dir: s.dir,
        patterns: patterns.length ? patterns : ['./...'],
        tags: flags.tags,
        tests: !!flags.tests,
        cacheDir,
        env: s.env,
        onProgress: (m) => onProgress?.(`${s.side.label}: ${m}`),
      });
      for (const m of run.messages) io.stderr(`heapscope: go (${safeText(s.side.label)}): ${safeText(m)}\n`);
      await focusModel(model, run, { cacheDir, env: s.env });
      s.side.go = model.go.version;
      // Releases on one tree have the same submodules: only revisions leave some out.
      if (submodules.size && releases.length === 0)
        dropUnder(
          model,
          [...submodules.keys()].map((p) => join(tops[i]!, p)),
        );
      models.push(model);
      mark(`analysed ${s.side.label}`);
    }
    onProgress?.done();
    const matchedBy = releases.length ? 'position' : 'identity';
    let benchmarks: AbBenchmark[] = [];
    let bench: DiffReport['bench'];
    if (flags.bench !== undefined) {
      const ab = await runAB(
        [
          { label: sides[0]!.side.label, dir: sides[0]!.dir, env: sides[0]!.env },
          { label: sides[1]!.side.label, dir: sides[1]!.dir, env: sides[1]!.env },
        ],
        {
          patterns: patterns.length ? patterns : ['./...'],
          ...(flags.tags ? { tags: flags.tags } : {}),
          bench: flags.bench,
          count,
          ...(flags.benchtime ? { benchtime: flags.benchtime } : {}),
          timeout: flags.timeout,
          onProgress: (m) => onProgress?.(m),
        },
      );
      onProgress?.done();
      if (flags.benchOutput !== undefined) {
        const base = resolve(io.cwd, flags.benchOutput);
        writeWhole(`${base}.from.txt`, ab.raw[0], '--bench-output');
        writeWhole(`${base}.to.txt`, ab.raw[1], '--bench-output');
      }
      benchmarks = ab.samples
        .filter((s) => Object.keys(s.from).length && Object.keys(s.to).length)
        .map((s) => compareBenchmark(s, threshold));
      // A benchmark measured on one side only cannot be compared: it was added, removed, or failed on the other.
      for (const s of ab.samples) {
        if (!Object.keys(s.from).length)
          ab.errors.push(`${s.package} ${s.name}: no runs on ${sides[0]!.side.label} (new there, or it failed)`);
        else if (!Object.keys(s.to).length)
          ab.errors.push(`${s.package} ${s.name}: no runs on ${sides[1]!.side.label} (removed, or it failed)`);
      }
      if (ab.samples.length === 0) ab.errors.push(`no benchmark matching --bench ${flags.bench} ran on either side`);
      bench = { pattern: flags.bench, count, threshold, errors: ab.errors };
      for (const e of ab.errors) io.stderr(`heapscope: ${safeText(e)}\n`);
      mark('benchmarks run A/B');
    }
    const report: DiffReport = {
      schemaVersion: 1,
      root: dir,
      from: sides[0]!.side,
      to: sides[1]!.side,
      matchedBy,
      ...diffModels(models[0]!, models[1]!, matchedBy),
      benchmarks,
      ...(bench ? { bench } : {}),
      packages: models.flatMap((m, i) =>
        m.packages
          .filter((p) => p.errors.length)
          .map((p) => ({ side: i === 0 ? ('from' as const) : ('to' as const), importPath: p.importPath, errors: p.errors })),
      ),
    };
    const opts = { color: useColor({ ...io, stdoutTTY: out.tty }, flags.color), verbose: false, cwd: io.cwd };
    for (const c of render(report, opts)) out.write(c);
    out.commit();
    if (bench?.errors.length) {
      io.stderr('heapscope: the benchmark comparison is incomplete (above): a gate cannot pass on it\n');
      return 'fatal';
    }
    if (report.packages.length) {
      io.stderr(
        `heapscope: ${report.packages.length} package${report.packages.length === 1 ? '' : 's'} did not compile on one side: the comparison is incomplete\n`,
      );
      return 'fatal';
    }
    return report.added.length || benchmarks.some((b) => b.regression) ? 'partial' : 'ok';
  } finally {
    releaseRevisions();
    for (const t of tmps) await removeTempDir(t);
  }
}

/** Leaves out of the comparison the sites in files under any of these directories. */
function dropUnder(model: AnalysisModel, dirs: string[]): void {
  model.sites = model.sites.filter((s) => {
    const file = isAbsolute(s.file) ? s.file : join(model.root, s.file);
    return !dirs.some((d) => file === d || file.startsWith(d + sep));
  });
}
