// The cause catalogue's English text (src/model/causes.ts keeps the ids and the order): for each cause a title,
// a one-line summary shown beside the site, the explanation, the fix and what leads heapscope to choose it.
// ICU MessageFormat: the compiler's `{heap}`, `{storage for X}` and `{temp}` are quoted ('{heap}').
export const causes = {
  'cause.returned-address.title': 'Address returned',
  'cause.returned-address.summary': 'its address is returned, so it must outlive the function',
  'cause.returned-address.explanation':
    'The function returns a pointer to this variable (or to memory holding it). A stack frame disappears when the function returns, so the compiler moves the variable to the heap.',
  'cause.returned-address.fix':
    "Return the value instead of a pointer, or let the caller pass in a pointer to fill; if the function is small, letting it inline can also keep the value on the caller's stack.",
  'cause.returned-address.chosen':
    "The explanation ends at a result (`~r0`, or a named result: a variable the function's declaration names as a result), and the value is an address: a variable moved to the heap, an `&` expression, or a flow that starts with `address-of`.",
  'cause.returned-value.title': 'Returned new memory',
  'cause.returned-value.summary': 'newly built memory (string, slice, closure) is returned to the caller',
  'cause.returned-value.explanation':
    'The expression creates memory (a concatenated string, a converted slice, a closure, a composite literal) and hands it to the caller. Memory whose size or lifetime the caller decides cannot live in this frame.',
  'cause.returned-value.fix':
    'Let the caller provide the buffer (append to a []byte parameter, write into an io.Writer or strings.Builder), or return a value type instead of a reference.',
  'cause.returned-value.chosen':
    'The explanation ends at a result, and the value is not an address (a slice, map, closure or string made here and returned).',
  'cause.stored-in-heap.title': 'Stored in a global or heap object',
  'cause.stored-in-heap.summary': 'it is stored where the heap can reach it (a global, or memory reached through a pointer)',
  'cause.stored-in-heap.explanation':
    'The value or its address is assigned to a package-level variable, or stored through a pointer (a pointer parameter, a field of memory reached through one), which the compiler treats as heap memory: it may be used after the function returns.',
  'cause.stored-in-heap.fix':
    'Store values rather than pointers, keep the data local, or reuse a preallocated object (a field, a sync.Pool) instead of creating a new one per call.',
  'cause.stored-in-heap.chosen':
    "The explanation ends at `'{heap}'` and the note that reaches it is not a call's argument: an assignment to a global or through a pointer (`global = t (assign)`, `p.f = x`). A map, pointer or other pointer-shaped value converted to an interface that is stored so gets this id too: no box is made, the store keeps the value.",
  'cause.stored-in-heap-object.title': 'Stored in an object on the heap',
  'cause.stored-in-heap-object.summary': 'it is stored in an object that is itself on the heap',
  'cause.stored-in-heap-object.explanation':
    "The value (or its address) is put into a struct, slice or variable that escapes for a reason of its own. Whatever that object holds must live as long as it does, so this value is on the heap too. The root of the chain is the object's own cause: removing that escape keeps both on the stack.",
  'cause.stored-in-heap-object.fix':
    'Fix the root of the chain (shown below); if the object must stay on the heap, store a value instead of a pointer, or allocate the two together (embed the value in the object).',
  'cause.stored-in-heap-object.chosen':
    "The explanation ends at `'{storage for X}'` (an allocation that is itself on the heap), or at a variable that is itself moved to the heap. The chain (`chain`, `rootCause`) leads to that object's own decision.",
  'cause.outlives-loop.title': 'Outlives its loop iteration',
  'cause.outlives-loop.summary': 'it is kept in a variable declared outside the loop it is made in, so it outlives the iteration',
  'cause.outlives-loop.explanation':
    "The compiler gives each loop iteration's values one stack slot. A value made inside a loop whose address (or which itself) is stored in a variable declared before the loop may still be referenced in a later iteration, when the slot holds another value, so it is moved to the heap (escape/solve.go, outlives: loop depth).",
  'cause.outlives-loop.fix':
    'Declare the variable inside the loop, store a value instead of an address, or allocate once before the loop and reuse it (reset a map with clear, a slice with s = s[:0]).',
  'cause.outlives-loop.chosen':
    "The explanation ends at a variable that is neither a result, nor on the heap, nor captured by reference: one declared outside the loop the value is made in (escape analysis's loop depth); or at `'{temp}'` with no call's argument before it.",
  'cause.variadic-slice.title': 'Variadic argument slice kept by the callee',
  'cause.variadic-slice.summary': 'the implicit slice of a variadic call is kept by the function called',
  'cause.variadic-slice.explanation':
    'f(a, b) for func f(xs ...T) builds a []T holding a and b. When f stores its xs parameter (or passes it on to something that does), the slice must outlive the call and is allocated on the heap at every call.',
  'cause.variadic-slice.fix':
    'Make the callee copy the values it keeps, pass a slice the caller owns and reuses (f(buf...)), or add a non-variadic form for the common one- and two-argument calls.',
  'cause.variadic-slice.chosen': 'The escaping expression is `... argument` (the implicit slice of a variadic call).',
  'cause.interface-stored.title': 'Boxed into an interface that is kept',
  'cause.interface-stored.summary':
    'it is boxed into an interface value that is stored (a field, a global, a result) and outlives the call',
  'cause.interface-stored.explanation':
    'An interface holds a pointer to its value; a pointer, map, channel or func is that pointer itself, any other value (a number, string, slice, struct) is copied into a box. A value boxed into an interface that is stored in a struct field, a global or a returned result must outlive the function, so the runtime copies it to the heap (runtime/iface.go convT*). Small integers (0-255), zero-size values, constants, empty strings and nil slices are the exceptions.',
  'cause.interface-stored.fix':
    'Keep the concrete type in the field or result (a typed field, a generic type parameter), or store a pointer you already own instead of a value that must be copied.',
  'cause.interface-stored.chosen':
    'The value is boxed (see `interface-conversion`) and the box is kept otherwise than by a call: it reaches a result, a global, a field or another object.',
  'cause.interface-conversion.title': 'Converted to an interface',
  'cause.interface-conversion.summary': 'it is boxed into an interface (for example an argument to fmt or another ...any call)',
  'cause.interface-conversion.explanation':
    'An interface holds a pointer to its value; a pointer, map, channel or func is that pointer itself (converting it allocates nothing), any other value (a number, string, slice, struct) is copied into a box. When the interface escapes (fmt functions keep their ...any arguments beyond the call) the box is on the heap (runtime/iface.go convT*). Small integers (0-255), zero-size values, constants, empty strings and nil slices are the exceptions.',
  'cause.interface-conversion.fix':
    'Use a typed API (strconv.AppendInt, buf.WriteString, a typed logger field) instead of fmt or ...any; format once outside hot loops.',
  'cause.interface-conversion.chosen':
    "The value is boxed: the site is the interface conversion's own location, which the compiler makes only for a value that is not pointer-shaped (escape/expr.go spills OCONVIFACE). It is told from the flows: another explanation's `X (interface-converted)` note into `'{storage for X}'` at the site's position names the conversion; failing that, an escaping expression that allocates nothing of its own (`v`, `x.f`, `f(x)`, a struct literal) is a box, unless a `map literal key/value` or `slice-literal-element` note at its position, or the declaration of its type (`type Labels map[string]string`, read from the package's source) shows it is a named map or slice literal, it is a method value, or its own flow carries its `interface-converted` note onward (a pointer, map, channel or func: the interface's data word, no box, and the store or call that keeps it decides). The box is passed to a call (`call parameter`, `callee operand` reaching `'{heap}'`) or through a `... argument`.",
  'cause.closure-capture.title': 'Captured by an escaping closure',
  'cause.closure-capture.summary': 'a closure that outlives the call captures it',
  'cause.closure-capture.explanation':
    "A func literal refers to this variable. The closure itself escapes (it is returned, stored or passed on), so the variables it captures by reference, and the closure's own context, are allocated on the heap.",
  'cause.closure-capture.fix':
    'Pass the value as a parameter instead of capturing it, make the closure not escape (call it directly), or turn it into a method on a struct you allocate once.',
  'cause.closure-capture.chosen':
    "The escaping expression is a `func literal` not started by `go` or `defer`; or the flow says `captured by a closure`; or the explanation ends at a variable (or `'{temp}'`) that a closure captures by reference.",
  'cause.goroutine.title': 'Used by a goroutine',
  'cause.goroutine.summary': 'a goroutine uses it and may run after the function returns',
  'cause.goroutine.explanation':
    'The go statement starts a closure that can outlive the function, so the closure and everything it captures must be on the heap.',
  'cause.goroutine.fix':
    'Pass the values as arguments to a named function (go worker(x)), reuse long-lived worker goroutines fed through a channel, or accept the one allocation per goroutine.',
  'cause.goroutine.chosen': 'The escaping expression is a `func literal` and the source before it on its line ends in `go`.',
  'cause.deferred-closure.title': 'Captured by a deferred closure',
  'cause.deferred-closure.summary': 'a deferred closure captures it',
  'cause.deferred-closure.explanation':
    'A deferred func literal that cannot be open-coded (for example a defer in a loop) is allocated with its captures.',
  'cause.deferred-closure.fix': 'Move the defer out of loops or call a named function with arguments.',
  'cause.deferred-closure.chosen': 'The escaping expression is a `func literal` and the source before it on its line ends in `defer`.',
  'cause.too-large.title': 'Too large for the stack',
  'cause.too-large.summary': 'it is too large for the stack (over 64 KiB implicit, 128 KiB explicit)',
  'cause.too-large.explanation':
    "The compiler puts implicit allocations (new, &T'{}', make with a constant size, composite literals) over 64 KiB and variables over 128 KiB on the heap, whatever their lifetime.",
  'cause.too-large.fix': 'Reuse one buffer (a field, a sync.Pool, a parameter) or shrink it; process data in smaller chunks.',
  'cause.too-large.chosen': "The flow's reason is `too large for stack`.",
  'cause.too-aligned.title': 'Too aligned for the stack',
  'cause.too-aligned.summary': 'it needs stronger alignment than the stack guarantees',
  'cause.too-aligned.explanation':
    'The type asks for an alignment the stack frame cannot provide, so the compiler allocates it on the heap.',
  'cause.too-aligned.fix': 'Relax the alignment requirement, or allocate it once and reuse it.',
  'cause.too-aligned.chosen': "The flow's reason is `too aligned for stack`.",
  'cause.non-constant-size.title': 'Size not known at compile time',
  'cause.non-constant-size.summary': 'its size is only known at run time',
  'cause.non-constant-size.explanation':
    'make with a length or capacity that is not a constant cannot be laid out in a fixed stack frame. Since Go 1.25 small ones (up to 32 bytes) use a stack buffer; larger ones are allocated on the heap.',
  'cause.non-constant-size.fix':
    'Use a constant size that covers the common case (a fixed array sliced to n), or reuse a buffer across calls.',
  'cause.non-constant-size.chosen': "The flow's reason is `non-constant size`.",
  'cause.leaking-param-call.title': 'Passed to a function that keeps it',
  'cause.leaking-param-call.summary':
    'it is passed to a call that keeps it (its parameter leaks, or it is called through an interface or function value)',
  'cause.leaking-param-call.explanation':
    'The callee stores the argument, returns it, or is not analysable (an interface method, a function value, assembly), so the compiler assumes it escapes.',
  'cause.leaking-param-call.fix':
    'Call a concrete function whose parameter does not leak, make the callee inlinable, or pass a value instead of a pointer.',
  'cause.leaking-param-call.chosen':
    "The explanation ends at `'{heap}'` (or `'{temp}'`) through a `call parameter` or `callee operand` note: the callee keeps its argument. A pointer converted to an interface for such a call (`keep(&n)` with `func keep(x any)`) gets this id, not `interface-conversion`: converting a pointer allocates nothing.",
  'cause.append-escaping-slice.title': 'Appended to an escaping slice',
  'cause.append-escaping-slice.summary': 'it is appended to a slice that escapes, or the slice grows beyond its stack storage',
  'cause.append-escaping-slice.explanation':
    'append writes into a backing array that lives as long as the slice. When the slice escapes (a global, a returned slice, a field) the backing array and any pointers appended to it are on the heap.',
  'cause.append-escaping-slice.fix':
    'Preallocate the slice once with the capacity it needs and reuse it (s = s[:0]); append values rather than pointers.',
  'cause.append-escaping-slice.chosen':
    'The expression is `append(...)`, or the flow has an `appended slice...` or `appendee slice` note, or the value is passed to `append` (a `call parameter` note whose call is `append(`): also a pointer appended to a `[]any`.',
  'cause.sent-on-channel.title': 'Sent on a channel',
  'cause.sent-on-channel.summary': 'it is sent on a channel, so another goroutine may hold it',
  'cause.sent-on-channel.explanation':
    'A value sent on a channel can be received by any goroutine at any time, so pointers sent on channels escape.',
  'cause.sent-on-channel.fix': 'Send values instead of pointers, or send indices into a preallocated array.',
  'cause.sent-on-channel.chosen': 'The flow has a `send` note.',
  'cause.stored-in-map.title': 'Stored in a map',
  'cause.stored-in-map.summary': 'it is stored as a map key or value',
  'cause.stored-in-map.explanation': 'Map storage is on the heap; pointers stored in a map make what they point to escape.',
  'cause.stored-in-map.fix': 'Store values rather than pointers, or keep the objects in a slice and store indices.',
  'cause.stored-in-map.chosen': 'The flow has a `key of map put`, `map literal key` or `map literal value` note.',
  'cause.string-conversion.title': 'String/byte conversion copied to the heap',
  'cause.string-conversion.summary': 'a string/[]byte/[]rune conversion produces a copy that escapes',
  'cause.string-conversion.explanation':
    'Converting between string and []byte or []rune copies the data. When the result escapes or is larger than 32 bytes, the copy is on the heap.',
  'cause.string-conversion.fix':
    "Keep one representation ([]byte or string) end to end; use the strings/bytes packages' functions that accept both; append into a reused buffer.",
  'cause.string-conversion.chosen':
    'The expression is `string(...)`, `[]byte(...)` or `[]rune(...)` (and is not the box of such a value passed to an interface, which is `interface-conversion`).',
  'cause.string-concatenation.title': 'String concatenation',
  'cause.string-concatenation.summary': 'the concatenated string escapes, so its bytes are on the heap',
  'cause.string-concatenation.explanation':
    'a + b builds a new string. When the result escapes (returned, stored) or exceeds 32 bytes, it is allocated.',
  'cause.string-concatenation.fix':
    'Build strings with a reused strings.Builder or append into a []byte buffer; avoid concatenating in hot paths.',
  'cause.string-concatenation.chosen': 'The expression is a concatenation `a + b` (and not its box).',
  'cause.param-leaks-to-heap.title': 'Parameter leaks to the heap',
  'cause.param-leaks-to-heap.summary': 'this parameter (or what it points to) escapes, so callers must heap-allocate what they pass',
  'cause.param-leaks-to-heap.explanation':
    'The function stores the parameter, or memory it points to, where it outlives the call. Every caller that passes a pointer here has to allocate the pointee on the heap.',
  'cause.param-leaks-to-heap.fix':
    'Copy the data instead of keeping the pointer, or change the API so the callee does not retain its argument.',
  'cause.param-leaks-to-heap.chosen':
    "A `leaking param` decision (not a heap site) whose parameter leaks to `'{heap}'` or to memory other than a result.",
  'cause.param-returned.title': 'Parameter flows to a result',
  'cause.param-returned.summary': "this parameter flows to a result, so it escapes if the caller's result does",
  'cause.param-returned.explanation':
    'The parameter (or what it points to) is returned. This costs nothing by itself: whether it allocates depends on what each caller does with the result.',
  'cause.param-returned.fix': 'Usually nothing to fix here; look at the callers whose result escapes.',
  'cause.param-returned.chosen': 'A `leaking param` decision whose parameter leaks to a result (`~r0`, `~R0`).',
  'cause.slice-growth.title': 'Slice growth in append',
  'cause.slice-growth.summary': 'append grows the slice: a new, larger backing array is allocated and the elements copied',
  'cause.slice-growth.explanation':
    'When append runs out of capacity it allocates a bigger array (about 1.25x to 2x) and copies. The compiler does not report this as an escape: it happens at run time, inside runtime.growslice.',
  'cause.slice-growth.fix':
    'Preallocate with make([]T, 0, n) when the final size is known or can be estimated, or reuse the slice across calls (s = s[:0]).',
  'cause.slice-growth.chosen':
    "Bench lines only: the allocation ran in `runtime.growslice` (the profile's frame, or the line's `-S` listing calls it).",
  'cause.map-growth.title': 'Map storage',
  'cause.map-growth.summary': 'the map allocates storage for new entries (or grows its table)',
  'cause.map-growth.explanation':
    'Inserting into a map allocates groups of slots as it fills and rehashes into a larger table as it grows.',
  'cause.map-growth.fix':
    'Size the map up front with make(map[K]V, n), reuse it with clear(m), or use a slice indexed by a small integer key.',
  'cause.map-growth.chosen':
    "Bench lines only: the allocation ran in `mapassign*` or `internal/runtime/maps`, or the line's `-S` listing calls a map allocation (checked after `slice-growth`).",
  'cause.library-allocation.title': 'Allocation inside a library call',
  'cause.library-allocation.summary': 'a function of another package allocates when called from this line',
  'cause.library-allocation.explanation':
    "The allocation happens inside the called function (shown as the innermost frame), not in this package's code; the compiler's report for this package cannot show it.",
  'cause.library-allocation.fix':
    'Look for an allocation-free variant of the call (Append* functions, methods that take a buffer), or call it less often.',
  'cause.library-allocation.chosen':
    'Bench lines only: the allocation ran inside a function of another package that none of the other bench-line rules names.',
  'cause.reflection.title': 'Allocation by reflection',
  'cause.reflection.summary': 'reflection (package reflect, or encoding packages built on it) allocates here',
  'cause.reflection.explanation':
    'reflect.Value operations box values and build descriptors at run time; the compiler cannot see through them.',
  'cause.reflection.fix': 'Use generated or typed code on hot paths instead of reflection, or cache reflection results.',
  'cause.reflection.chosen': 'Bench lines only: the allocation ran in `reflect.` or `encoding/json.`.',
  'cause.runtime-internal.title': 'Allocation inside the runtime',
  'cause.runtime-internal.summary': 'the runtime allocates on behalf of this line (goroutine start, channel, timer, defer, ...)',
  'cause.runtime-internal.explanation':
    'Some operations allocate inside the runtime itself: starting a goroutine, creating channels and timers, growing stacks.',
  'cause.runtime-internal.fix': 'Reuse the runtime object (a long-lived goroutine or channel) instead of creating one per operation.',
  'cause.runtime-internal.chosen':
    "Bench lines only: the allocation ran in `runtime.` (other than growslice and maps), or the line's `-S` listing makes a channel; checked after `reflection`.",
  'cause.heap-backed-stack-make.title': 'Stack make too large for its buffer',
  'cause.heap-backed-stack-make.summary': 'a make that does not escape still allocates: its run-time size exceeds the small stack buffer',
  'cause.heap-backed-stack-make.explanation':
    'Since Go 1.25 a non-escaping make with a run-time size gets a 32-byte buffer on the stack and calls the allocator only when it needs more. "does not escape" therefore does not mean "never allocates".',
  'cause.heap-backed-stack-make.fix':
    'If the size has a small upper bound, use a fixed-size array on the stack (var buf [N]T; s := buf[:n]); otherwise reuse a buffer.',
  'cause.heap-backed-stack-make.chosen':
    'Bench lines only: an allocation ran on a line where the compiler decided `make(...) does not escape` (its run-time size exceeded the stack buffer); checked after the two growth rules.',
  'cause.unclassified.title': 'Escapes for another reason',
  'cause.unclassified.summary': 'the compiler decided it escapes; heapscope has no plain-language cause for this flow yet',
  'cause.unclassified.explanation':
    "The compiler's explanation chain (shown below) says where the value flows. heapscope did not recognise the pattern; the reason words are the compiler's own.",
  'cause.unclassified.fix': "Follow the flow to the step that reaches '{heap}' or a result, and remove that reference.",
  'cause.unclassified.chosen':
    'A heap decision whose explanation has no root the rules above recognise: kept for explanations of a shape no release has printed yet.',
} as const;
