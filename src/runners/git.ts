// What heapscope diff needs of git: where the repository is, what a revision names, and a revision's files in a
// temporary directory (`git archive`, which writes nothing into the repository: no worktree entry, no index change).

import { join } from 'node:path';
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
