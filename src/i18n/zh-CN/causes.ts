import type { causes as en } from '../en/causes.js';

// 原因目录的中文文本（术语见 docs/glossary.zh-CN.md）。编译器的名字、表达式和 `{heap}` 等保持原样。
export const causes: Record<keyof typeof en, string> = {
  'cause.returned-address.title': '返回了地址',
  'cause.returned-address.summary': '它的地址被返回，因此它必须比函数活得更久',
  'cause.returned-address.explanation':
    '函数返回了指向这个变量（或指向容纳它的内存）的指针。函数返回时栈帧随之消失，所以编译器把该变量移到堆上。',
  'cause.returned-address.fix':
    '直接返回该值而不是指针，或者让调用方传入一个指针由函数填充；如果函数很小，让它被内联也能把值留在调用方的栈上。',
  'cause.returned-address.chosen':
    '解释链止于一个返回值（`~r0`，或具名返回值：函数声明中命名为返回值的变量），并且该值是一个地址：被移到堆上的变量、`&` 表达式，或以 `address-of` 开头的数据流。',
  'cause.returned-value.title': '返回了新分配的内存',
  'cause.returned-value.summary': '新构造的内存（字符串、切片、闭包）被返回给调用方',
  'cause.returned-value.explanation':
    '该表达式创建了内存（拼接出的字符串、转换得到的切片、闭包、复合字面量）并交给调用方。大小或生命周期由调用方决定的内存不能放在本函数的栈帧里。',
  'cause.returned-value.fix':
    '让调用方提供缓冲区（追加到 []byte 参数，或写入 io.Writer、strings.Builder），或者返回一个值类型的结果，而不是引用。',
  'cause.returned-value.chosen': '解释链止于一个返回值，且该值不是地址（在此创建并返回的切片、map、闭包或字符串）。',
  'cause.stored-in-heap.title': '存入全局变量或堆上对象',
  'cause.stored-in-heap.summary': '它被存到了堆可以触及的地方（全局变量，或经由指针访问的内存）',
  'cause.stored-in-heap.explanation':
    '该值或它的地址被赋给包级变量，或经由指针存储（指针参数、经由指针访问的内存中的字段），而编译器把这类位置视为堆内存：函数返回后它仍可能被使用。',
  'cause.stored-in-heap.fix': '存储值而不是指针，让数据留在局部，或者复用预先分配的对象（字段、sync.Pool），而不是每次调用都新建一个。',
  'cause.stored-in-heap.chosen':
    "解释链止于 `'{heap}'`，且到达它的那条标注不是某个调用的实参，而是对全局变量的赋值或经由指针的赋值（`global = t (assign)`、`p.f = x`）。map、指针或其他指针形态的值转换为接口后被这样存储的，也归为此 id：这时不产生装箱，存储保留的就是该值本身。",
  'cause.stored-in-heap-object.title': '存入堆上的对象',
  'cause.stored-in-heap-object.summary': '它被存入一个本身就在堆上的对象',
  'cause.stored-in-heap-object.explanation':
    '该值（或它的地址）被放进一个因自身原因而逃逸的结构体、切片或变量。这个对象所持有的一切都必须和它活得一样久，所以该值也在堆上。链的根是这个对象自己的原因：消除那次逃逸，两者就都能留在栈上。',
  'cause.stored-in-heap-object.fix':
    '修复链的根（见下方）；如果该对象必须留在堆上，就存储值而不是指针，或者把两者一起分配（把该值嵌入对象）。',
  'cause.stored-in-heap-object.chosen':
    "解释链止于 `'{storage for X}'`（一个本身在堆上的分配），或止于一个本身被移到堆上的变量。链（`chain`、`rootCause`）通向该对象自己的决定。",
  'cause.outlives-loop.title': '比所在的循环迭代活得更久',
  'cause.outlives-loop.summary': '它被保存在一个声明于创建它的循环之外的变量中，因此比本次迭代活得更久',
  'cause.outlives-loop.explanation':
    '编译器为每次循环迭代中的值使用同一个栈槽位。在循环内创建的值，如果它的地址（或它本身）被存入循环之前声明的变量，就可能在后续迭代中仍被引用，而那时槽位里已是另一个值，所以它被移到堆上（escape/solve.go 的 outlives：循环深度）。',
  'cause.outlives-loop.fix':
    '在循环内声明该变量，存储值而不是地址，或者在循环前分配一次并复用（用 clear 清空 map，用 s = s[:0] 重置切片）。',
  'cause.outlives-loop.chosen':
    "解释链止于一个变量，它既不是返回值，也不在堆上，也没有被按引用捕获：即声明在创建该值的循环之外的变量（逃逸分析的循环深度）；或者止于 `'{temp}'`，且之前没有任何调用的实参。",
  'cause.variadic-slice.title': '被调用方保留的可变参数切片',
  'cause.variadic-slice.summary': '可变参数调用隐式创建的切片被所调用的函数保留',
  'cause.variadic-slice.explanation':
    '对 func f(xs ...T) 调用 f(a, b) 会构造一个容纳 a 和 b 的 []T。当 f 保存它的参数 xs（或把它传给会保存它的函数）时，这个切片必须比调用活得更久，于是每次调用都要在堆上分配它。',
  'cause.variadic-slice.fix':
    '让被调用方复制它要保留的值，传入一个由调用方持有并复用的切片（f(buf...)），或者为常见的单参数、双参数调用增加一个非可变参数的版本。',
  'cause.variadic-slice.chosen': '逃逸的表达式是 `... argument`（可变参数调用的隐式切片）。',
  'cause.interface-stored.title': '装箱为接口值后被保留',
  'cause.interface-stored.summary': '它被装箱为接口值，而该接口值被存储（字段、全局变量、返回值），比调用活得更久',
  'cause.interface-stored.explanation':
    '接口持有指向其值的指针；指针、map、channel 或 func 本身就是这个指针，其他值（数字、字符串、切片、结构体）则被复制到一个装箱对象中。一个值装箱为接口值后，如果该接口值被存入结构体字段、全局变量或作为结果返回，它就必须比函数活得更久，所以运行时把它复制到堆上（runtime/iface.go convT*）。小整数（0-255）、零大小的值、常量、空字符串和 nil 切片是例外。',
  'cause.interface-stored.fix':
    '在字段或返回值中保留具体类型（有类型的字段、泛型类型参数），或者存储一个你已经持有的指针，而不是一个必须被复制的值。',
  'cause.interface-stored.chosen':
    '该值被装箱（见 `interface-conversion`），且装箱对象不是由某个调用保留，而是以其他方式保留：它到达返回值、全局变量、字段或另一个对象。',
  'cause.interface-conversion.title': '转换为接口',
  'cause.interface-conversion.summary': '它被装箱为接口值（例如作为 fmt 或其他 ...any 调用的实参）',
  'cause.interface-conversion.explanation':
    '接口持有指向其值的指针；指针、map、channel 或 func 本身就是这个指针（转换它们不分配任何内存），其他值（数字、字符串、切片、结构体）则被复制到一个装箱对象中。当接口逃逸时（fmt 的函数在调用结束后仍保留它们的 ...any 实参），装箱对象就在堆上（runtime/iface.go convT*）。小整数（0-255）、零大小的值、常量、空字符串和 nil 切片是例外。',
  'cause.interface-conversion.fix':
    '使用有类型的 API（strconv.AppendInt、buf.WriteString、有类型的日志字段）代替 fmt 或 ...any；在热循环之外只格式化一次。',
  'cause.interface-conversion.chosen':
    "该值被装箱：分配点就是接口转换自身的位置，编译器只对非指针形态的值生成它（escape/expr.go 中 OCONVIFACE 的 spill）。判断依据是数据流：另一条解释链中流入该分配点位置上的 `'{storage for X}'` 的 `X (interface-converted)` 标注指明了这次转换；若没有这样的标注，一个自身不分配任何内存的逃逸表达式（`v`、`x.f`、`f(x)`、结构体字面量）就是装箱对象，除非：它所在位置的 `map literal key/value` 或 `slice-literal-element` 标注，或者它的类型声明（`type Labels map[string]string`，从包的源码读取），表明它是具名的 map 或切片字面量；或者它是方法值；或者它自己的数据流把它的 `interface-converted` 标注继续向后传递（指针、map、channel 或 func：它就是接口的数据字，不产生装箱，由保留它的存储或调用决定）。装箱对象被传给一个调用（`call parameter`、`callee operand` 到达 `'{heap}'`）或经由 `... argument` 传递。",
  'cause.closure-capture.title': '被逃逸的闭包捕获',
  'cause.closure-capture.summary': '一个比调用活得更久的闭包捕获了它',
  'cause.closure-capture.explanation':
    '一个函数字面量引用了这个变量。闭包本身逃逸了（被返回、被存储或被继续传递），所以它按引用捕获的变量以及闭包自己的上下文都分配在堆上。',
  'cause.closure-capture.fix': '把该值作为参数传入而不是捕获它，让闭包不逃逸（直接调用它），或者把它改写为一个只分配一次的结构体上的方法。',
  'cause.closure-capture.chosen':
    "逃逸的表达式是 `func literal`，且不是由 `go` 或 `defer` 启动的；或者数据流中写着 `captured by a closure`；或者解释链止于一个被闭包按引用捕获的变量（或 `'{temp}'`）。",
  'cause.goroutine.title': '被 goroutine 使用',
  'cause.goroutine.summary': '一个 goroutine 使用了它，而该 goroutine 可能在函数返回后仍在运行',
  'cause.goroutine.explanation': 'go 语句启动的闭包可能比函数活得更久，所以该闭包及其捕获的一切都必须在堆上。',
  'cause.goroutine.fix':
    '把值作为实参传给具名函数（go worker(x)），复用通过 channel 接收任务的长期 worker goroutine，或者接受每个 goroutine 一次的分配。',
  'cause.goroutine.chosen': '逃逸的表达式是 `func literal`，且它所在行上位于它之前的源码以 `go` 结尾。',
  'cause.deferred-closure.title': '被 defer 的闭包捕获',
  'cause.deferred-closure.summary': '一个被 defer 的闭包捕获了它',
  'cause.deferred-closure.explanation': '无法开放编码（open-coded）的 defer 函数字面量（例如循环中的 defer）会连同它捕获的变量一起被分配。',
  'cause.deferred-closure.fix': '把 defer 移出循环，或者改为 defer 一个带实参的具名函数调用。',
  'cause.deferred-closure.chosen': '逃逸的表达式是 `func literal`，且它所在行上位于它之前的源码以 `defer` 结尾。',
  'cause.too-large.title': '对栈来说太大',
  'cause.too-large.summary': '它对栈来说太大（隐式分配超过 64 KiB，显式变量超过 128 KiB）',
  'cause.too-large.explanation':
    "编译器把超过 64 KiB 的隐式分配（new、&T'{}'、常量大小的 make、复合字面量）和超过 128 KiB 的变量放到堆上，无论它们的生命周期如何。",
  'cause.too-large.fix': '复用同一个缓冲区（字段、sync.Pool、参数）或缩小它；把数据分成更小的块处理。',
  'cause.too-large.chosen': '数据流给出的原因是 `too large for stack`。',
  'cause.too-aligned.title': '对栈来说对齐要求过高',
  'cause.too-aligned.summary': '它需要的对齐比栈所能保证的更严格',
  'cause.too-aligned.explanation': '该类型要求的对齐是栈帧无法提供的，所以编译器在堆上分配它。',
  'cause.too-aligned.fix': '放宽对齐要求，或者只分配一次并复用。',
  'cause.too-aligned.chosen': '数据流给出的原因是 `too aligned for stack`。',
  'cause.non-constant-size.title': '编译时大小未知',
  'cause.non-constant-size.summary': '它的大小要到运行时才知道',
  'cause.non-constant-size.explanation':
    '长度或容量不是常量的 make 无法在固定的栈帧中布局。自 Go 1.25 起，小的（不超过 32 字节）使用栈上的缓冲区；更大的则在堆上分配。',
  'cause.non-constant-size.fix': '使用能覆盖常见情况的常量大小（把固定大小的数组切成长度为 n 的切片），或者在多次调用之间复用缓冲区。',
  'cause.non-constant-size.chosen': '数据流给出的原因是 `non-constant size`。',
  'cause.leaking-param-call.title': '传给会保留它的函数',
  'cause.leaking-param-call.summary': '它被传给一个会保留它的调用（其参数泄漏，或经由接口或函数值调用）',
  'cause.leaking-param-call.explanation': '被调用方保存了该实参、返回了它，或者无法分析（接口方法、函数值、汇编），所以编译器假定它逃逸。',
  'cause.leaking-param-call.fix': '调用参数不泄漏的具体函数，让被调用方可内联，或者传值而不是传指针。',
  'cause.leaking-param-call.chosen':
    "解释链经由 `call parameter` 或 `callee operand` 标注止于 `'{heap}'`（或 `'{temp}'`）：被调用方保留了它的实参。为这样的调用而转换为接口的指针（`keep(&n)`，其中 `func keep(x any)`）归为此 id，而不是 `interface-conversion`：转换指针不分配任何内存。",
  'cause.append-escaping-slice.title': '追加到逃逸的切片',
  'cause.append-escaping-slice.summary': '它被追加到一个逃逸的切片，或者切片增长超出了它在栈上的存储',
  'cause.append-escaping-slice.explanation':
    'append 写入的底层数组与切片活得一样久。当切片逃逸时（全局变量、返回的切片、字段），底层数组以及追加进去的指针都在堆上。',
  'cause.append-escaping-slice.fix': '按所需容量一次性预分配切片并复用它（s = s[:0]）；追加值而不是指针。',
  'cause.append-escaping-slice.chosen':
    '表达式是 `append(...)`，或者数据流中有 `appended slice...` 或 `appendee slice` 标注，或者该值被传给 `append`（调用为 `append(` 的 `call parameter` 标注）：追加到 `[]any` 的指针也是如此。',
  'cause.sent-on-channel.title': '发送到 channel',
  'cause.sent-on-channel.summary': '它被发送到 channel，因此可能被另一个 goroutine 持有',
  'cause.sent-on-channel.explanation': '发送到 channel 的值可能在任何时候被任何 goroutine 接收，所以经由 channel 发送的指针会逃逸。',
  'cause.sent-on-channel.fix': '发送值而不是指针，或者发送预分配数组中的下标。',
  'cause.sent-on-channel.chosen': '数据流中有 `send` 标注。',
  'cause.stored-in-map.title': '存入 map',
  'cause.stored-in-map.summary': '它被存为 map 的键或值',
  'cause.stored-in-map.explanation': 'map 的存储在堆上；存入 map 的指针会使它所指向的对象逃逸。',
  'cause.stored-in-map.fix': '存储值而不是指针，或者把对象保存在切片中，在 map 里只存下标。',
  'cause.stored-in-map.chosen': '数据流中有 `key of map put`、`map literal key` 或 `map literal value` 标注。',
  'cause.string-conversion.title': '字符串/字节转换复制到堆上',
  'cause.string-conversion.summary': 'string/[]byte/[]rune 转换产生的副本逃逸了',
  'cause.string-conversion.explanation': '在 string 与 []byte 或 []rune 之间转换会复制数据。当结果逃逸或大于 32 字节时，副本就在堆上。',
  'cause.string-conversion.fix':
    '自始至终只用一种表示（[]byte 或 string）；使用 strings/bytes 包中两种都接受的函数；追加到复用的缓冲区中。',
  'cause.string-conversion.chosen':
    '表达式是 `string(...)`、`[]byte(...)` 或 `[]rune(...)`（且不是把这类值传给接口时产生的装箱对象，那属于 `interface-conversion`）。',
  'cause.string-concatenation.title': '字符串拼接',
  'cause.string-concatenation.summary': '拼接得到的字符串逃逸了，因此它的字节在堆上',
  'cause.string-concatenation.explanation': 'a + b 会构造一个新字符串。当结果逃逸（被返回、被存储）或超过 32 字节时，就会分配。',
  'cause.string-concatenation.fix': '用复用的 strings.Builder 构建字符串，或者追加到 []byte 缓冲区；避免在热路径上拼接字符串。',
  'cause.string-concatenation.chosen': '表达式是拼接 `a + b`（而不是它的装箱对象）。',
  'cause.param-leaks-to-heap.title': '参数泄漏到堆',
  'cause.param-leaks-to-heap.summary': '这个参数（或它指向的内容）逃逸了，因此调用方必须在堆上分配传入的值',
  'cause.param-leaks-to-heap.explanation':
    '函数把参数或它指向的内存存到了比调用活得更久的地方。每个向这里传入指针的调用方都必须把被指向的值分配在堆上。',
  'cause.param-leaks-to-heap.fix': '复制数据而不是保留指针，或者修改 API，让被调用方不保留它的实参。',
  'cause.param-leaks-to-heap.chosen': "一个 `leaking param` 决定（不是堆分配点），其参数泄漏到 `'{heap}'`，或泄漏到返回值以外的内存。",
  'cause.param-returned.title': '参数流向返回值',
  'cause.param-returned.summary': '这个参数流向返回值，因此当调用方的返回值逃逸时它也会逃逸',
  'cause.param-returned.explanation': '参数（或它指向的内容）被返回了。这本身没有开销：是否分配取决于每个调用方如何使用返回值。',
  'cause.param-returned.fix': '这里通常无需修复；去看那些返回值逃逸的调用方。',
  'cause.param-returned.chosen': '一个 `leaking param` 决定，其参数泄漏到返回值（`~r0`、`~R0`）。',
  'cause.slice-growth.title': 'append 时切片扩容',
  'cause.slice-growth.summary': 'append 使切片扩容：分配一个新的、更大的底层数组并复制元素',
  'cause.slice-growth.explanation':
    'append 容量不足时会分配一个更大的数组（约 1.25 到 2 倍）并复制元素。编译器不会把它报告为逃逸：它发生在运行时，在 runtime.growslice 内部。',
  'cause.slice-growth.fix': '当最终大小已知或可以估计时，用 make([]T, 0, n) 预分配，或者在多次调用之间复用切片（s = s[:0]）。',
  'cause.slice-growth.chosen':
    '仅用于基准测试测得的行：分配发生在 `runtime.growslice` 中（依据性能剖析文件中的栈帧，或者该行的 `-S` 汇编清单调用了它）。',
  'cause.map-growth.title': 'map 存储',
  'cause.map-growth.summary': 'map 为新条目分配存储（或扩大它的表）',
  'cause.map-growth.explanation': '向 map 插入时，随着填充会分配成组的槽位，随着增长会重新哈希到更大的表中。',
  'cause.map-growth.fix': '用 make(map[K]V, n) 预先确定 map 的大小，用 clear(m) 复用它，或者在键是小整数时改用以键为下标的切片。',
  'cause.map-growth.chosen':
    '仅用于基准测试测得的行：分配发生在 `mapassign*` 或 `internal/runtime/maps` 中，或者该行的 `-S` 汇编清单调用了 map 的分配（在 `slice-growth` 之后检查）。',
  'cause.library-allocation.title': '库函数调用内部的分配',
  'cause.library-allocation.summary': '从这一行调用的另一个包的函数进行了分配',
  'cause.library-allocation.explanation':
    '分配发生在被调用的函数内部（显示为最内层的栈帧），而不在本包的代码中；编译器对本包的报告无法显示它。',
  'cause.library-allocation.fix': '寻找该调用不分配的版本（Append* 函数、接受缓冲区的方法），或者减少调用次数。',
  'cause.library-allocation.chosen': '仅用于基准测试测得的行：分配发生在另一个包的函数内部，且没有其他针对基准测试测得的行的规则指明它。',
  'cause.reflection.title': '反射导致的分配',
  'cause.reflection.summary': '反射（reflect 包，或基于它的编码包）在此处分配',
  'cause.reflection.explanation': 'reflect.Value 的操作会在运行时对值装箱并构造描述符；编译器无法看穿它们。',
  'cause.reflection.fix': '在热路径上用生成的代码或有类型的代码代替反射，或者缓存反射的结果。',
  'cause.reflection.chosen': '仅用于基准测试测得的行：分配发生在 `reflect.` 或 `encoding/json.` 中。',
  'cause.runtime-internal.title': '运行时内部的分配',
  'cause.runtime-internal.summary': '运行时代表这一行进行了分配（启动 goroutine、channel、定时器、defer 等）',
  'cause.runtime-internal.explanation': '有些操作在运行时内部分配：启动 goroutine、创建 channel 和定时器、栈扩容。',
  'cause.runtime-internal.fix': '复用运行时对象（长期存在的 goroutine 或 channel），而不是每次操作都创建一个。',
  'cause.runtime-internal.chosen':
    '仅用于基准测试测得的行：分配发生在 `runtime.` 中（growslice 和 map 的分配除外），或者该行的 `-S` 汇编清单创建了 channel；在 `reflection` 之后检查。',
  'cause.heap-backed-stack-make.title': '栈上的 make 超出了它的缓冲区',
  'cause.heap-backed-stack-make.summary': '不逃逸的 make 仍然会分配：它在运行时的大小超过了栈上的小缓冲区',
  'cause.heap-backed-stack-make.explanation':
    '自 Go 1.25 起，运行时才知道大小的不逃逸 make 会在栈上得到一个 32 字节的缓冲区，只在需要更多空间时才调用分配器。因此 `does not escape` 并不意味着不会分配。',
  'cause.heap-backed-stack-make.fix': '如果大小有较小的上界，就在栈上使用固定大小的数组（var buf [N]T; s := buf[:n]）；否则复用缓冲区。',
  'cause.heap-backed-stack-make.chosen':
    '仅用于基准测试测得的行：分配发生在编译器判定 `make(...) does not escape` 的行上（它在运行时的大小超过了栈缓冲区）；在两条扩容规则之后检查。',
  'cause.unclassified.title': '因其他原因逃逸',
  'cause.unclassified.summary': '编译器判定它逃逸；heapscope 对这种数据流还没有通俗的原因说明',
  'cause.unclassified.explanation': '编译器的解释链（见下方）说明了该值流向哪里。heapscope 没有识别出这种模式；原因用语是编译器自己的。',
  'cause.unclassified.fix': "沿数据流找到到达 '{heap}' 或返回值的那一步，去掉那个引用。",
  'cause.unclassified.chosen': '一个堆决定，其解释链中没有上述规则能识别的根：为尚无任何 Go 版本打印过的解释链形态而保留。',
};
