// A writable copy of a module from the module proxy, with its dependencies downloaded: the module cache is
// read-only, and heapscope (like go test) must be able to build and run in the module's own directory.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Copies MOD (path@version, pinned) into a new directory under PARENT and returns it. A module published without
 * a go.mod (an old one) gets the go.mod the go command made up for it in the module cache (`module <path>`),
 * as it uses when the module is a dependency. Throws with the go command's message when a step fails.
 */
export function moduleCopy(mod: string, parent: string): string {
  const dl = spawnSync('go', ['mod', 'download', '-json', mod], { encoding: 'utf8' });
  if (dl.status !== 0) throw new Error(`go mod download ${mod}: ${dl.stderr}${dl.stdout}`);
  const info = JSON.parse(dl.stdout) as { Path: string; Dir: string; GoMod: string };
  const copy = join(parent, info.Path.replaceAll('/', '_'));
  cpSync(info.Dir, copy, { recursive: true, mode: 0 });
  if (!existsSync(join(copy, 'go.mod'))) copyFileSync(info.GoMod, join(copy, 'go.mod'));
  spawnSync('chmod', ['-R', 'u+w', copy]);
  const deps = spawnSync('go', ['mod', 'download'], { cwd: copy, encoding: 'utf8' });
  if (deps.status !== 0) throw new Error(`go mod download in ${mod}: ${deps.stderr}`);
  return copy;
}
