// The one catalogue of root causes. Text, JSON, docs and (later) SARIF rules and the HTML report all read it;
// code and tests refer to causes by id only. docs/causes.md is generated from this table (model/causes-doc.ts) and a
// test checks they agree; `chosen` must say what join/classify.ts and join/attribute.ts do.

export interface Cause {
  id: string;
  title: string;
  /** One line, shown beside the site. */
  summary: string;
  /** Why the compiler decided so, in plain words. */
  explanation: string;
  /** A concrete change that usually removes the allocation. */
  fix: string;
  /** Which facts lead heapscope to this id (join/classify.ts for heap decisions, join/attribute.ts for bench lines). */
  chosen: string;
}

const table = [
  {
    id: 'returned-address',
    title: 'Address returned',
    summary: 'its address is returned, so it must outlive the function',
    explanation:
      'The function returns a pointer to this variable (or to memory holding it). A stack frame disappears when the function returns, so the compiler moves the variable to the heap.',
    fix: "Return the value instead of a pointer, or let the caller pass in a pointer to fill; if the function is small, letting it inline can also keep the value on the caller's stack.",
    chosen:
      "The explanation ends at a result (`~r0`, or a named result: a variable the function's declaration names as a result), and the value is an address: a variable moved to the heap, an `&` expression, or a flow that starts with `address-of`.",
  },
  {
    id: 'returned-value',
    title: 'Returned new memory',
    summary: 'newly built memory (string, slice, closure) is returned to the caller',
    explanation:
      'The expression creates memory (a concatenated string, a converted slice, a closure, a composite literal) and hands it to the caller. Memory whose size or lifetime the caller decides cannot live in this frame.',
    fix: 'Let the caller provide the buffer (append to a []byte parameter, write into an io.Writer or strings.Builder), or return a value type instead of a reference.',
    chosen: 'The explanation ends at a result, and the value is not an address (a slice, map, closure or string made here and returned).',
  },
  {
    id: 'stored-in-heap',
    title: 'Stored in a global or heap object',
    summary: 'it is stored where the heap can reach it (a global, or memory reached through a pointer)',
    explanation:
      'The value or its address is assigned to a package-level variable, or stored through a pointer (a pointer parameter, a field of memory reached through one), which the compiler treats as heap memory: it may be used after the function returns.',
    fix: 'Store values rather than pointers, keep the data local, or reuse a preallocated object (a field, a sync.Pool) instead of creating a new one per call.',
    chosen:
      "The explanation ends at `{heap}` and the note that reaches it is not a call's argument: an assignment to a global or through a pointer (`global = t (assign)`, `p.f = x`). A map, pointer or other pointer-shaped value converted to an interface that is stored so gets this id too: no box is made, the store keeps the value.",
  },
  {
    id: 'stored-in-heap-object',
    title: 'Stored in an object on the heap',
    summary: 'it is stored in an object that is itself on the heap',
    explanation:
      "The value (or its address) is put into a struct, slice or variable that escapes for a reason of its own. Whatever that object holds must live as long as it does, so this value is on the heap too. The root of the chain is the object's own cause: removing that escape keeps both on the stack.",
    fix: 'Fix the root of the chain (shown below); if the object must stay on the heap, store a value instead of a pointer, or allocate the two together (embed the value in the object).',
    chosen:
      "The explanation ends at `{storage for X}` (an allocation that is itself on the heap), or at a variable that is itself moved to the heap. The chain (`chain`, `rootCause`) leads to that object's own decision.",
  },
  {
    id: 'outlives-loop',
    title: 'Outlives its loop iteration',
    summary: 'it is kept in a variable declared outside the loop it is made in, so it outlives the iteration',
    explanation:
      "The compiler gives each loop iteration's values one stack slot. A value made inside a loop whose address (or which itself) is stored in a variable declared before the loop may still be referenced in a later iteration, when the slot holds another value, so it is moved to the heap (escape/solve.go, outlives: loop depth).",
    fix: 'Declare the variable inside the loop, store a value instead of an address, or allocate once before the loop and reuse it (reset a map with clear, a slice with s = s[:0]).',
    chosen:
      "The explanation ends at a variable that is neither a result, nor on the heap, nor captured by reference: one declared outside the loop the value is made in (escape analysis's loop depth); or at `{temp}` with no call's argument before it.",
  },
  {
    id: 'variadic-slice',
    title: 'Variadic argument slice kept by the callee',
    summary: 'the implicit slice of a variadic call is kept by the function called',
    explanation:
      'f(a, b) for func f(xs ...T) builds a []T holding a and b. When f stores its xs parameter (or passes it on to something that does), the slice must outlive the call and is allocated on the heap at every call.',
    fix: 'Make the callee copy the values it keeps, pass a slice the caller owns and reuses (f(buf...)), or add a non-variadic form for the common one- and two-argument calls.',
    chosen: 'The escaping expression is `... argument` (the implicit slice of a variadic call).',
  },
  {
    id: 'interface-stored',
    title: 'Boxed into an interface that is kept',
    summary: 'it is boxed into an interface value that is stored (a field, a global, a result) and outlives the call',
    explanation:
      'An interface holds a pointer to its value; a pointer, map, channel or func is that pointer itself, any other value (a number, string, slice, struct) is copied into a box. A value boxed into an interface that is stored in a struct field, a global or a returned result must outlive the function, so the runtime copies it to the heap (runtime/iface.go convT*). Small integers (0-255), zero-size values, constants, empty strings and nil slices are the exceptions.',
    fix: 'Keep the concrete type in the field or result (a typed field, a generic type parameter), or store a pointer you already own instead of a value that must be copied.',
    chosen:
      'The value is boxed (see `interface-conversion`) and the box is kept otherwise than by a call: it reaches a result, a global, a field or another object.',
  },
  {
    id: 'interface-conversion',
    title: 'Converted to an interface',
    summary: 'it is boxed into an interface (for example an argument to fmt or another ...any call)',
    explanation:
      'An interface holds a pointer to its value; a pointer, map, channel or func is that pointer itself (converting it allocates nothing), any other value (a number, string, slice, struct) is copied into a box. When the interface escapes (fmt functions keep their ...any arguments beyond the call) the box is on the heap (runtime/iface.go convT*). Small integers (0-255), zero-size values, constants, empty strings and nil slices are the exceptions.',
    fix: 'Use a typed API (strconv.AppendInt, buf.WriteString, a typed logger field) instead of fmt or ...any; format once outside hot loops.',
    chosen:
      "The value is boxed: the site is the interface conversion's own location, which the compiler makes only for a value that is not pointer-shaped (escape/expr.go spills OCONVIFACE). It is told from the flows: another explanation's `X (interface-converted)` note into `{storage for X}` at the site's position names the conversion; failing that, an escaping expression that allocates nothing of its own (`v`, `x.f`, `f(x)`, a struct literal) is a box, unless a `map literal key/value` or `slice-literal-element` note at its position, or the declaration of its type (`type Labels map[string]string`, read from the package's source) shows it is a named map or slice literal, it is a method value, or its own flow carries its `interface-converted` note onward (a pointer, map, channel or func: the interface's data word, no box, and the store or call that keeps it decides). The box is passed to a call (`call parameter`, `callee operand` reaching `{heap}`) or through a `... argument`.",
  },
  {
    id: 'closure-capture',
    title: 'Captured by an escaping closure',
    summary: 'a closure that outlives the call captures it',
    explanation:
      "A func literal refers to this variable. The closure itself escapes (it is returned, stored or passed on), so the variables it captures by reference, and the closure's own context, are allocated on the heap.",
    fix: 'Pass the value as a parameter instead of capturing it, make the closure not escape (call it directly), or turn it into a method on a struct you allocate once.',
    chosen:
      'The escaping expression is a `func literal` not started by `go` or `defer`; or the flow says `captured by a closure`; or the explanation ends at a variable (or `{temp}`) that a closure captures by reference.',
  },
  {
    id: 'goroutine',
    title: 'Used by a goroutine',
    summary: 'a goroutine uses it and may run after the function returns',
    explanation:
      'The go statement starts a closure that can outlive the function, so the closure and everything it captures must be on the heap.',
    fix: 'Pass the values as arguments to a named function (go worker(x)), reuse long-lived worker goroutines fed through a channel, or accept the one allocation per goroutine.',
    chosen: 'The escaping expression is a `func literal` and the source before it on its line ends in `go`.',
  },
  {
    id: 'deferred-closure',
    title: 'Captured by a deferred closure',
    summary: 'a deferred closure captures it',
    explanation: 'A deferred func literal that cannot be open-coded (for example a defer in a loop) is allocated with its captures.',
    fix: 'Move the defer out of loops or call a named function with arguments.',
    chosen: 'The escaping expression is a `func literal` and the source before it on its line ends in `defer`.',
  },
  {
    id: 'too-large',
    title: 'Too large for the stack',
    summary: 'it is too large for the stack (over 64 KiB implicit, 128 KiB explicit)',
    explanation:
      'The compiler puts implicit allocations (new, &T{}, make with a constant size, composite literals) over 64 KiB and variables over 128 KiB on the heap, whatever their lifetime.',
    fix: 'Reuse one buffer (a field, a sync.Pool, a parameter) or shrink it; process data in smaller chunks.',
    chosen: "The flow's reason is `too large for stack`.",
  },
  {
    id: 'too-aligned',
    title: 'Too aligned for the stack',
    summary: 'it needs stronger alignment than the stack guarantees',
    explanation: 'The type asks for an alignment the stack frame cannot provide, so the compiler allocates it on the heap.',
    fix: 'Relax the alignment requirement, or allocate it once and reuse it.',
    chosen: "The flow's reason is `too aligned for stack`.",
  },
  {
    id: 'non-constant-size',
    title: 'Size not known at compile time',
    summary: 'its size is only known at run time',
    explanation:
      'make with a length or capacity that is not a constant cannot be laid out in a fixed stack frame. Since Go 1.25 small ones (up to 32 bytes) use a stack buffer; larger ones are allocated on the heap.',
    fix: 'Use a constant size that covers the common case (a fixed array sliced to n), or reuse a buffer across calls.',
    chosen: "The flow's reason is `non-constant size`.",
  },
  {
    id: 'leaking-param-call',
    title: 'Passed to a function that keeps it',
    summary: 'it is passed to a call that keeps it (its parameter leaks, or it is called through an interface or function value)',
    explanation:
      'The callee stores the argument, returns it, or is not analysable (an interface method, a function value, assembly), so the compiler assumes it escapes.',
    fix: 'Call a concrete function whose parameter does not leak, make the callee inlinable, or pass a value instead of a pointer.',
    chosen:
      'The explanation ends at `{heap}` (or `{temp}`) through a `call parameter` or `callee operand` note: the callee keeps its argument. A pointer converted to an interface for such a call (`keep(&n)` with `func keep(x any)`) gets this id, not `interface-conversion`: converting a pointer allocates nothing.',
  },
  {
    id: 'append-escaping-slice',
    title: 'Appended to an escaping slice',
    summary: 'it is appended to a slice that escapes, or the slice grows beyond its stack storage',
    explanation:
      'append writes into a backing array that lives as long as the slice. When the slice escapes (a global, a returned slice, a field) the backing array and any pointers appended to it are on the heap.',
    fix: 'Preallocate the slice once with the capacity it needs and reuse it (s = s[:0]); append values rather than pointers.',
    chosen:
      'The expression is `append(...)`, or the flow has an `appended slice...` or `appendee slice` note, or the value is passed to `append` (a `call parameter` note whose call is `append(`): also a pointer appended to a `[]any`.',
  },
  {
    id: 'sent-on-channel',
    title: 'Sent on a channel',
    summary: 'it is sent on a channel, so another goroutine may hold it',
    explanation: 'A value sent on a channel can be received by any goroutine at any time, so pointers sent on channels escape.',
    fix: 'Send values instead of pointers, or send indices into a preallocated array.',
    chosen: 'The flow has a `send` note.',
  },
  {
    id: 'stored-in-map',
    title: 'Stored in a map',
    summary: 'it is stored as a map key or value',
    explanation: 'Map storage is on the heap; pointers stored in a map make what they point to escape.',
    fix: 'Store values rather than pointers, or keep the objects in a slice and store indices.',
    chosen: 'The flow has a `key of map put`, `map literal key` or `map literal value` note.',
  },
  {
    id: 'string-conversion',
    title: 'String/byte conversion copied to the heap',
    summary: 'a string/[]byte/[]rune conversion produces a copy that escapes',
    explanation:
      'Converting between string and []byte or []rune copies the data. When the result escapes or is larger than 32 bytes, the copy is on the heap.',
    fix: "Keep one representation ([]byte or string) end to end; use the strings/bytes packages' functions that accept both; append into a reused buffer.",
    chosen:
      'The expression is `string(...)`, `[]byte(...)` or `[]rune(...)` (and is not the box of such a value passed to an interface, which is `interface-conversion`).',
  },
  {
    id: 'string-concatenation',
    title: 'String concatenation',
    summary: 'the concatenated string escapes, so its bytes are on the heap',
    explanation: 'a + b builds a new string. When the result escapes (returned, stored) or exceeds 32 bytes, it is allocated.',
    fix: 'Build strings with a reused strings.Builder or append into a []byte buffer; avoid concatenating in hot paths.',
    chosen: 'The expression is a concatenation `a + b` (and not its box).',
  },
  {
    id: 'param-leaks-to-heap',
    title: 'Parameter leaks to the heap',
    summary: 'this parameter (or what it points to) escapes, so callers must heap-allocate what they pass',
    explanation:
      'The function stores the parameter, or memory it points to, where it outlives the call. Every caller that passes a pointer here has to allocate the pointee on the heap.',
    fix: 'Copy the data instead of keeping the pointer, or change the API so the callee does not retain its argument.',
    chosen: 'A `leaking param` decision (not a heap site) whose parameter leaks to `{heap}` or to memory other than a result.',
  },
  {
    id: 'param-returned',
    title: 'Parameter flows to a result',
    summary: "this parameter flows to a result, so it escapes if the caller's result does",
    explanation:
      'The parameter (or what it points to) is returned. This costs nothing by itself: whether it allocates depends on what each caller does with the result.',
    fix: 'Usually nothing to fix here; look at the callers whose result escapes.',
    chosen: 'A `leaking param` decision whose parameter leaks to a result (`~r0`, `~R0`).',
  },
  {
    id: 'slice-growth',
    title: 'Slice growth in append',
    summary: 'append grows the slice: a new, larger backing array is allocated and the elements copied',
    explanation:
      'When append runs out of capacity it allocates a bigger array (about 1.25x to 2x) and copies. The compiler does not report this as an escape: it happens at run time, inside runtime.growslice.',
    fix: 'Preallocate with make([]T, 0, n) when the final size is known or can be estimated, or reuse the slice across calls (s = s[:0]).',
    chosen: "Bench lines only: the allocation ran in `runtime.growslice` (the profile's frame, or the line's `-S` listing calls it).",
  },
  {
    id: 'map-growth',
    title: 'Map storage',
    summary: 'the map allocates storage for new entries (or grows its table)',
    explanation: 'Inserting into a map allocates groups of slots as it fills and rehashes into a larger table as it grows.',
    fix: 'Size the map up front with make(map[K]V, n), reuse it with clear(m), or use a slice indexed by a small integer key.',
    chosen:
      "Bench lines only: the allocation ran in `mapassign*` or `internal/runtime/maps`, or the line's `-S` listing calls a map allocation (checked after `slice-growth`).",
  },
  {
    id: 'library-allocation',
    title: 'Allocation inside a library call',
    summary: 'a function of another package allocates when called from this line',
    explanation:
      "The allocation happens inside the called function (shown as the innermost frame), not in this package's code; the compiler's report for this package cannot show it.",
    fix: 'Look for an allocation-free variant of the call (Append* functions, methods that take a buffer), or call it less often.',
    chosen: 'Bench lines only: the allocation ran inside a function of another package that none of the other bench-line rules names.',
  },
  {
    id: 'reflection',
    title: 'Allocation by reflection',
    summary: 'reflection (package reflect, or encoding packages built on it) allocates here',
    explanation: 'reflect.Value operations box values and build descriptors at run time; the compiler cannot see through them.',
    fix: 'Use generated or typed code on hot paths instead of reflection, or cache reflection results.',
    chosen: 'Bench lines only: the allocation ran in `reflect.` or `encoding/json.`.',
  },
  {
    id: 'runtime-internal',
    title: 'Allocation inside the runtime',
    summary: 'the runtime allocates on behalf of this line (goroutine start, channel, timer, defer, ...)',
    explanation: 'Some operations allocate inside the runtime itself: starting a goroutine, creating channels and timers, growing stacks.',
    fix: 'Reuse the runtime object (a long-lived goroutine or channel) instead of creating one per operation.',
    chosen:
      "Bench lines only: the allocation ran in `runtime.` (other than growslice and maps), or the line's `-S` listing makes a channel; checked after `reflection`.",
  },
  {
    id: 'heap-backed-stack-make',
    title: 'Stack make too large for its buffer',
    summary: 'a make that does not escape still allocates: its run-time size exceeds the small stack buffer',
    explanation:
      'Since Go 1.25 a non-escaping make with a run-time size gets a 32-byte buffer on the stack and calls the allocator only when it needs more. "does not escape" therefore does not mean "never allocates".',
    fix: 'If the size has a small upper bound, use a fixed-size array on the stack (var buf [N]T; s := buf[:n]); otherwise reuse a buffer.',
    chosen:
      'Bench lines only: an allocation ran on a line where the compiler decided `make(...) does not escape` (its run-time size exceeded the stack buffer); checked after the two growth rules.',
  },
  {
    id: 'unclassified',
    title: 'Escapes for another reason',
    summary: 'the compiler decided it escapes; heapscope has no plain-language cause for this flow yet',
    explanation:
      "The compiler's explanation chain (shown below) says where the value flows. heapscope did not recognise the pattern; the reason words are the compiler's own.",
    fix: 'Follow the flow to the step that reaches {heap} or a result, and remove that reference.',
    chosen:
      'A heap decision whose explanation has no root the rules above recognise: kept for explanations of a shape no release has printed yet.',
  },
] as const satisfies readonly Cause[];

export type CauseId = (typeof table)[number]['id'];

export const CAUSES: readonly Cause[] = table;

const byId = new Map<string, Cause>(table.map((c) => [c.id, c]));

export function cause(id: CauseId): Cause {
  return byId.get(id)!;
}

export function findCause(id: string): Cause | undefined {
  return byId.get(id);
}
