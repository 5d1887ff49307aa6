// A full garbage collection between the phases of a large analysis. V8 lets the old generation grow to about four
// times what survived its last full collection before it collects again; on std that was 60 MiB surviving the
// parse and 250 MiB of heap, mostly garbage, by the end of the join. Collecting where a phase's temporaries have
// just died (the compiler output's, the join's, the focus's) keeps the next phase growing from what is alive,
// for about a tenth of a second each on std.

import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this much heap in use a collection would free too little to matter (a module of a few packages). */
const WORTH = 64 * 1024 * 1024;

let gc: (() => void) | null | undefined;

/** Collects garbage now, if the heap is large enough for it to matter. */
export function collectBetweenPhases(): void {
  if (getHeapStatistics().used_heap_size < WORTH) return;
  if (gc === undefined) {
    // The one way to call the collector from code without starting Node with --expose-gc: a context made while the
    // flag is on has a gc() of its own; the flag is turned off again so no other context gets one.
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  gc?.();
}
