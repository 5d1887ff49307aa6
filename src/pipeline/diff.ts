// The diff job: the heap sites that appear, disappear or change between two revisions (B: the working tree by
// default), or between two Go releases on the same code. Each revision is unpacked with git archive into the
// cache (runners/git.ts revisionTree); the user's tree and repository are only read. Outcome partial when heap
// sites were added (or a benchmark regressed), fatal when the comparison is incomplete.

import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { capture } from '../runners/process.js';
import { isDirty, openRepo, releaseRevisions, resolveRevision, revisionTree, type Repo } from '../runners/git.js';
import { removeTempDir } from '../runners/temp-dirs.js';
import { runAB } from '../runners/ab-bench.js';
import { compareBenchmark, type AbBenchmark } from '../model/ab.js';
import { focusModel, loadModel } from './load-model.js';
import { resolveOptions, type EngineOptions, type Outcome, type Output, type Problem } from './options.js';
import { diffModels } from '../join/diff.js';
import type { DiffReport, DiffSide } from '../model/diff.js';
import type { AnalysisModel } from '../model/types.js';
import { reporter } from '../reporters/registry.js';
import { UsageError } from '../errors/errors.js';
import { t } from '../i18n/t.js';

export interface DiffJobOptions extends EngineOptions {
  /** A [B]: two revisions (B: the working tree when left out); with releases, at most one (the code compiled). */
  revisions?: string[];
  /** Two Go releases (go1.26.8, go1.27.4) to compare on the same code, fetched through GOTOOLCHAIN. */
  releases?: string[];
  tests?: boolean;
  /** Also run these benchmarks on both sides, interleaved, and compare them as benchstat does. */
  bench?: string;
  /** Runs of each benchmark on each side. Default: 10. */
  count?: number;
  benchtime?: string;
  timeout?: string;
  /** A significant change worse than this fraction is a regression. Default: 0.05. */
  threshold?: number;
  /** A reporter of reporters/registry.ts that renders a diff. Default: json. */
  format?: string;
  color?: boolean;
}

export interface DiffResult {
  outcome: Outcome;
  problems: Problem[];
  report: DiffReport;
  output: Output;
  /** With bench: both sides' raw go test output (for benchstat). */
  benchOutput?: [string, string];
}

const RELEASE = /^go1\.\d+(\.\d+)?((rc|beta)\d+)?$/;

interface Side {
  side: DiffSide;
  dir: string;
  env: NodeJS.ProcessEnv;
}

function checkSides(args: string[], releases: string[]): void {
  if (releases.length !== 0 && releases.length !== 2) throw new UsageError(t('cli.err.goTwice', { n: releases.length }));
  if (releases.length === 0 && (args.length < 1 || args.length > 2)) throw new UsageError(t('cli.err.diffSides'));
  if (releases.length === 2 && args.length > 1) throw new UsageError(t('cli.err.goOneRevision'));
}

async function toolchain(dir: string, name: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (!RELEASE.test(name)) throw new UsageError(t('cli.err.notRelease', { flag: '--go', value: name }), t('cli.err.hint.release'));
  const v = await capture('go', ['env', 'GOVERSION'], { cwd: dir, env: { ...env, GOTOOLCHAIN: name } });
  if (v.code !== 0)
    throw new UsageError(
      t('cli.err.toolchainUnavailable', {
        flag: '--go',
        value: name,
        goText: v.stderr.split('\n').find((l) => l.trim()) ?? t('cli.err.exitStatus', { code: String(v.code) }),
      }),
    );
  return v.stdout.trim();
}

