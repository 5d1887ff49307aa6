// The finished report of each invocation, kept with the state it was made from (every package's content key):
// when nothing changed since the same command last ran, the report is replayed as it was, the way go test
// replays "(cached)" results, instead of loading, joining and rendering the model again. One file per
// invocation and output setting, overwritten by each new result, so the cache does not grow with edits.

import { mkdir, open, rename, rm, utimes, type FileHandle } from 'node:fs/promises';
import { readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { noteGrowth, sizeOf } from './cache-dir.js';
import { t } from '../i18n/t.js';

const RESULT_FORMAT = 'heapscope-result-2';
/**
 * The header is a JSON line padded with spaces to this size, written last (over its placeholder) when the report's
 * length and checksum are known: an entry cut short, or changed after it was written, is a miss.
 */
const HEADER_SIZE = 512;

interface Header {
  format: string;
  state: string;
  code: number;
  /** The report's length in bytes and its CRC-32 (zlib's; 29 ms for std's 85 MB, against 56 for SHA-256). */
  length: number;
  crc: number;
}

function validHeader(h: unknown, state: string): h is Header {
  if (typeof h !== 'object' || h === null) return false;
  const x = h as Record<string, unknown>;
  return (
    x['format'] === RESULT_FORMAT &&
    x['state'] === state &&
    Number.isInteger(x['code']) &&
    Number.isInteger(x['length']) &&
    (x['length'] as number) >= 0 &&
    Number.isInteger(x['crc'])
  );
}

export interface CachedResult {
  code: number;
  /** The report, checked whole against its checksum first, then read again chunk by chunk as it is written out:
   *  a replay holds a few MB, not the whole report (77 MB for std's JSON). Iterate it once, to the end. */
  output: AsyncIterable<Buffer>;
}

/** Bytes read at a time when checking and replaying a report. */
const READ_CHUNK = 4 << 20;

export class ResultCache {
  constructor(readonly dir: string) {}

  private path(name: string): string {
    return join(this.dir, 'results', name + '.out');
  }

  /**
   * Whether some report of this invocation (any output settings) is stored: its next run is then likely a replay,
   * and the work that only a new analysis needs is not started ahead.
   */
  hasReportFor(runId: string): boolean {
    const prefix = `${runId.slice(0, 24)}-`;
    try {
      return readdirSync(join(this.dir, 'results')).some((n) => n.startsWith(prefix) && n.endsWith('.out'));
    } catch {
      return false;
    }
  }

  /** The report stored under name if it was made from this state, else null (a damaged file is a miss). */
  async get(name: string, state: string): Promise<CachedResult | null> {
    let fh: FileHandle | undefined;
    try {
      fh = await open(this.path(name), 'r');
    } catch {
      return null;
    }
    try {
      // Read the header alone first: a stale entry for std is tens of MB not worth reading.
      const head = Buffer.alloc(HEADER_SIZE);
      const { bytesRead } = await fh.read(head, 0, HEADER_SIZE, 0);
      if (bytesRead !== HEADER_SIZE || head[HEADER_SIZE - 1] !== 0x0a) return null;
      const h: unknown = JSON.parse(head.toString('utf8'));
      if (!validHeader(h, state)) return null;
      const size = (await fh.stat()).size - HEADER_SIZE;
      if (size !== h.length) return null;
      // The whole report is checked before any of it is written out: a damaged entry is a miss, not half a report.
      const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, Math.max(size, 1)));
      let crc = 0;
      for (let got = 0; got < size;) {
        const r = await fh.read(buf, 0, Math.min(buf.length, size - got), HEADER_SIZE + got);
        if (r.bytesRead === 0) return null; // truncated under us
        crc = crc32(buf.subarray(0, r.bytesRead), crc);
        got += r.bytesRead;
      }
      if (crc !== h.crc) return null;
      // Used now: the last to be trimmed when the cache is over its bound.
      const now = new Date();
      utimes(this.path(name), now, now).catch(() => {});
      const open = fh;
      fh = undefined; // closed by the replay
      return { code: h.code, output: replay(open, size) };
    } catch {
      return null;
    } finally {
      await fh?.close();
    }
  }

  /**
   * Starts storing a report under name. Each chunk handed to write goes to the file on libuv's thread pool
   * while the caller renders the next one; commit makes the file visible, whole, or leaves no trace.
   * Null when the cache cannot be written (only speed is lost).
   */
  async create(name: string, state: string, code: number): Promise<ResultWriter | null> {
    const p = this.path(name);
    const tmp = `${p}.${process.pid}.tmp`;
    try {
      await mkdir(join(this.dir, 'results'), { recursive: true });
      const fh = await open(tmp, 'w');
      return new ResultWriter(this.dir, fh, tmp, p, { format: RESULT_FORMAT, state, code });
    } catch {
      return null;
    }
  }
}

