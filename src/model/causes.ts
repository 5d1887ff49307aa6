// The one catalogue of root causes. Text, JSON, docs and (later) SARIF rules and the HTML report all read it;
// code and tests refer to causes by id only. docs/causes.md is generated from this table by a test that checks
// they agree.

export interface Cause {
  id: string;
  title: string;
  /** One line, shown beside the site. */
  summary: string;
  /** Why the compiler decided so, in plain words. */
  explanation: string;
  /** A concrete change that usually removes the allocation. */
  fix: string;
}

const table = [
  {
    id: 'returned-address',
    title: 'Address returned',
    summary: 'its address is returned, so it must outlive the function',
    explanation:
      'The function returns a pointer to this variable (or to memory holding it). A stack frame disappears when the function returns, so the compiler moves the variable to the heap.',
    fix: "Return the value instead of a pointer, or let the caller pass in a pointer to fill; if the function is small, letting it inline can also keep the value on the caller's stack.",
  },
  {
    id: 'returned-value',
    title: 'Returned new memory',
    summary: 'newly built memory (string, slice, closure) is returned to the caller',
    explanation:
      'The expression creates memory (a concatenated string, a converted slice, a closure, a composite literal) and hands it to the caller. Memory whose size or lifetime the caller decides cannot live in this frame.',
    fix: 'Let the caller provide the buffer (append to a []byte parameter, write into an io.Writer or strings.Builder), or return a value type instead of a reference.',
  },
  {
    id: 'stored-in-heap',
    title: 'Stored in a global or heap object',
    summary: 'it is stored where the heap can reach it (a global, or memory reached through a pointer)',
    explanation:
      'The value or its address is assigned to a package-level variable, or stored through a pointer (a pointer parameter, a field of memory reached through one), which the compiler treats as heap memory: it may be used after the function returns.',
    fix: 'Store values rather than pointers, keep the data local, or reuse a preallocated object (a field, a sync.Pool) instead of creating a new one per call.',
  },
  {
    id: 'stored-in-heap-object',
    title: 'Stored in an object on the heap',
    summary: 'it is stored in an object that is itself on the heap',
    explanation:
      "The value (or its address) is put into a struct, slice or variable that escapes for a reason of its own. Whatever that object holds must live as long as it does, so this value is on the heap too. The root of the chain is the object's own cause: removing that escape keeps both on the stack.",
    fix: 'Fix the root of the chain (shown below); if the object must stay on the heap, store a value instead of a pointer, or allocate the two together (embed the value in the object).',
  },
  {
    id: 'outlives-loop',
    title: 'Outlives its loop iteration',
    summary: 'it is kept in a variable declared outside the loop it is made in, so it outlives the iteration',
    explanation:
      "The compiler gives each loop iteration's values one stack slot. A value made inside a loop whose address (or which itself) is stored in a variable declared before the loop may still be referenced in a later iteration, when the slot holds another value, so it is moved to the heap (escape/solve.go, outlives: loop depth).",
    fix: 'Declare the variable inside the loop, store a value instead of an address, or allocate once before the loop and reuse it (reset a map with clear, a slice with s = s[:0]).',
  },
  {
    id: 'variadic-slice',
    title: 'Variadic argument slice kept by the callee',
    summary: 'the implicit slice of a variadic call is kept by the function called',
    explanation:
      'f(a, b) for func f(xs ...T) builds a []T holding a and b. When f stores its xs parameter (or passes it on to something that does), the slice must outlive the call and is allocated on the heap at every call.',
    fix: 'Make the callee copy the values it keeps, pass a slice the caller owns and reuses (f(buf...)), or add a non-variadic form for the common one- and two-argument calls.',
  },
  {
    id: 'interface-stored',
    title: 'Boxed into an interface that is kept',
    summary: 'it is converted to an interface value that is stored (a field, a global, a result) and outlives the call',
    explanation:
      'An interface holds a pointer to its value. A value converted to an interface that is stored in a struct field, a global or a returned result must outlive the function, so the runtime copies it to the heap (runtime/iface.go convT*). Small integers (0-255), zero-size values, constants, empty strings and nil slices are the exceptions.',
    fix: 'Keep the concrete type in the field or result (a typed field, a generic type parameter), or store a pointer you already own instead of a value that must be copied.',
  },
  {
    id: 'interface-conversion',
    title: 'Converted to an interface',
    summary: 'it is converted to an interface (for example an argument to fmt or another ...any call)',
    explanation:
      'An interface holds a pointer to its value. When the interface escapes (fmt functions keep their ...any arguments beyond the call) the value is copied to the heap. Small integers (0-255) and zero-sized values are the only exceptions.',
    fix: 'Use a typed API (strconv.AppendInt, buf.WriteString, a typed logger field) instead of fmt or ...any; format once outside hot loops.',
  },
  {
    id: 'closure-capture',
    title: 'Captured by an escaping closure',
    summary: 'a closure that outlives the call captures it',
    explanation:
      "A func literal refers to this variable. The closure itself escapes (it is returned, stored or passed on), so the variables it captures by reference, and the closure's own context, are allocated on the heap.",
    fix: 'Pass the value as a parameter instead of capturing it, make the closure not escape (call it directly), or turn it into a method on a struct you allocate once.',
  },
  {
    id: 'goroutine',
    title: 'Used by a goroutine',
    summary: 'a goroutine uses it and may run after the function returns',
    explanation:
      'The go statement starts a closure that can outlive the function, so the closure and everything it captures must be on the heap.',
    fix: 'Pass the values as arguments to a named function (go worker(x)), reuse long-lived worker goroutines fed through a channel, or accept the one allocation per goroutine.',
  },
  {
    id: 'deferred-closure',
    title: 'Captured by a deferred closure',
    summary: 'a deferred closure captures it',
    explanation: 'A deferred func literal that cannot be open-coded (for example a defer in a loop) is allocated with its captures.',
    fix: 'Move the defer out of loops or call a named function with arguments.',
  },
  {
    id: 'too-large',
    title: 'Too large for the stack',
    summary: 'it is too large for the stack (over 64 KiB implicit, 128 KiB explicit)',
    explanation:
      'The compiler puts implicit allocations (new, &T{}, make with a constant size, composite literals) over 64 KiB and variables over 128 KiB on the heap, whatever their lifetime.',
    fix: 'Reuse one buffer (a field, a sync.Pool, a parameter) or shrink it; process data in smaller chunks.',
  },
  {
    id: 'too-aligned',
    title: 'Too aligned for the stack',
    summary: 'it needs stronger alignment than the stack guarantees',
    explanation: 'The type asks for an alignment the stack frame cannot provide, so the compiler allocates it on the heap.',
    fix: 'Relax the alignment requirement, or allocate it once and reuse it.',
  },
  {
    id: 'non-constant-size',
    title: 'Size not known at compile time',
    summary: 'its size is only known at run time',
    explanation:
      'make with a length or capacity that is not a constant cannot be laid out in a fixed stack frame. Since Go 1.25 small ones (up to 32 bytes) use a stack buffer; larger ones are allocated on the heap.',
    fix: 'Use a constant size that covers the common case (a fixed array sliced to n), or reuse a buffer across calls.',
  },
  {
    id: 'leaking-param-call',
    title: 'Passed to a function that keeps it',
    summary: 'it is passed to a call that keeps it (its parameter leaks, or it is called through an interface or function value)',
    explanation:
      'The callee stores the argument, returns it, or is not analysable (an interface method, a function value, assembly), so the compiler assumes it escapes.',
    fix: 'Call a concrete function whose parameter does not leak, make the callee inlinable, or pass a value instead of a pointer.',
  },
  {
    id: 'append-escaping-slice',
    title: 'Appended to an escaping slice',
    summary: 'it is appended to a slice that escapes, or the slice grows beyond its stack storage',
    explanation:
      'append writes into a backing array that lives as long as the slice. When the slice escapes (a global, a returned slice, a field) the backing array and any pointers appended to it are on the heap.',
    fix: 'Preallocate the slice once with the capacity it needs and reuse it (s = s[:0]); append values rather than pointers.',
  },
  {
    id: 'sent-on-channel',
    title: 'Sent on a channel',
    summary: 'it is sent on a channel, so another goroutine may hold it',
    explanation: 'A value sent on a channel can be received by any goroutine at any time, so pointers sent on channels escape.',
    fix: 'Send values instead of pointers, or send indices into a preallocated array.',
  },
  {
    id: 'stored-in-map',
    title: 'Stored in a map',
    summary: 'it is stored as a map key or value',
    explanation: 'Map storage is on the heap; pointers stored in a map make what they point to escape.',
    fix: 'Store values rather than pointers, or keep the objects in a slice and store indices.',
  },
  {
    id: 'string-conversion',
    title: 'String/byte conversion copied to the heap',
    summary: 'a string/[]byte/[]rune conversion produces a copy that escapes',
    explanation:
      'Converting between string and []byte or []rune copies the data. When the result escapes or is larger than 32 bytes, the copy is on the heap.',
    fix: "Keep one representation ([]byte or string) end to end; use the strings/bytes packages' functions that accept both; append into a reused buffer.",
  },
  {
    id: 'string-concatenation',
    title: 'String concatenation',
    summary: 'the concatenated string escapes, so its bytes are on the heap',
    explanation: 'a + b builds a new string. When the result escapes (returned, stored) or exceeds 32 bytes, it is allocated.',
    fix: 'Build strings with a reused strings.Builder or append into a []byte buffer; avoid concatenating in hot paths.',
  },
  {
    id: 'param-leaks-to-heap',
    title: 'Parameter leaks to the heap',
    summary: 'this parameter (or what it points to) escapes, so callers must heap-allocate what they pass',
    explanation:
      'The function stores the parameter, or memory it points to, where it outlives the call. Every caller that passes a pointer here has to allocate the pointee on the heap.',
    fix: 'Copy the data instead of keeping the pointer, or change the API so the callee does not retain its argument.',
  },
  {
    id: 'param-returned',
    title: 'Parameter flows to a result',
    summary: "this parameter flows to a result, so it escapes if the caller's result does",
    explanation:
      'The parameter (or what it points to) is returned. This costs nothing by itself: whether it allocates depends on what each caller does with the result.',
    fix: 'Usually nothing to fix here; look at the callers whose result escapes.',
  },
  {
    id: 'slice-growth',
    title: 'Slice growth in append',
    summary: 'append grows the slice: a new, larger backing array is allocated and the elements copied',
    explanation:
      'When append runs out of capacity it allocates a bigger array (about 1.25x to 2x) and copies. The compiler does not report this as an escape: it happens at run time, inside runtime.growslice.',
    fix: 'Preallocate with make([]T, 0, n) when the final size is known or can be estimated, or reuse the slice across calls (s = s[:0]).',
  },
  {
    id: 'map-growth',
    title: 'Map storage',
    summary: 'the map allocates storage for new entries (or grows its table)',
    explanation: 'Inserting into a map allocates groups of slots as it fills and rehashes into a larger table as it grows.',
    fix: 'Size the map up front with make(map[K]V, n), reuse it with clear(m), or use a slice indexed by a small integer key.',
  },
  {
    id: 'library-allocation',
    title: 'Allocation inside a library call',
    summary: 'a function of another package allocates when called from this line',
    explanation:
      "The allocation happens inside the called function (shown as the innermost frame), not in this package's code; the compiler's report for this package cannot show it.",
    fix: 'Look for an allocation-free variant of the call (Append* functions, methods that take a buffer), or call it less often.',
  },
  {
    id: 'reflection',
    title: 'Allocation by reflection',
    summary: 'reflection (package reflect, or encoding packages built on it) allocates here',
    explanation: 'reflect.Value operations box values and build descriptors at run time; the compiler cannot see through them.',
    fix: 'Use generated or typed code on hot paths instead of reflection, or cache reflection results.',
  },
  {
    id: 'runtime-internal',
    title: 'Allocation inside the runtime',
    summary: 'the runtime allocates on behalf of this line (goroutine start, channel, timer, defer, ...)',
    explanation: 'Some operations allocate inside the runtime itself: starting a goroutine, creating channels and timers, growing stacks.',
    fix: 'Reuse the runtime object (a long-lived goroutine or channel) instead of creating one per operation.',
  },
  {
    id: 'heap-backed-stack-make',
    title: 'Stack make too large for its buffer',
    summary: 'a make that does not escape still allocates: its run-time size exceeds the small stack buffer',
    explanation:
      'Since Go 1.25 a non-escaping make with a run-time size gets a 32-byte buffer on the stack and calls the allocator only when it needs more. "does not escape" therefore does not mean "never allocates".',
    fix: 'If the size has a small upper bound, use a fixed-size array on the stack (var buf [N]T; s := buf[:n]); otherwise reuse a buffer.',
  },
  {
    id: 'unclassified',
    title: 'Escapes for another reason',
    summary: 'the compiler decided it escapes; heapscope has no plain-language cause for this flow yet',
    explanation:
      "The compiler's explanation chain (shown below) says where the value flows. heapscope did not recognise the pattern; the reason words are the compiler's own.",
    fix: 'Follow the flow to the step that reaches {heap} or a result, and remove that reference.',
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
