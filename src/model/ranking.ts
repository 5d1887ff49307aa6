// The one ranking every report shows (text, html): heap decisions grouped by instance, ordered by cost, and the
// summary's pick of the costliest with at most PER_FUNCTION entries per function (docs/ranking.md).

import { comparePositions, type Site, type SiteCost } from './types.js';
import { groupBy } from './group.js';

/** One decision's instances (a generic function's shapes, a callee inlined twice): they share a heading. */
export type Group = Site[];

/** Entries of one function in the summary's ranking: ten appends of one switch would fill the screen with one fix. */
export const PER_FUNCTION = 2;

/** Highest cost first; measured figures above estimates; ties by position. */
export function costOrder(a: SiteCost | undefined, b: SiteCost | undefined): number {
  const tier = (c: SiteCost | undefined): number => (c ? (c.source === 'measured' ? 2 : 1) : 0);
  return tier(b) - tier(a) || (b?.score ?? 0) - (a?.score ?? 0);
}

export function groupCost(g: Group): SiteCost | undefined {
  let best: SiteCost | undefined;
  for (const s of g) if (s.cost && costOrder(s.cost, best) < 0) best = s.cost;
  return best;
}

/** The sites of one decision together, in source order. */
export function groupsOf(list: Site[]): Group[] {
  return [...groupBy(list, (s) => `${s.file}:${s.line}:${s.column}|${s.kind}|${s.expr}`).values()];
}

export function byCost(gs: Group[]): Group[] {
  return gs.sort((a, b) => costOrder(groupCost(a), groupCost(b)) || comparePositions(a[0]!, b[0]!));
}

export interface RankedEntry {
  group: Group;
  /** Sites of the same function ranked below, not listed. */
  more: number;
}

/** The summary: the `top` costliest groups, at most PER_FUNCTION per function; and how many groups there were. */
export function costliest(heap: Site[], top: number): { picked: RankedEntry[]; groups: number } {
  const ranked = byCost(groupsOf(heap));
  const picked: RankedEntry[] = [];
  const perFn = new Map<string, RankedEntry[]>();
  for (const group of ranked) {
    const key = `${group[0]!.package}\0${group[0]!.function ?? group[0]!.file}`;
    const mine = perFn.get(key) ?? [];
    if (mine.length >= PER_FUNCTION) {
      mine[mine.length - 1]!.more++;
      continue;
    }
    if (picked.length >= top) continue;
    const entry = { group, more: 0 };
    mine.push(entry);
    perFn.set(key, mine);
    picked.push(entry);
  }
  return { picked, groups: ranked.length };
}
