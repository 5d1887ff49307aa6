// The latest figures `heapscope bench` measured in a module, per heap site, for `analyze` to rank by: one file per
// module root under the cache's `measured/`, replaced whole by each bench run (write, then rename). An entry
// that is not what this version writes, or names another root, is ignored.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MeasuredCosts, MeasuredSite } from '../model/measured.js';
import { isGoSourceFile } from '../model/paths.js';
import { noteGrowth, sizeOf } from './cache-dir.js';

const FORMAT = 'heapscope-measured-3';

const fileHash = (root: string, file: string): string | null => {
  // Only a Go file: a //line directive can name /dev/zero or a FIFO, which would never finish reading.
  if (!isGoSourceFile(file)) return null;
  try {
    return createHash('sha256')
      .update(readFileSync(join(root, file)))
      .digest('hex');
  } catch {
    return null;
  }
};

function fileFor(cacheDir: string, root: string): string {
  return join(cacheDir, 'measured', createHash('sha256').update(root).digest('hex').slice(0, 32) + '.json');
}

export function writeMeasured(cacheDir: string, root: string, costs: MeasuredCosts): void {
  const file = fileFor(cacheDir, root);
  try {
    mkdirSync(join(cacheDir, 'measured'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    // Each line's file is stored with a hash of its content: a line number means nothing once the file changed.
    const hashes: Record<string, string> = {};
    for (const k of costs.lines.keys()) {
      const file = k.slice(0, k.lastIndexOf(':'));
      if (!(file in hashes)) hashes[file] = fileHash(root, file) ?? '';
    }
    const text = JSON.stringify({
      format: FORMAT,
      root,
      command: costs.command,
      time: costs.time,
      sites: [...costs.sites],
      lines: [...costs.lines],
      hashes,
    });
    writeFileSync(tmp, text);
    const old = sizeOf(file);
    renameSync(tmp, file);
    noteGrowth(cacheDir, Buffer.byteLength(text) - old);
  } catch {
    // analyze then estimates instead
  }
}

/** The stored figures and a stamp that changes whenever they are replaced (for the replay cache's key). */
export function readMeasured(cacheDir: string, root: string): { costs: MeasuredCosts; stamp: string } | null {
  const file = fileFor(cacheDir, root);
  try {
    const st = statSync(file);
    const v = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (v.format !== FORMAT || v.root !== root || typeof v.command !== 'string' || typeof v.time !== 'string' || !Array.isArray(v.sites))
      return null;
    const entries = (list: unknown): Map<string, MeasuredSite> | null => {
      if (!Array.isArray(list)) return null;
      const out = new Map<string, MeasuredSite>();
      for (const e of list as unknown[]) {
        if (!Array.isArray(e) || typeof e[0] !== 'string') return null;
        const m = e[1] as Partial<MeasuredSite> | null;
        if (!m || typeof m.allocsPerOp !== 'number' || typeof m.bytesPerOp !== 'number' || typeof m.benchmark !== 'string') return null;
        const ids = Array.isArray(m.ids) && m.ids.every((x) => typeof x === 'string') ? m.ids : undefined;
        const cpu = {
          ...(typeof m.cpuShare === 'number' && m.cpuShare >= 0 && m.cpuShare <= 1 ? { cpuShare: m.cpuShare } : {}),
          ...(typeof m.costNsPerOp === 'number' && Number.isFinite(m.costNsPerOp) && m.costNsPerOp >= 0
            ? { costNsPerOp: m.costNsPerOp }
            : {}),
        };
        out.set(e[0], { allocsPerOp: m.allocsPerOp, bytesPerOp: m.bytesPerOp, benchmark: m.benchmark, ...(ids ? { ids } : {}), ...cpu });
      }
      return out;
    };
    const sites = entries(v.sites);
    const all = entries(v.lines);
    const hashes = v.hashes as Record<string, unknown> | null;
    if (!sites || !all || typeof hashes !== 'object' || hashes === null) return null;
    const lines = new Map<string, MeasuredSite>();
    const same = new Map<string, boolean>();
    let changed = '';
    for (const [k, m] of all) {
      const file = k.slice(0, k.lastIndexOf(':'));
      let ok = same.get(file);
      if (ok === undefined) {
        ok = typeof hashes[file] === 'string' && hashes[file] !== '' && fileHash(root, file) === hashes[file];
        same.set(file, ok);
        if (!ok) changed += file + '\0';
      }
      if (ok) lines.set(k, m);
    }
    // The stamp changes when the figures are replaced or a file they name changes.
    return { costs: { command: v.command, time: v.time, sites, lines }, stamp: `${st.mtimeMs}:${st.size}:${changed}` };
  } catch {
    return null;
  }
}
