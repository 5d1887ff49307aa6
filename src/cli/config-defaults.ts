// The configuration file's default flags (docs/heapscope.schema.json `defaults`), applied to a command's flags
// wherever the user did not give the flag on the command line.

import type { Config } from '../model/config.js';

/** The flags the user gave on the command line (commander's value source 'cli'), set by main.ts. */
export interface GivenFlags {
  given?: Set<string>;
}

type Defaults = Config['defaults'];

export function applyDefaults<T extends GivenFlags>(flags: T, config: Config | null, keys: (keyof Defaults)[]): void {
  if (!config) return;
  const f = flags as Record<string, unknown>;
  for (const k of keys) {
    const v = config.defaults[k];
    if (v === undefined || flags.given?.has(k)) continue;
    // Commander hands numbers over as the strings typed; the commands check them as such.
    f[k] = typeof v === 'number' ? String(v) : v;
  }
}
