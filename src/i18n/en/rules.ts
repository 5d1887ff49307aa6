// Why the runtime allocates or not for a heap decision (src/model/allocation-rules.ts keeps the ids and verdicts),
// each reason naming the Go source it follows. ICU MessageFormat: a literal brace is quoted ('{}').
export const rules = {
  'rule.static-data.reason':
    'the value is a constant or a literal of constants: the compiler lays it out in read-only data and the interface points there (walk/convert.go dataWord, walk/order.go addrTemp)',
  'rule.zero-size.reason': "a zero-size value: the interface points at the runtime's zerobase (walk/convert.go dataWord)",
  'rule.single-byte.reason':
    "a bool or one-byte integer: the interface points into the runtime's staticuint64s table (walk/convert.go dataWord)",
  'rule.zero-value.reason': "the zero value: the interface points at the runtime's zeroVal (walk/convert.go dataWord)",
  'rule.static-closure.reason': 'a func literal that captures nothing is a static function value (walk/closure.go walkClosure)',
  'rule.constant.reason':
    'a constant in an interface is laid out in read-only data (walk/order.go addrTemp); heapscope tells this from the expression',
  'rule.zero-length.reason':
    "a slice of no elements (`[]T'{}'`, `make([]T, 0)`): a zero-size request returns the runtime's zerobase (runtime/malloc.go mallocgc)",
  'rule.runtime-fast-path.reason':
    "the runtime boxes the value (runtime/iface.go convT16/32/64, convTstring, convTslice): integers of 2, 4 or 8 bytes below 256, empty strings and nil slices come from its static data without allocating; the escape analysis (-m=2) does not name the value's type, and a value of any other type (a struct of several fields, say) always allocates (convT, convTnoptr)",
  'rule.concat-reuse.reason':
    'the runtime returns an operand unchanged when every other operand is empty, and allocates nothing for an empty result (runtime/string.go concatstrings)',
  'rule.append-grows.reason': "allocates only when the slice's capacity is exceeded (runtime/slice.go growslice)",
  'rule.run-time-length.reason':
    'a make whose length or capacity is known only at run time: a length of 0 allocates nothing, the runtime returns its zerobase (runtime/slice.go makeslice, runtime/malloc.go mallocgc)',
  'rule.short-string.reason':
    "a string converted from bytes or runes: an empty result allocates nothing, nor does a one-byte string, which points into the runtime's staticuint64s (runtime/string.go slicebytetostring, slicerunetostring); a string from one rune always allocates (intstring)",
  'rule.empty-string.reason':
    'a byte or rune slice converted from a string: an empty string gives a slice of no elements without allocating (runtime/string.go stringtoslicebyte, stringtoslicerune; runtime/malloc.go mallocgc returns zerobase)',
  'rule.empty-literal.reason':
    "an empty literal of a named type the walk pass did not report as static data, so a slice or a map, which the compiler's output does not tell apart: a slice's empty backing array is the runtime's zerobase (runtime/malloc.go mallocgc), a map allocates its header (runtime/map.go makemap_small)",
  'rule.composite-literal.reason':
    "a literal `T'{...}'` of two or more elements (counted in the source): as a struct or array boxed into an interface no type of that shape has a fast path, the runtime copies it into a new object (runtime/iface.go convT, convTnoptr); as a named slice or map it allocates its backing array or map",
  'rule.allocates.reason': 'the runtime allocates for it each time it runs',
} as const;
