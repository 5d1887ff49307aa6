// Where a report goes: standard output, or with -o a file written whole or not at all (a temporary file beside it,
// renamed when the report is complete), so a failed or interrupted run never leaves half a page behind.

import { closeSync, openSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
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

export function openOutput(io: CliIO, file: string | undefined, format: string): Output {
  if (file === undefined || file === '-') {
    if (format === 'html' && io.stdoutTTY) throw new UsageError(t('cli.err.htmlToTerminal'), t('cli.err.hint.htmlToTerminal'));
    return { tty: io.stdoutTTY, write: (c) => io.stdout(c), commit: () => {} };
  }
  const target = resolve(io.cwd, file);
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(t('cli.err.isDir', { flag: '-o', value: file }), t('cli.err.hint.nameFile'));
  const tmp = join(dirname(target), `.${basename(target)}.heapscope-${process.pid}.tmp`);
  const failed = (e: unknown): UsageError => {
    pending.delete(tmp);
    try {
      unlinkSync(tmp);
    } catch {
      // Never made, or gone.
    }
    return new UsageError(
      t('cli.err.cannotWrite', { flag: '-o', value: file, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }),
    );
  };
  let fd: number;
  try {
    fd = openSync(tmp, 'w', 0o644);
  } catch (e) {
    throw new UsageError(
      t('cli.err.cannotWrite', { flag: '-o', value: file, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }),
    );
  }
  pending.add(tmp);
  return {
    tty: false,
    write(c) {
      const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
      let off = 0;
      try {
        while (off < b.length) off += writeSync(fd, b, off, b.length - off);
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

/** A small file written whole (a baseline): a temporary file beside it, renamed; a usage error when it cannot be. */
export function writeWhole(target: string, text: string, flag: string): void {
  const tmp = join(dirname(target), `.${basename(target)}.heapscope-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(
      t('cli.err.cannotWrite', { flag, value: target, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }),
    );
  }
}
