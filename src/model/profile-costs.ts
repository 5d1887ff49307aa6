// What a profile the user gives (`analyze --profile FILE`, as `go build -pgo` takes one) says about each line of
// the module: a memory profile, how many objects the line allocated (the innermost frame in the module's code);
// a CPU profile, in how much of the CPU time the line was on the stack (cumulative, each line once per sample).

import type { AnyProfile } from './profile.js';
import { t } from '../i18n/t.js';

export interface ProfileCosts {
  kind: 'memory' | 'cpu';
  /** The profile's file, as given. */
  file: string;
  /** By `file:line` (model path): the line's value and its share of the profile's total. */
  lines: Map<string, { value: number; share: number }>;
}

/** Per line of the module; `modelPath` maps a profile's file name to a model path, or null outside the module. */
export function profileCosts(p: AnyProfile, file: string, modelPath: (f: string) => string | null): ProfileCosts | { error: string } {
  const types = p.sampleTypes;
  let kind: ProfileCosts['kind'];
  let index = types.indexOf('alloc_objects/count');
  if (index >= 0) kind = 'memory';
  else {
    index = types.indexOf('cpu/nanoseconds');
    if (index < 0) index = types.indexOf('samples/count');
    if (index < 0) return { error: t('prose.profile.notAllocOrCpu', { types: types.join(', ') }) };
    kind = 'cpu';
  }
  const lines = new Map<string, { value: number; share: number }>();
  let total = 0;
  const paths = new Map<string, string | null>();
  const path = (f: string): string | null => {
    let m = paths.get(f);
    if (m === undefined) paths.set(f, (m = modelPath(f)));
    return m;
  };
  for (const s of p.samples) {
    const v = s.values[index] ?? 0;
    if (v <= 0) continue;
    total += v;
    if (kind === 'memory') {
      // The allocating line: the innermost frame in the module's code.
      for (const f of s.stack) {
        const m = path(f.file);
        if (m === null) continue;
        const k = `${m}:${f.line}`;
        lines.set(k, { value: (lines.get(k)?.value ?? 0) + v, share: 0 });
        break;
      }
    } else {
      const seen = new Set<string>();
      for (const f of s.stack) {
        const m = path(f.file);
        if (m === null) continue;
        const k = `${m}:${f.line}`;
        if (seen.has(k)) continue;
        seen.add(k);
        lines.set(k, { value: (lines.get(k)?.value ?? 0) + v, share: 0 });
      }
    }
  }
  for (const e of lines.values()) e.share = total > 0 ? e.value / total : 0;
  return { kind, file, lines };
}
