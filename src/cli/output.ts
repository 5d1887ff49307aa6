// Where a report goes: standard output, or with -o a file written whole or not at all (a temporary file beside it,
// renamed when the report is complete), so a failed or interrupted run never leaves half a page behind.

import { closeSync, openSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors/errors.js';
import type { CliIO } from './terminal.js';
import { t } from '../i18n/t.js';

export interface Output {
  /** Whether the report goes to a terminal (colour, and html's refusal). */
  tty: boolean;
  write(chunk: string | Uint8Array): void;
  /** The report is complete: the file takes its place. */
  commit(): void;
}

const pending = new Set<string>();
process.on('exit', () => {
  for (const f of pending)
    try {
      unlinkSync(f);
    } catch {
      // Already gone.
    }
});

const cannotWrite = (flag: string, value: string, e: unknown): UsageError =>
  new UsageError(t('cli.err.cannotWrite', { flag, value, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));

function writeAll(fd: number, c: string | Uint8Array): void {
  const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
  let off = 0;
  while (off < b.length) off += writeSync(fd, b, off, b.length - off);
}

export function openOutput(io: CliIO, file: string | undefined, format: string): Output {
  if (file === undefined || file === '-') {
    if (format === 'html' && io.stdoutTTY) throw new UsageError(t('cli.err.htmlToTerminal'), t('cli.err.hint.htmlToTerminal'));
    return { tty: io.stdoutTTY, write: (c) => io.stdout(c), commit: () => {} };
  }
  const named = resolve(io.cwd, file);
  const st = statSync(named, { throwIfNoEntry: false });
  if (st?.isDirectory()) throw new UsageError(t('cli.err.isDir', { flag: '-o', value: file }), t('cli.err.hint.nameFile'));
  if (st && !st.isFile()) return straightTo(named, file);
  const target = realTarget(named);
  const tmp = join(dirname(target), `.${basename(target)}.heapscope-${process.pid}.tmp`);
  const failed = (e: unknown): UsageError => {
    pending.delete(tmp);
    try {
      unlinkSync(tmp);
    } catch {
      // Never made, or gone.
    }
    return cannotWrite('-o', file, e);
  };
  let fd: number;
  try {
    fd = openSync(tmp, 'w', 0o644);
  } catch (e) {
    throw cannotWrite('-o', file, e);
  }
  pending.add(tmp);
  return {
    tty: false,
    write(c) {
      try {
        writeAll(fd, c);
      } catch (e) {
        throw failed(e); // a full disk
      }
    },
    commit() {
      try {
        closeSync(fd);
        renameSync(tmp, target);
        pending.delete(tmp);
      } catch (e) {
        throw failed(e);
      }
    },
  };
}

/** The file a path names: a symbolic link's target, so the rename replaces the file and leaves the link. */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // not there yet
  }
}

/** A device, pipe or socket (/dev/null, /dev/stdout, a FIFO, a shell's >(...)) is written to as it is: renaming a
 *  file over it would replace /dev/null itself for a process allowed to. */
function straightTo(target: string, file: string): Output {
  let fd: number;
  try {
    fd = openSync(target, 'w');
  } catch (e) {
    throw cannotWrite('-o', file, e);
  }
  return {
    tty: false,
    write(c) {
      try {
        writeAll(fd, c);
      } catch (e) {
        throw cannotWrite('-o', file, e);
      }
    },
    commit() {
      closeSync(fd);
    },
  };
}

/** A small file written whole (a baseline): a temporary file beside it, renamed; a usage error when it cannot be. */
export function writeWhole(named: string, text: string, flag: string): void {
  const st = statSync(named, { throwIfNoEntry: false });
  if (st && !st.isFile() && !st.isDirectory()) {
    try {
      writeFileSync(named, text);
      return;
    } catch (e) {
      throw cannotWrite(flag, named, e);
    }
  }
  const target = realTarget(named);
  const tmp = join(dirname(target), `.${basename(target)}.heapscope-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw cannotWrite(flag, target, e);
  }
}
