// What heapscope diff needs of git: where the repository is, what a revision names, and a revision's files in a
// temporary directory (`git archive`, which writes nothing into the repository: no worktree entry, no index change).

import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tempDir } from './temp-dirs.js';
import { capture, run } from './process.js';
import { UsageError } from '../errors/errors.js';

export interface Repo {
  /** The work tree's top directory. */
  top: string;
  shallow: boolean;
}

export async function openRepo(dir: string, env: NodeJS.ProcessEnv): Promise<Repo> {
  const top = await capture('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env });
  if (top.code !== 0) throw new UsageError(`${dir} is not in a git repository (${top.stderr.split('\n')[0] || `git exited ${top.code}`})`);
  const shallow = await capture('git', ['rev-parse', '--is-shallow-repository'], { cwd: dir, env });
  return { top: top.stdout.trim(), shallow: shallow.stdout.trim() === 'true' };
}

/** The commit a revision names; a usage error naming it when it names none. */
export async function resolveRevision(repo: Repo, rev: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (rev.startsWith('-')) throw new UsageError(`${rev}: not a revision`);
  const r = await capture('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd: repo.top, env });
  if (r.code === 0) return r.stdout.trim();
  if (repo.shallow)
    throw new UsageError(
      `unknown revision ${rev}: this clone is shallow and may not have it`,
      `fetch it first (git fetch --unshallow, or actions/checkout with fetch-depth: 0)`,
    );
  throw new UsageError(`unknown revision ${rev}`, 'a branch, tag or commit git rev-parse knows');
}

/** Whether the work tree has changes git would commit (they are part of the work-tree side of a diff). */
export async function isDirty(repo: Repo, env: NodeJS.ProcessEnv): Promise<boolean> {
  const r = await capture('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repo.top, env });
  return r.code === 0 && r.stdout.trim() !== '';
}

/** Writes the files of `commit` into `into` (which exists and is empty). */
export async function extractRevision(repo: Repo, commit: string, into: string, env: NodeJS.ProcessEnv): Promise<void> {
  const tar = join(into, '.heapscope-revision.tar');
  const a = await run('git', ['archive', '--format=tar', '-o', tar, commit], { cwd: repo.top, env });
  if (a.code !== 0) throw new Error(`git archive ${commit} failed (exit ${a.code ?? a.signal})`);
  const x = await run('tar', ['-xf', tar, '-C', into], { cwd: into, env });
  if (x.code !== 0) throw new Error(`tar could not unpack revision ${commit} (exit ${x.code ?? x.signal})`);
  await run('rm', ['-f', tar], { cwd: into, env });
}

const COMPLETE = '.heapscope-complete';

/**
 * The tree of a commit to analyse, and whether the caller removes it. With a cache directory it is kept there
 * (revisions/<commit>: a commit's files never change), so the next diff against the same commit finds the go
 * command's build cache and heapscope's facts for that directory warm; it is written beside and renamed into place,
 * and the cache's bound removes the least recently used. Without one, a temporary directory.
 */
export async function revisionTree(
  repo: Repo,
  commit: string,
  cacheDir: string | null,
  env: NodeJS.ProcessEnv,
): Promise<{ dir: string; temporary: boolean }> {
  if (cacheDir && /^[0-9a-f]{40,64}$/.test(commit)) {
    const final = join(cacheDir, 'revisions', commit);
    if (existsSync(join(final, COMPLETE))) {
      const now = new Date();
      await utimes(final, now, now).catch(() => {});
      return { dir: final, temporary: false };
    }
    const tmp = `${final}.${process.pid}.tmp`;
    try {
      await rm(tmp, { recursive: true, force: true });
      await mkdir(tmp, { recursive: true });
      await extractRevision(repo, commit, tmp, env);
      await writeFile(join(tmp, COMPLETE), '');
      try {
        await rename(tmp, final);
      } catch {
        // Another run put it there first (or a damaged copy without the mark is in the way): use a fresh one.
        if (!existsSync(join(final, COMPLETE))) {
          await rm(final, { recursive: true, force: true });
          await rename(tmp, final);
        }
      }
      return { dir: final, temporary: false };
    } catch {
      // An unwritable cache only costs speed.
      await rm(tmp, { recursive: true, force: true }).catch(() => {});
    } finally {
      await rm(tmp, { recursive: true, force: true }).catch(() => {});
    }
  }
  const dir = tempDir('heapscope-diff-');
  await extractRevision(repo, commit, dir, env);
  return { dir, temporary: true };
}
