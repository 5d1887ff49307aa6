// The collection between an analysis's phases: a forced full collection once the heap is large, none while it is
// small, and no global gc() left behind.
import assert from 'node:assert/strict';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';

import { collectBetweenPhases } from '../../src/pipeline/collect.js';

/** The forced full collections V8 reports while fn runs. */
async function forcedDuring(fn: () => void): Promise<number> {
  const seen: PerformanceEntry[] = [];
  const obs = new PerformanceObserver((l) => seen.push(...l.getEntries()));
  obs.observe({ entryTypes: ['gc'] });
  fn();
  await sleep(50);
  obs.disconnect();
  return seen.filter((e) => {
    const d = (e as unknown as { detail: { kind: number; flags: number } }).detail;
    return d.kind === constants.NODE_PERFORMANCE_GC_MAJOR && (d.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0;
  }).length;
}

test('collectBetweenPhases forces a full collection of a large heap only, without a global gc', async () => {
  assert.ok(process.memoryUsage().heapUsed < 64 << 20);
  assert.equal(await forcedDuring(collectBetweenPhases), 0, 'a small heap is left alone');
  const live: { i: number; s: string }[] = [];
  for (let i = 0; i < 1_200_000; i++) live.push({ i, s: `site ${i}` });
  assert.ok(process.memoryUsage().heapUsed > 64 << 20);
  assert.equal(await forcedDuring(collectBetweenPhases), 1);
  assert.equal(live.length, 1_200_000);
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined');
});
