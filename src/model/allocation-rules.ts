// Whether the runtime allocates for a heap decision. Escape analysis decides where a value may live; the walk
// pass that follows still turns some escaping values into static data, and the runtime skips some allocations
// for values it keeps in tables of its own. Each rule cites the Go source it follows; JSON and tests refer to
// rules by id. Each reason lives in the message catalogue (src/i18n/<lang>/rules.ts, ids `rule.<id>.reason`) and
// is read in the run's language when the join copies it onto a site.

import { t } from '../i18n/t.js';

export type Allocates = 'always' | 'never' | 'sometimes';

export interface AllocationRule {
  id: string;
  allocates: Allocates;
  /** Why, in plain words, with where Go does it (in the run's language). */
  readonly reason: string;
}

const table = [
  { id: 'static-data', allocates: 'never' },
  { id: 'zero-size', allocates: 'never' },
  { id: 'single-byte', allocates: 'never' },
  { id: 'zero-value', allocates: 'never' },
  { id: 'static-closure', allocates: 'never' },
  { id: 'constant', allocates: 'never' },
  { id: 'zero-length', allocates: 'never' },
  { id: 'runtime-fast-path', allocates: 'sometimes' },
  { id: 'concat-reuse', allocates: 'sometimes' },
  { id: 'append-grows', allocates: 'sometimes' },
  { id: 'run-time-length', allocates: 'sometimes' },
  { id: 'short-string', allocates: 'sometimes' },
  { id: 'empty-string', allocates: 'sometimes' },
  { id: 'empty-literal', allocates: 'sometimes' },
  { id: 'composite-literal', allocates: 'always' },
  { id: 'allocates', allocates: 'always' },
] as const satisfies readonly { id: string; allocates: Allocates }[];

export type AllocationRuleId = (typeof table)[number]['id'];

export const ALLOCATION_RULES: readonly AllocationRule[] = table.map(({ id, allocates }) => ({
  id,
  allocates,
  get reason() {
    return t(`rule.${id}.reason`);
  },
}));

const byId = new Map<string, AllocationRule>(ALLOCATION_RULES.map((r) => [r.id, r]));

export function allocationRule(id: AllocationRuleId): AllocationRule {
  return byId.get(id)!;
}
