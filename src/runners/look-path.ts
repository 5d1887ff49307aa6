// The file a command name stands for, found as execvp finds it (the child's PATH; a name with a slash is a path).
// Needed where heapscope starts a program through the watchdog's wrapper (watchdog.ts): a missing program must
// still be heapscope's "command not found", not a shell's exit status 127 among the program's own output.

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, resolve } from 'node:path';

export function lookPath(cmd: string, env: NodeJS.ProcessEnv, cwd: string): string | null {
  if (cmd.includes('/')) return isAbsolute(cmd) ? cmd : resolve(cwd, cmd);
  // Without PATH, execvp searches its default path (glibc: /bin:/usr/bin).
  for (const dir of (env.PATH ?? '/bin:/usr/bin').split(delimiter)) {
    // An empty entry is the working directory, as for execvp.
    const file = resolve(cwd, dir === '' ? '.' : dir, cmd);
    if (isExecutableFile(file)) return file;
  }
  return null;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
