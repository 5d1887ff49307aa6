// The latest figures `heapscope bench` measured in a module, per heap site, for `analyze` to rank by: one file per
// module root under the cache's `measured/`, replaced whole by each bench run (write, then rename). An entry
// that is not what this version writes, or names another root, is ignored.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MeasuredCosts, MeasuredSite } from '../model/measured.js';

const FORMAT = 'heapscope-measured-1';

function fileFor(cacheDir: string, root: string): string {
  return join(cacheDir, 'measured', createHash('sha256').update(root).digest('hex').slice(0, 32) + '.json');
}

export function writeMeasured(cacheDir: string, root: string, costs: MeasuredCosts): void {
  const file = fileFor(cacheDir, root);
  try {
    mkdirSync(join(cacheDir, 'measured'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, root, command: costs.command, time: costs.time, sites: [...costs.sites] }));
    renameSync(tmp, file);
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
    const sites = new Map<string, MeasuredSite>();
    for (const e of v.sites as unknown[]) {
      if (!Array.isArray(e) || typeof e[0] !== 'string') return null;
      const m = e[1] as Partial<MeasuredSite> | null;
      if (!m || typeof m.allocsPerOp !== 'number' || typeof m.bytesPerOp !== 'number' || typeof m.benchmark !== 'string') return null;
      sites.set(e[0], { allocsPerOp: m.allocsPerOp, bytesPerOp: m.bytesPerOp, benchmark: m.benchmark });
    }
    return { costs: { command: v.command, time: v.time, sites }, stamp: `${st.mtimeMs}:${st.size}` };
  } catch {
    return null;
  }
}