/**
 * Bytes handed to libuv and not yet written, past which a writer waits (ResultWriter.room). Without a bound the
 * whole report was held twice until the end: the render hands chunks over in microtasks, so no write finished
 * before the last chunk was made (std's JSON: 75 MiB of buffers at once).
 */
const MAX_QUEUED = 4 * 1024 * 1024;

export class ResultWriter {
  private at = HEADER_SIZE;
  private crc = 0;
  private readonly pending: Promise<unknown>[] = [];
  private failed = false;
  private queued = 0;
  private readonly sizes: number[] = [];
  private done = 0; // pending[0, done) are settled

  constructor(
    private readonly cacheDir: string,
    private readonly fh: FileHandle,
    private readonly tmp: string,
    private readonly path: string,
    private readonly header: Omit<Header, 'length' | 'crc'>,
  ) {}

  /** Queues b at the end of what was written so far; the bytes must not change until commit. */
  write(b: Uint8Array): void {
    if (this.failed) return;
    const at = this.at;
    this.at += b.length;
    this.crc = crc32(b, this.crc);
    this.queued += b.length;
    this.sizes.push(b.length);
    this.pending.push(
      writeAll(this.fh, b, at).catch(() => {
        this.failed = true;
      }),
    );
  }

  /** Bytes queued and not yet known to be written. */
  get unwritten(): number {
    return this.queued;
  }

  /** Resolves once at most MAX_QUEUED bytes are still waiting to be written, the oldest writes awaited first. */
  async room(): Promise<void> {
    while (this.queued > MAX_QUEUED && this.done < this.pending.length) {
      await this.pending[this.done];
      this.queued -= this.sizes[this.done]!;
      this.done++;
    }
  }

  async commit(): Promise<void> {
    await Promise.all(this.pending);
    try {
      const header: Header = { ...this.header, length: this.at - HEADER_SIZE, crc: this.crc };
      const line = JSON.stringify(header);
      if (Buffer.byteLength(line) >= HEADER_SIZE) throw new Error('header too long');
      await writeAll(this.fh, Buffer.from(line.padEnd(HEADER_SIZE - 1, ' ') + '\n'), 0);
      await this.fh.close();
      if (this.failed) throw new Error('write failed');
      const old = sizeOf(this.path);
      await rename(this.tmp, this.path);
      noteGrowth(this.cacheDir, this.at - old);
    } catch {
      // Only speed is lost; do not leave a partial file behind.
      await this.fh.close().catch(() => {});
      await rm(this.tmp, { force: true }).catch(() => {});
    }
  }
}

/** The report's bytes, read again in chunks from the handle get checked them on (a file renamed over the entry
 *  meanwhile does not change them); the handle is closed at the end. */
async function* replay(fh: FileHandle, size: number): AsyncGenerator<Buffer> {
  try {
    for (let got = 0; got < size;) {
      const b = Buffer.allocUnsafe(Math.min(READ_CHUNK, size - got));
      const r = await fh.read(b, 0, b.length, HEADER_SIZE + got);
      if (r.bytesRead === 0) throw new Error('the cached report was cut short while it was replayed: run the command again');
      got += r.bytesRead;
      yield r.bytesRead === b.length ? b : b.subarray(0, r.bytesRead);
    }
  } finally {
    await fh.close();
  }
}

/** Writes all of b at position at (a write may take only part of it). */
async function writeAll(fh: FileHandle, b: Uint8Array, at: number): Promise<void> {
  for (let done = 0; done < b.length;) {
    const { bytesWritten } = await fh.write(b, done, b.length - done, at + done);
    if (bytesWritten === 0) throw new Error('no progress');
    done += bytesWritten;
  }
}

let identity: string | undefined;

/**
 * Which heapscope made a report: its version and the files it runs from. A report is a function of the model
 * and of heapscope's own code (causes, notes, layout), so a changed heapscope must not replay an old one.
 */
export function toolIdentity(version: string): string {
  if (identity) return identity;
  const h = createHash('sha256').update(version);
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(p);
      else if (n.endsWith('.js')) h.update(`${p}\0${st.size}\0${st.mtimeMs}\0`);
    }
  };
  walk(fileURLToPath(new URL('..', import.meta.url)));
  identity = h.digest('hex');
  return identity;
}

/** The file name of an invocation's report with these output settings, in the language of the run (a report's
 *  prose follows --lang, so a zh-CN run never replays the report an English run left): the invocation's id first, so that whether
 *  it has any report stored can be told before the settings are known (hasReportFor). */
export function resultName(runId: string, settings: unknown[]): string {
  const h = createHash('sha256')
    .update(JSON.stringify([runId, t.lang(), ...settings]))
    .digest('hex')
    .slice(0, 24);
  return `${runId.slice(0, 24)}-${h}`;
}
