// What heapscope diff needs of git: where the repository is, what a revision names, and the files of a revision
// that analysis reads, in the cache or a temporary directory (`git archive`, which writes nothing into the
// repository: no worktree entry, no index change).

import { join } from 'node:path';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm, utimes } from 'node:fs/promises';
import { namedTempDir, removeTempDir, tempDir } from './temp-dirs.js';
import { parseEmbedLines, parseLsTree } from '../parsers/git-tree.js';
import { revisionFiles } from '../model/revision-files.js';
import { leftOver, noteGrowth, readRevisionMark, REVISION_MARK, type RevisionMark } from '../cache/cache-dir.js';
import { capture, run } from './process.js';
import { UsageError } from '../errors/errors.js';
import { t } from '../i18n/t.js';

export interface Repo {
  /** The work tree's top directory. */
  top: string;
  shallow: boolean;
}

export async function openRepo(dir: string, env: NodeJS.ProcessEnv): Promise<Repo> {
  const top = await capture('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env });
  if (top.code !== 0)
    throw new UsageError(
      t('cli.err.notGitRepo', { dir, why: top.stderr.split('\n')[0] || t('cli.err.gitExited', { code: String(top.code) }) }),
    );
  const shallow = await capture('git', ['rev-parse', '--is-shallow-repository'], { cwd: dir, env });
  return { top: top.stdout.trim(), shallow: shallow.stdout.trim() === 'true' };
}

/** The commit a revision names; a usage error naming it when it names none. */
export async function resolveRevision(repo: Repo, rev: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (rev.startsWith('-')) throw new UsageError(t('cli.err.notRevision', { value: rev }));
  const r = await capture('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd: repo.top, env });
  if (r.code === 0) return r.stdout.trim();
  if (repo.shallow) throw new UsageError(t('cli.err.unknownRevisionShallow', { rev }), t('cli.err.hint.unshallow'));
  throw new UsageError(t('cli.err.unknownRevision', { rev }), t('cli.err.hint.revision'));
}

/** Whether the work tree has changes git would commit (they are part of the work-tree side of a diff). */
export async function isDirty(repo: Repo, env: NodeJS.ProcessEnv): Promise<boolean> {
  const r = await capture('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repo.top, env });
  return r.code === 0 && r.stdout.trim() !== '';
}

/** Bytes of pathspecs per git archive: well under the kernel's limit on a command line (2 MiB with the environment). */
const ARCHIVE_ARGS = 100 * 1024;

/**
 * Writes the files of `commit` that analysis reads into `into` (which exists and is empty): the tree is listed
 * (`git ls-tree`, with sizes and submodules), its `//go:embed` lines read (`git grep` on the commit), the files
 * chosen (model/revision-files.ts says how and why), and only those unpacked (`git archive COMMIT -- PATHS`, in
 * batches of literal pathspecs so that no path is read as a pattern and no command line is too long).
 */
export async function extractRevision(repo: Repo, commit: string, into: string, env: NodeJS.ProcessEnv): Promise<RevisionMark> {
  const git = async (args: string[], ok = [0]): Promise<string> => {
    const r = await capture('git', ['--literal-pathspecs', ...args], { cwd: repo.top, env });
    if (r.code === null || !ok.includes(r.code))
      throw new Error(`git ${args[0]} ${commit} failed: ${r.stderr.split('\n')[0] || `exit ${r.code}`}`);
    return r.stdout;
  };
  const listing = parseLsTree(await git(['ls-tree', '-r', '-z', '-l', '--full-tree', commit]));
  // Exit 1: no Go file embeds anything. The pathspec is a pattern here (and only here).
  const grep = await capture(
    'git',
    [
      // The user's grep settings must not change the output's shape (grep.column came with git 2.19; an older
      // git ignores the setting, where it would refuse --no-column).
      '-c',
      'grep.column=false',
      '-c',
      'grep.fullName=false',
      'grep',
      '-z',
      '-I',
      '-E',
      '--no-color',
      '--no-line-number',
      '-e',
      '^[[:space:]]*//go:embed([[:space:]]|$)',
      commit,
      '--',
      '*.go',
    ],
    { cwd: repo.top, env },
  );
  if (grep.code !== 0 && grep.code !== 1)
    throw new Error(`git grep ${commit} failed: ${grep.stderr.split('\n')[0] || `exit ${grep.code}`}`);
  const chosen = revisionFiles(listing, parseEmbedLines(grep.stdout, `${commit}:`));
  const tar = join(into, '.heapscope-revision.tar');
  for (let i = 0; i < chosen.files.length;) {
    const batch: string[] = [];
    for (let n = 0; i < chosen.files.length && (batch.length === 0 || n + chosen.files[i]!.length < ARCHIVE_ARGS); i++) {
      n += chosen.files[i]!.length + 1;
      batch.push(chosen.files[i]!);
    }
    await git(['archive', '--format=tar', '-o', tar, commit, '--', ...batch]);
    const x = await run('tar', ['-xf', tar, '-C', into], { cwd: into, env });
    if (x.code !== 0) throw new Error(`tar could not unpack revision ${commit} (exit ${x.code ?? x.signal})`);
    await rm(tar, { force: true });
  }
  return { bytes: chosen.bytes, submodules: chosen.submodules };
}

export interface RevisionTree {
  dir: string;
  /** A directory of the run's own, which the caller removes (without a cache). */
  temporary: boolean;
  /** Where the commit has submodules: git archive leaves them empty, so their packages are not in the tree. */
  submodules: string[];
}

/** The in-use marks this process wrote: a concurrent run's trim leaves those revisions alone. */
const marks = new Set<string>();
let hooked = false;

/** Removes this process's in-use marks (when its diff is done; at exit at the latest). */
export function releaseRevisions(): void {
  for (const m of marks) rmSync(m, { force: true });
  marks.clear();
}

/** Removes the revisions/*.PID.tmp trees of runs that ended (stopped before they could). */
function removeLeftovers(revisions: string): void {
  for (const f of readdirSync(revisions)) {
    if (!/^[0-9a-f]{40,64}\.\d+\.tmp$/.test(f)) continue;
    const p = join(revisions, f);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st && leftOver(f, st.mtimeMs)) rmSync(p, { recursive: true, force: true });
  }
}

/**
 * The tree of a commit to analyse, and whether the caller removes it. With a cache directory it is kept there
 * (revisions/<commit>: a commit's files never change), so the next diff against the same commit finds the go
 * command's build cache and heapscope's facts for that directory warm; it is written beside and renamed into place,
 * and the cache's bound removes the least recently used (not one a running diff marked as in use). Without one, a
 * temporary directory.
 */
export async function revisionTree(repo: Repo, commit: string, cacheDir: string | null, env: NodeJS.ProcessEnv): Promise<RevisionTree> {
  if (cacheDir && /^[0-9a-f]{40,64}$/.test(commit)) {
    const revisions = join(cacheDir, 'revisions');
    const final = join(revisions, commit);
    const tmp = `${final}.${process.pid}.tmp`;
    try {
      mkdirSync(revisions, { recursive: true });
      removeLeftovers(revisions);
      const mark = `${final}.${process.pid}.use`;
      if (!hooked) process.once('exit', releaseRevisions);
      hooked = true;
      marks.add(mark);
      writeFileSync(mark, '');
      const had = readRevisionMark(final);
      if (had) {
        const now = new Date();
        await utimes(final, now, now).catch(() => {});
        return { dir: final, temporary: false, submodules: had.submodules };
      }
      namedTempDir(tmp);
      const got = await extractRevision(repo, commit, tmp, env);
      writeFileSync(join(tmp, REVISION_MARK), JSON.stringify(got));
      try {
        renameSync(tmp, final);
      } catch {
        // Another run put it there first (or a damaged copy without the mark is in the way): use a fresh one.
        if (!readRevisionMark(final)) {
          rmSync(final, { recursive: true, force: true });
          renameSync(tmp, final);
        }
      }
      noteGrowth(cacheDir, got.bytes);
      return { dir: final, temporary: false, submodules: got.submodules };
    } catch {
      // An unwritable cache only costs speed.
    } finally {
      await removeTempDir(tmp);
    }
  }
  const dir = tempDir('heapscope-diff-');
  const got = await extractRevision(repo, commit, dir, env);
  return { dir, temporary: true, submodules: got.submodules };
}
