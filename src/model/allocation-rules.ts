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
    id: 'zero-length',
    allocates: 'never',
    reason:
      "a slice of no elements (`[]T{}`, `make([]T, 0)`): a zero-size request returns the runtime's zerobase (runtime/malloc.go mallocgc)",
  },
  {
    id: 'runtime-fast-path',
    allocates: 'sometimes',
    reason:
      "the runtime boxes the value (runtime/iface.go convT16/32/64, convTstring, convTslice): integers of 2, 4 or 8 bytes below 256, empty strings and nil slices come from its static data without allocating; the compiler's output does not show the value's type, and a value of any other type (a struct of several fields, say) always allocates (convT, convTnoptr)",
  },
  {
    id: 'concat-reuse',
    allocates: 'sometimes',
    reason:
      'the runtime returns an operand unchanged when every other operand is empty, and allocates nothing for an empty result (runtime/string.go concatstrings)',
  },
  {
    id: 'append-grows',
    allocates: 'sometimes',
    reason: "allocates only when the slice's capacity is exceeded (runtime/slice.go growslice)",
  },
  {
    id: 'run-time-length',
    allocates: 'sometimes',
    reason:
      'a make whose length or capacity is known only at run time: a length of 0 allocates nothing, the runtime returns its zerobase (runtime/slice.go makeslice, runtime/malloc.go mallocgc)',
  },
  {
    id: 'short-string',
    allocates: 'sometimes',
    reason:
      "a string converted from bytes or runes: an empty result allocates nothing, nor does a one-byte string, which points into the runtime's staticuint64s (runtime/string.go slicebytetostring, slicerunetostring); a string from one rune always allocates (intstring)",
  },
  {
    id: 'empty-string',
    allocates: 'sometimes',
    reason:
      'a byte or rune slice converted from a string: an empty string gives a slice of no elements without allocating (runtime/string.go stringtoslicebyte, stringtoslicerune; runtime/malloc.go mallocgc returns zerobase)',
  },
  {
    id: 'empty-literal',
    allocates: 'sometimes',
    reason:
      "an empty literal of a named type the walk pass did not report as static data, so a slice or a map, which the compiler's output does not tell apart: a slice's empty backing array is the runtime's zerobase (runtime/malloc.go mallocgc), a map allocates its header (runtime/map.go makemap_small)",
  },
  {
    id: 'composite-literal',
    allocates: 'always',
    reason:
      'a literal `T{...}` of two or more elements (counted in the source): as a struct or array boxed into an interface no type of that shape has a fast path, the runtime copies it into a new object (runtime/iface.go convT, convTnoptr); as a named slice or map it allocates its backing array or map',
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
