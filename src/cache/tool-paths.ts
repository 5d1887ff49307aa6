// Where the go command keeps the tools heapscope runs (nm, objdump): since go1.24 they are built into the go
// command's cache on first use, and `go tool -n NAME` says where, at the price of a go command (0.1–0.4 s on a
// busy machine). The answer depends only on the toolchain and the cache the go command uses, so it is kept per
// those, and trusted only while the file it names is still there (the go command trims its cache).

import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { noteGrowth, sizeOf } from './cache-dir.js';

const FORMAT = 'heapscope-tools-1';

export class ToolPaths {
  constructor(
    private readonly file: string,
    /** The toolchain and go cache the paths belong to (GOROOT, GOVERSION, GOCACHE). */
    private readonly key: string,
  ) {}

  static in(cacheDir: string, key: string): ToolPaths {
    return new ToolPaths(join(cacheDir, 'tools.json'), key);
  }

  /** The stored path of a tool, when it was stored for this toolchain and is still an executable file. */
  get(name: string): string | null {
    const p = this.read()[`${this.key}\0${name}`];
    if (typeof p !== 'string' || !isAbsolute(p)) return null;
    const st = statSync(p, { throwIfNoEntry: false });
    return st?.isFile() && st.mode & 0o111 ? p : null;
  }

  put(name: string, path: string): void {
    try {
      const all = { ...this.read(), [`${this.key}\0${name}`]: path };
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      const text = JSON.stringify({ format: FORMAT, paths: all });
      writeFileSync(tmp, text);
      const old = sizeOf(this.file);
      renameSync(tmp, this.file);
      noteGrowth(dirname(this.file), Buffer.byteLength(text) - old);
    } catch {
      // only speed is lost
    }
  }

  private read(): Record<string, unknown> {
    try {
      const v = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      if (typeof v !== 'object' || v === null || (v as { format?: unknown }).format !== FORMAT) return {};
      const paths = (v as { paths?: unknown }).paths;
      return typeof paths === 'object' && paths !== null && !Array.isArray(paths) ? (paths as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
}
