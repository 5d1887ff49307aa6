// Whether the runtime allocates for a heap decision. Escape analysis decides where a value may live; the walk
// pass that follows still turns some escaping values into static data, and the runtime skips some allocations
// for values it keeps in tables of its own. Each rule cites the Go source it follows; JSON and tests refer to
// rules by id.

export type Allocates = 'always' | 'never' | 'sometimes';

export interface AllocationRule {
  id: string;
  allocates: Allocates;
  /** Why, in plain words, with where Go does it. */
  reason: string;
}

const table = [
  {
    id: 'static-data',
    allocates: 'never',
    reason:
      'the value is a constant or a literal of constants: the compiler lays it out in read-only data and the interface points there (walk/convert.go dataWord, walk/order.go addrTemp)',
  },
  {
    id: 'zero-size',
    allocates: 'never',
    reason: "a zero-size value: the interface points at the runtime's zerobase (walk/convert.go dataWord)",
  },
  {
    id: 'single-byte',
    allocates: 'never',
    reason: "a bool or one-byte integer: the interface points into the runtime's staticuint64s table (walk/convert.go dataWord)",
  },
  {
    id: 'zero-value',
    allocates: 'never',
    reason: "the zero value: the interface points at the runtime's zeroVal (walk/convert.go dataWord)",
  },
  {
    id: 'static-closure',
    allocates: 'never',
    reason: 'a func literal that captures nothing is a static function value (walk/closure.go walkClosure)',
  },
  {
    id: 'constant',
    allocates: 'never',
    reason: 'a constant in an interface is laid out in read-only data (walk/order.go addrTemp); heapscope tells this from the expression',
  },
  {
    id: 'runtime-fast-path',
    allocates: 'sometimes',
    reason:
      'the runtime boxes the value (runtime/iface.go convT*): integers below 256, empty strings and nil slices come from its static data without allocating; values of other types always allocate',
  },
  {
    id: 'concat-reuse',
    allocates: 'sometimes',
    reason:
      'the runtime returns an operand unchanged when every other operand is empty, and allocates nothing for an empty result (runtime/string.go concatstrings)',
  },
  {
    id: 'allocates',
    allocates: 'always',
    reason: 'the runtime allocates for it each time it runs',
  },
] as const satisfies readonly AllocationRule[];

export type AllocationRuleId = (typeof table)[number]['id'];

export const ALLOCATION_RULES: readonly AllocationRule[] = table;

const byId = new Map<string, AllocationRule>(table.map((r) => [r.id, r]));

export function allocationRule(id: AllocationRuleId): AllocationRule {
  return byId.get(id)!;
}