export async function diff(options: DiffJobOptions): Promise<DiffResult> {
  const format = options.format ?? 'json';
  const render = reporter(format).diff;
  if (!render) throw new UsageError(t('cli.err.noRender', { format, what: 'diff' }));
  const o = resolveOptions(options);
  const { dir, cacheDir } = o;
  const onProgress = o.onProgress;
  const mark = o.phase;
  const host = { env: o.env, cwd: o.cwd };
  const args = options.revisions ?? [];
  const releases = options.releases ?? [];
  const patterns = options.patterns ?? [];
  const flags = {
    tags: o.tags,
    tests: options.tests,
    bench: options.bench,
    benchtime: options.benchtime,
    timeout: options.timeout ?? '10m',
  };
  const count = options.count ?? 10;
  const threshold = options.threshold ?? 0.05;
  const problems: Problem[] = [];
  const note = (message: string): void => void problems.push({ kind: 'note', message });
  checkSides(args, releases);
  o.signal?.throwIfAborted();

  const sides: Side[] = [];
  const tmps: string[] = [];
  try {
    let repo: Repo | null = null;
    const needRepo = args.length > 0;
    if (needRepo) repo = await openRepo(dir, host.env);
    const rel = repo ? relative(repo.top, dir) : '';
    type Code = { dir: string; label: string; revision?: string };
    // Submodules of the revisions (relative to the repository's top), by the label of the revision that has them.
    const submodules = new Map<string, string[]>();
    /** Where each side's copy of the repository's top is: a revision's tree, or the work tree. */
    const tops: string[] = [];
    const checkout = async (rev: string): Promise<Code> => {
      const commit = await resolveRevision(repo!, rev, host.env);
      const tree = await revisionTree(repo!, commit, cacheDir, host.env);
      if (tree.temporary) tmps.push(tree.dir);
      const label = `${rev} (${commit.slice(0, 12)})`;
      // git archive leaves a submodule an empty directory: its packages would look removed (or added).
      const inside = tree.submodules.filter((p) => rel === '' || p === rel || p.startsWith(rel + '/') || rel.startsWith(p + '/'));
      for (const p of inside) submodules.set(p, [...(submodules.get(p) ?? []), label]);
      tops.push(tree.dir);
      const at = join(tree.dir, rel);
      if (!existsSync(join(at, 'go.mod')) && !existsSync(at))
        throw new UsageError(rel ? t('cli.err.revisionNoDir', { rev, dir: rel }) : t('cli.err.revisionNoModule', { rev }));
      return { dir: at, label, revision: commit };
    };
    const workTree = async (): Promise<Code> => {
      if (repo && (await isDirty(repo, host.env))) note(t('cli.note.dirty'));
      tops.push(repo ? repo.top : dir);
      return { dir, label: t('cli.diff.workingTree') };
    };
    if (releases.length === 2) {
      const code = args.length === 1 ? await checkout(args[0]!) : await workTree();
      for (const r of releases) {
        const version = await toolchain(code.dir, r, host.env);
        sides.push({
          side: {
            label: t('cli.diff.releaseOn', { release: r, code: code.label }),
            go: version,
            ...(code.revision ? { revision: code.revision } : {}),
          },
          dir: code.dir,
          env: { ...host.env, GOTOOLCHAIN: r },
        });
      }
    } else {
      const a = await checkout(args[0]!);
      sides.push({ side: { label: a.label, revision: a.revision!, go: '' }, dir: a.dir, env: host.env });
      if (args.length === 2) {
        const b = await checkout(args[1]!);
        sides.push({ side: { label: b.label, revision: b.revision!, go: '' }, dir: b.dir, env: host.env });
      } else {
        const w = await workTree();
        sides.push({ side: { label: w.label, go: '' }, dir: w.dir, env: host.env });
      }
    }
    mark('sides prepared');
    for (const [p, labels] of submodules) note(t('cli.note.submodule', { path: p, sides: labels.join(', ') }));
    const models: AnalysisModel[] = [];
    for (const [i, s] of sides.entries()) {
      o.signal?.throwIfAborted();
      onProgress?.(t('cli.progress.analysingSide', { side: s.side.label, i: i + 1 }));
      const { run, model } = await loadModel({
        dir: s.dir,
        patterns: patterns.length ? patterns : ['./...'],
        tags: flags.tags,
        tests: !!flags.tests,
        cacheDir,
        env: s.env,
        onProgress: (m) => onProgress?.(t('cli.progress.onSide', { side: s.side.label, message: m })),
      });
      for (const m of run.messages) note(t('cli.note.goSide', { side: s.side.label, goText: m }));
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
    const matchedBy = releases.length ? 'position' : 'identity';
    let benchmarks: AbBenchmark[] = [];
    let bench: DiffReport['bench'];
    let raw: [string, string] | undefined;
    if (flags.bench !== undefined) {
      o.signal?.throwIfAborted();
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
      raw = [ab.raw[0], ab.raw[1]];
      benchmarks = ab.samples
        .filter((s) => Object.keys(s.from).length && Object.keys(s.to).length)
        .map((s) => compareBenchmark(s, threshold));
      // A benchmark measured on one side only cannot be compared: it was added, removed, or failed on the other.
      for (const s of ab.samples) {
        if (!Object.keys(s.from).length)
          ab.errors.push(t('cli.note.noRunsNew', { name: `${s.package} ${s.name}`, side: sides[0]!.side.label }));
        else if (!Object.keys(s.to).length)
          ab.errors.push(t('cli.note.noRunsRemoved', { name: `${s.package} ${s.name}`, side: sides[1]!.side.label }));
      }
      if (ab.samples.length === 0) ab.errors.push(t('cli.note.noBenchmarkEitherSide', { pattern: flags.bench }));
      bench = { pattern: flags.bench, count, threshold, errors: ab.errors };
      for (const e of ab.errors) note(e);
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
    const output = render(report, { color: !!options.color, verbose: false, cwd: host.cwd });
    const done = (outcome: Outcome): DiffResult => ({ outcome, problems, report, output, ...(raw ? { benchOutput: raw } : {}) });
    if (bench?.errors.length) {
      problems.push({ kind: 'benchmarks', message: t('cli.problem.comparisonIncomplete') });
      return done('fatal');
    }
    if (report.packages.length) {
      problems.push({
        kind: 'packages',
        message: t('cli.problem.diffNotCompiled', { n: report.packages.length }),
      });
      return done('fatal');
    }
    return done(report.added.length || benchmarks.some((b) => b.regression) ? 'partial' : 'ok');
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
