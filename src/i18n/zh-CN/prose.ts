import type { prose as en } from '../en/prose.js';

export const prose: Record<keyof typeof en, string> = {
  'prose.clauses': '{list}；{next}',

  'prose.detail.storedInVariable': '存入变量 {name}，而该变量本身就在堆上',
  'prose.detail.storedInVariableBy': '存入变量 {name}（{at} 处的 {step}），而该变量本身就在堆上',
  'prose.detail.storedIn': '存入 {name}，而它本身就在堆上',
  'prose.detail.storedInBy': '存入 {name}（{at} 处的 {step}），而它本身就在堆上',
  'prose.detail.keptInTemp': '保存在编译器的临时变量中，该临时变量在这段代码所在的循环之外创建',
  'prose.detail.keptInTempAfter': '保存在编译器的临时变量中（在 {at} 处的 {step} 之后），该临时变量在这段代码所在的循环之外创建',
  'prose.detail.keptIn': '保存在 {name} 中，而 {name} 声明在这段代码所在的循环之外',
  'prose.detail.keptInBy': '保存在 {name} 中（{at} 处的 {step}），而 {name} 声明在这段代码所在的循环之外',
  'prose.detail.boxedKeptBy': '装箱为接口值，并被 {at} 处的 {step}（{reason}）保留',
  'prose.detail.step': '{at} 处的 {step}（{reason}）',
  'prose.detail.keptBy': '被 {at} 处的 {step}（{reason}）保留',
  'prose.detail.passedAppend': '在 {at} 处传给 {callee}：append 把它存入返回的切片',
  'prose.detail.passedOn': '在 {at} 处传给 {callee}：{fn} 又把它传给了一个会保留它的调用',
  'prose.detail.passedLeaks': '在 {at} 处传给 {callee}：{leaks}',
  'prose.detail.paramLeaks': '{fn} 的参数 {param} 泄漏',
  'prose.detail.paramLeaksAt': '{fn} 的参数 {param} 泄漏（{at} 处的 {step}，{reason}）',
  'prose.detail.passedNotAnalysed':
    '在 {at} 处传给 {callee}：这里没有分析 {callee}（它属于其他包，或是通过接口或函数值调用），编译器只知道该参数泄漏',

  'prose.note.inlinedBody': '来自 {callee} 的函数体，它在此处被内联到 {caller}',
  'prose.note.inlinedBodyCaller': '来自 {callee} 的函数体，它在此处被内联到调用方',
  'prose.note.alsoEscapes': '在 {at} 处 {fn} 被内联到 {caller} 时，它同样逃逸',
  'prose.note.alsoEscapesCaller': '在 {at} 处 {fn} 被内联到调用方时，它同样逃逸',
  'prose.note.staysOnStack': '在 {at} 处 {fn} 被内联到 {caller} 时，它留在栈上：只有不经内联调用 {fn} 时才会逃逸',
  'prose.note.staysOnStackCaller': '在 {at} 处 {fn} 被内联到调用方时，它留在栈上：只有不经内联调用 {fn} 时才会逃逸',
  'prose.note.notInlined': '传给了 {fn}，而 {fn} 没有被内联（{reason}）：编译器只看得到它的参数泄漏',

  'prose.cold.panic-argument': 'panic 的实参',
  'prose.cold.fatal-argument': 'Fatal 或 Panic 日志调用的实参',
  'prose.cold.branch-panics': '位于以 panic 结束的分支上',
  'prose.cold.branch-fatal': '位于以 Fatal 或 Panic 日志调用结束的分支上',
  'prose.cold.branch-exits': '位于以 os.Exit 结束的分支上',
  'prose.cold.branch-returns-error': '位于返回非 nil error 的分支上',
  'prose.cold.branch-records-error': '位于把新 error 交给某个调用后返回的分支上',
  'prose.cold.error-value-returned': '构造一个会被返回的 error 值',

  'prose.basis.profileMemory': '{file} 中它所在的行有 {n} 次分配（占该性能剖析文件的 {pct}）',
  'prose.basis.profileCpu': '在 CPU 性能剖析文件 {file} 中，它所在的行出现在 {pct} 的调用栈上',
  'prose.basis.measured': '{benchmark} 中它所在的行有 {allocs} allocs/op',
  'prose.basis.measuredCpu': '{benchmark} 中它所在的行有 {allocs} allocs/op，分配器为这一行所用的 CPU 占该基准测试的 {pct}%',
  'prose.basis.measuredCpuNs':
    '{benchmark} 中它所在的行有 {allocs} allocs/op，分配器为这一行所用的 CPU 占该基准测试的 {pct}%，分配和垃圾回收（GC）共耗 CPU {ns} ns/op',
  'prose.basis.inLoop': '在循环中',
  'prose.basis.inNestedLoops': '在 {n} 层嵌套循环中',
  'prose.basis.calledInLoop': '在 {fn} 中，而 {fn} 在一个循环内被调用',
  'prose.basis.calledInLoops': '在 {fn} 中，而 {fn} 在 {n} 处循环内被调用',
  'prose.basis.init': '包初始化，每个程序只运行一次',
  'prose.basis.cold': '冷路径',
  'prose.basis.sometimes': '只对部分值分配',
  'prose.basis.straight': '顺序执行的代码，每次调用只运行一次',

  'prose.check.noescape': '在 //heapscope:noescape 所在的行上发生堆分配',
  'prose.check.cannotInline': '编译器无法内联 {name}：{reason}',
  'prose.check.cannotInlineNoReason': '编译器无法内联 {name}：没有打印原因',
  'prose.check.noalloc': '在 //heapscope:noalloc 函数 {name} 中发生堆分配',
  'prose.check.noallocPackage': '在包 {pkg} 中发生堆分配，配置文件规定该包 noalloc',
  'prose.check.notInBaseline': '基线中没有的堆分配',
  'prose.check.measured': '{benchmark} 在 //heapscope:noalloc 函数 {name} 的 {at} 处测得 {allocs} allocs/op（{bytes} B/op）',
  'prose.check.measuredIn':
    '{benchmark} 在 //heapscope:noalloc 函数 {name} 的 {at} 处（{innermost} 内）测得 {allocs} allocs/op（{bytes} B/op）',
  'prose.stale.unknown': '未知指令 //heapscope:{word}（已知指令：{known}）',
  'prose.stale.noCode': '它后面没有可以约束的代码',
  'prose.stale.notInDoc': '//heapscope:{kind} 应写在函数的文档注释中',
  'prose.stale.generic': '{name} 是泛型函数，而被分析的包中没有代码实例化它，所以编译器没有编译它',
  'prose.stale.notCompiled': '本次构建中编译器没有编译 {name}（构建标签、GOOS/GOARCH，或是未加 --tests 的 _test.go 文件）',
  'prose.stale.ignoreNoReason': '//heapscope:ignore 需要写明原因：//heapscope:ignore REASON',
  'prose.stale.silencesNothing': '没有屏蔽任何违规：第 {line} 行没有违规',

  'prose.budget.noCostPass': '没有运行开销测量（--no-cost）',
  'prose.budget.noGctrace': '开销测量的 gctrace 没有给出结果（见该基准测试的说明）',
  'prose.budget.costRunFailed': '开销测量运行失败',
  'prose.budget.fewCpuSamples': '只有 {n} 个 CPU 样本',

  'prose.filter.badPackagePattern': '不是包模式：导入路径中不能有 {char}',
  'prose.filter.noPackage': '--package {pattern}：不匹配任何被分析的包',
  'prose.filter.noFunction': '--function {pattern}：不匹配被分析的包中的任何函数',
  'prose.baseline.notJson': '不是 JSON（{error}）',
  'prose.baseline.noFormat': '不是 heapscope 基线（没有 {field}）',
  'prose.baseline.badSites': '其中的 "sites" 不是带 id 的分配点列表',

  'prose.diff.expression': '表达式：{before} → {after}',
  'prose.diff.function': '函数：{before} → {after}',
  'prose.diff.cause': '原因：{before} → {after}',
  'prose.diff.rootCause': '根本原因：{before} → {after}',
  'prose.diff.allocates': '是否分配：{before} → {after}',
  'prose.diff.inlinedFrom': '内联自：{before} → {after}',
  'prose.diff.none': '（无）',
  'prose.diff.notes': '内联说明有变化',

  'prose.name.anyPointer': '任意指针类型',
  'prose.name.equality': '{type} 的相等比较函数',
  'prose.name.hash': '{type} 的哈希函数',
  'prose.name.methodValue': '方法值 {method}',
  'prose.name.funcLiteralAt': '{at} 处的函数字面量',
  'prose.name.funcLiteralIn': '{outer} 中的一个函数字面量',
  'prose.name.mapInit': '包初始化中的一个 map 字面量（编译为单独的函数）',
  'prose.name.inlinedIntoInit': '{name}（已内联到包初始化中）',
  'prose.name.varInit': 'var {names} 的初始化表达式',
  'prose.name.packageInit': '包初始化',
  'prose.name.funcInit': 'func init（包中的第 {n} 个）',
  'prose.name.wrapper': '编译器为方法 {method} 生成的包装函数',
  'prose.name.resultOf': '{fn} 的返回值',
  'prose.name.nthResultOf': '{fn} 的第 {n} 个返回值',
  'prose.name.resultOfFunction': '该函数的返回值',
  'prose.name.nthResultOfFunction': '该函数的第 {n} 个返回值',
  'prose.name.resultOfInlined': '某个内联调用的返回值',
  'prose.name.nthResultOfInlined': '某个内联调用的第 {n} 个返回值',
  'prose.name.parameter': '第 {n} 个参数',
  'prose.name.blankResult': '一个空白返回值',
  'prose.name.rangeFuncState': 'range-over-func 循环的状态',
  'prose.name.aRangeFuncState': '某个 range-over-func 循环的状态',
  'prose.name.temporary': '一个编译器临时变量',
  'prose.name.staticTemporary': '一个静态临时变量',

  'prose.bench.noLineFigures': '没有逐行数据：{why}',
  'prose.bench.profiledRunsIncomplete': '没有逐行数据：性能剖析运行没有完成',
  'prose.bench.setup':
    '准备代码：在计时循环之外运行（b.ResetTimer 之前或 b.StopTimer 期间），每个 b.N 有 {allocs} 次分配、{bytes} B，go test 不计入；不算在每次操作的各行中',
  'prose.bench.oneOff':
    '一次性分配：较长的那次性能剖析运行（{n2} 次迭代）比较短的那次（{n1} 次）多了 {apart, plural, other {# 次分配}}，并非每次操作一次：N 越大，它摊到每次操作上的份额越小（GC 后重新填充的池、只填充一次的缓存；用更大的 --benchtime Nx 运行可以看到它下降）',
  'prose.bench.siblings':
    '性能剖析运行还完整运行了 {names}（testing 包按元素逐段匹配基准测试名，所以名字是本基准测试前缀的基准测试也会运行，而 b.Loop 会把它运行到底）：已扣除它们的逐行数据，共 {bytes} B/op',
  'prose.bench.partInside': '其中一部分在 {fn} 内部分配，{fn} 由这一行调用',
  'prose.bench.inside': '在 {fn} 内部分配，{fn} 由这一行调用',
  'prose.bench.context': '编译器在这一行的堆决定（{exprs}）都不是这些分配的来源：它们只是上下文，不是原因',
  'prose.bench.noModuleFrame': '调用栈上没有被分析模块的帧：由运行时或 testing 包分配',
  'prose.bench.mapInsert':
    '向 map 插入时在 runtime.{fn} 内部为其存储分配内存：{allocs} allocs/op，平均每次 {bytes} B（先是 8 个槽位一组，随着增长换成更大的表）',
  'prose.bench.stackMake': '编译器说这个 make 不逃逸，但它仍然分配：它运行时的大小超出了栈上缓冲区',
  'prose.bench.tinyWhat':
    '{whereKind, select, callee {{where} 内部的} other {}}{typeKind, select, named {{type}} other {对象}}{sizeKind, select, exact {（{size} B）} most {（至多 {size} B）} other {}}{whereKind, select, runtime {（runtime.{where}）} other {}}',
  'prose.bench.tinyShared': '{what}：{blocks} 块/op，按 1 allocs/op 计',
  'prose.bench.tinyCount': '{what}：{blocks} 块/op × 每块 {perBlock} 个 ≈ {allocs} allocs/op',
  'prose.bench.tinyEstimated':
    '微对象，估算值：分配器把小于 16 B 且不含指针的对象打包进同一个 16 字节块，而性能剖析文件只记录开启新块的那次分配（这里记录了 {n} allocs/op）；{items}',
  'prose.bench.tinyEstimatedShared':
    '微对象，估算值：分配器把小于 16 B 且不含指针的对象打包进同一个 16 字节块，而性能剖析文件只记录开启新块的那次分配（这里记录了 {n} allocs/op）；{items}（这些调用共用块，记录的是开启块的那一个：假定每个调用每次操作产生一个对象）',
  'prose.bench.tinyEstimatedCount':
    '微对象，估算值：分配器把小于 16 B 且不含指针的对象打包进同一个 16 字节块，而性能剖析文件只记录开启新块的那次分配（这里记录了 {n} allocs/op）；{items}（汇编清单中没有大小：由次数推算，假定每次操作一个对象）',
  'prose.bench.amortised': '摊销扩容：平均每 {every} 次操作分配一次（每次 {bytes} B），因为跨迭代保留的切片或 map 在增长',
  'prose.bench.tiny':
    '微对象：分配器把多个微对象打包进同一个 16 字节块，而性能剖析文件记录的是块，所以这里显示的分配次数少于 go test 的统计',
  'prose.bench.inlinedIntoBench': '{fn} 在 {at} 处被内联到 {bench}；这次分配发生在 {bench} 的栈帧中',
  'prose.bench.unknownRuntime': 'runtime.{fn} 是 heapscope 尚不认识的分配入口：没有读取它的类别和类型参数',
  'prose.bench.runsInlined': '这段代码以内联方式运行；编译器在它被内联的地方（{sites}）做出决定：显示的就是这些决定',
  'prose.bench.callSite': '{caller} 中的 {at}',
  'prose.bench.noCause': '这一行没有静态的堆决定，也没有已知的运行时原因',

  'prose.sampled.tooFew':
    '没有逐行数据：采样的性能剖析运行（{n1} 次和 {n2} 次迭代，大约每 {rate} 字节记录一次分配）只记录到 {samples, plural, other {# 次分配}}，太少，无法按行拆分（至少需要 {min} 次）；以计时运行的数据为准：用 --exact 运行可记录每一次分配',
  'prose.sampled.note':
    '采样：逐行数据来自两次运行（{n1} 次和 {n2} 次迭代），它们大约每 {rate} 字节记录一次分配（-test.memprofilerate={rate}）（共记录 {samples} 次），每次记录按其被记录的概率放大：这些是估算值，每行都带有 95% 区间，区间包含零的行被略去（记录每一次分配会耗时过长；--exact 会这样做）；耗时数据来自普通运行',
  'prose.sampled.noteOverran':
    '采样：较短的那次运行（{n1} 次迭代，-test.memprofilerate={lowRate}）耗时超出计划，所以较长的那次（{n2}）大约每 {rate} 字节记录一次分配，逐行数据即来自这里（共记录 {samples} 次），每次记录按其被记录的概率放大：这些是估算值，每行都带有 95% 区间，区间包含零的行被略去（记录每一次分配会耗时过长；--exact 会这样做）；耗时数据来自普通运行',
  'prose.sampled.agreeAllocs': '各行合计 {lines} ± {half} allocs/op（95%），包含了基准测试实测的 {measured} allocs/op',
  'prose.sampled.agreeBytes': '各行合计 {bytes} ± {bhalf} B/op（95%），包含了基准测试实测的 {mbytes} B/op',
  'prose.sampled.agreeBoth':
    '各行合计 {lines} ± {half} allocs/op 和 {bytes} ± {bhalf} B/op（95%），包含了基准测试实测的 {measured} allocs/op 和 {mbytes} B/op',

  'prose.cpu.noSamples': '开销测量运行中该基准测试只有 0 个 CPU 样本（需要 {min} 个）：{why}',
  'prose.cpu.noFigures': '没有 CPU 数据：{why}',
  'prose.cpu.noProfile': '没有 CPU 数据：开销测量运行没有写出 CPU 性能剖析文件',
  'prose.cpu.fewSamples':
    '开销测量运行中该基准测试只有 {n, plural, other {# 个 CPU 样本}}（需要 {min} 个）：CPU 花在分配器和垃圾回收（GC）上的比例未知（更长的 --benchtime 能得到更多样本）',
  'prose.gc.noAllocation': '没有开销测量运行：计时运行测得 0 allocs/op 和 0 B/op，所以它的 CPU 和 GC 数据都是 0',
  'prose.gc.noFigures': '没有 GC 数据：{why}',
  'prose.gc.noResult': '没有 GC 数据：开销测量运行没有打印结果',

  'prose.gc.noBoundary': 'trace 中没有 testing 包的 runtime.GC() 周期：全部 {n} 个 GC 周期都计入',
  'prose.gc.offNearLimit': 'GC 已关闭（GOGC={gogc}），只在接近内存上限（GOMEMLIMIT={limit}）时运行：运行了 {n} 个 GC 周期',
  'prose.gc.offNoCycle': 'GC 已关闭（GOGC={gogc}）：没有运行任何 GC 周期，是因为回收被禁用，而不是因为不需要',
  'prose.gc.offForced': 'GC 已关闭（GOGC={gogc}）：运行了 {n} 个 GC 周期，每一个都是强制触发的',
  'prose.gc.noGoalNoCycle':
    '计时运行期间 GC 处于关闭状态（堆目标无上限：GOGC=off，或基准测试中调用了 debug.SetGCPercent(-1)）：没有运行任何 GC 周期，是因为回收被禁用，而不是因为不需要',
  'prose.gc.noGoal':
    '计时运行期间 GC 处于关闭状态（堆目标无上限：GOGC=off，或基准测试中调用了 debug.SetGCPercent(-1)）：运行了 {n} 个 GC 周期',
  'prose.gc.ownForced':
    '基准测试自己强制触发 GC 周期（runtime.GC() 或 debug.FreeOSMemory）：计入了 {n} 个强制周期，其中包括 b.N = 1 探测运行的周期和 testing 包在计时运行前调用的 runtime.GC()',
  'prose.gc.unread':
    '有 {n, plural, other {# 行 gctrace}} 无法读取（被基准测试自己的 stderr 输出打断，或 {go} 改变了格式）：按编号计为 GC 周期，但没有其停顿时间和堆大小',

  'prose.reconcile.exact': '逐行数据来自两次记录每一次分配的运行（{n1} 次和 {n2} 次迭代）；耗时数据来自普通运行',
  'prose.reconcile.untimed':
    '每个 b.N 有 {allocs} 次分配、{bytes} B 发生在计时循环之外，位于 {lines}（b.ResetTimer 之前或 b.StopTimer 期间）：go test 不计入它们，每次操作的各行也不包含它们',
  'prose.reconcile.oneOffs': '{lines}：一次性分配（按性能剖析运行的 N 计为 {bytes} B/op），不是每次操作的开销',
  'prose.reconcile.hidden':
    '{allocs} allocs/op 和 {bytes} B/op 不在任何一行中（每处都低于 0.01 allocs/op 和 8 B/op：一次性分配、运行时和 testing 包自己的分配）',
  'prose.reconcile.tinyAgree':
    '估算 {lines} 上的微对象后，各行合计等于基准测试的 {measured} allocs/op：内存性能剖析文件记录的是 {profiled} allocs/op，每个 16 字节的微对象块只计一次（见各行的说明）',
  'prose.reconcile.allocation': '分配',
  'prose.reconcile.opener': '{at} 的 {what}（{type}，{size} B）在它开启的每个块中留出 {room} B',
  'prose.reconcile.openerUnknown': '{at} 的 {what}（{type}，大小未知）在它开启的每个块中留有空间',
  'prose.reconcile.tinyHidden':
    '各行合计 {lines} allocs/op，但基准测试测得 {measured} allocs/op：有 {diff} allocs/op 是没有显示在任何一行上的微对象。性能剖析文件只记录开启 16 字节块的那次分配；小于 16 B、不含指针、能放进块中剩余空间的对象永远不会被记录：{openers}，可供同一 goroutine 上接下来创建的对象使用（在该行的某个调用内部，或在下一个分配的行上）',
  'prose.reconcile.tinyDifference':
    '各行合计 {lines} allocs/op，但基准测试测得 {measured} allocs/op：差额是微对象分配：小于 16 字节且不含指针的对象共用一个 16 字节块，而内存性能剖析文件记录的是块，不是每个对象',
  'prose.reconcile.tinyDifferenceBytes':
    '各行合计 {lines} allocs/op，但基准测试测得 {measured} allocs/op：差额是微对象分配：小于 16 字节且不含指针的对象共用一个 16 字节块，而内存性能剖析文件记录的是块，不是每个对象（字节数一致：各行 {lineBytes} B/op，实测 {measuredBytes} B/op）',
  'prose.reconcile.fewerRecorded':
    '各行合计 {lines} allocs/op，但基准测试测得 {measured} allocs/op：内存性能剖析文件记录的分配少于分配器统计的次数',
  'prose.reconcile.estimatesOver':
    '各行合计 {lines} allocs/op，但基准测试测得 {measured} allocs/op：{at} 上的微对象估算多算了对象（估算假定每个微对象调用每次操作产生一个对象，或者它的对象填满了所开启的块）；内存性能剖析文件记录的是 {profiled} allocs/op',
  'prose.reconcile.allocsOneOff':
    '各行合计 {lines} allocs/op，但基准测试测得 {measured} allocs/op：按性能剖析运行的 N 计算的一次性分配，在计时运行中所占的份额更小',
  'prose.reconcile.allocsOneOffProfiled':
    '各行合计 {lines} allocs/op，但基准测试测得 {measured} allocs/op（性能剖析运行中为 {profiled} allocs/op）：按性能剖析运行的 N 计算的一次性分配，在计时运行中所占的份额更小',
  'prose.reconcile.allocsDiffer':
    '各行合计 {lines} allocs/op，但基准测试测得 {measured} allocs/op：计时运行可能与性能剖析运行不同（缓存、池、GC 时机）',
  'prose.reconcile.allocsDifferProfiled':
    '各行合计 {lines} allocs/op，但基准测试测得 {measured} allocs/op（性能剖析运行中为 {profiled} allocs/op）：计时运行可能与性能剖析运行不同（缓存、池、GC 时机）',
  'prose.reconcile.zeroAllocs':
    '0 allocs/op 却有 {measuredBytes} B/op：{lines} 上的摊销扩容每次操作分配不到一次（go test 会截断 allocs/op）',
  'prose.reconcile.bytesSum': '各行合计 {lineBytes} B/op，基准测试测得 {measuredBytes} B/op',
  'prose.reconcile.growth':
    '各行合计 {lineBytes} B/op，基准测试测得 {measuredBytes} B/op：{lines} 上的摊销扩容摊到每次操作的份额取决于 N（切片在 2 的幂处翻倍）；计时运行（{timedN} 次迭代）和性能剖析运行（{n1} 到 {n2} 次）各自测得了自己的数值',
  'prose.reconcile.setup':
    '实测的 {measuredBytes} B/op 中有 {gap} B/op 是循环外的准备代码：每次调用基准测试 {setup} B，go test 把它分摊到计时运行的 {timedN} 次迭代上（在准备代码之后调用 b.ResetTimer，或改用 b.Loop）',
  'prose.reconcile.bytesNotInSlope':
    '各行合计 {lineBytes} B/op，但基准测试测得 {measuredBytes} B/op：有 {gap} B/op 不在内存性能剖析文件的每次操作斜率中（循环外的准备代码占 {setup} B/op）',
  'prose.reconcile.bytesOneOff':
    '各行合计 {lineBytes} B/op，但基准测试测得 {measuredBytes} B/op：按性能剖析运行的 N 计算的一次性分配，在计时运行中所占的份额更小',
  'prose.reconcile.bytesMore':
    '各行合计 {lineBytes} B/op，但基准测试测得 {measuredBytes} B/op：性能剖析运行比计时运行多分配了 {more} B/op（缓存、池、GC 时机）',

  'prose.compare.noMatch': '--compare {given}：没有基准测试叫这个名字或以它结尾',
  'prose.compare.ambiguous': '--compare {given}：有 {n} 个基准测试以它结尾（{names}）；请写出更完整的名字',
  'prose.compare.missing': '{name} 没有运行或没有测得任何数据：它的一列为空',
  'prose.compare.gcCycles': 'GC 周期数',
  'prose.compare.gcPause': 'GC 停顿 ns/op',
  'prose.compare.cpuAlloc': '分配器占用的 CPU',
  'prose.compare.cpuGc': 'GC 占用的 CPU',
  'prose.compare.traceOps': 'trace：运行的操作数',
  'prose.compare.traceGcCycles': 'trace：GC 周期数',
  'prose.compare.traceStwEvents': 'trace：GC 停顿次数',
  'prose.compare.traceStwTotal': 'trace：GC 停顿总计 ns',
  'prose.compare.traceAssist': 'trace：标记辅助 ns',
  'prose.compare.traceGoroutines': 'trace：创建的 goroutine 数',
  'prose.compare.traceMmu1': 'trace：MMU 1 ms',
  'prose.compare.traceMmu10': 'trace：MMU 10 ms',

  'prose.alloc.mapStorage': 'map 的存储（组、表）',
  'prose.alloc.typedMapStorage': '{type} 的存储（组、表）',
  'prose.alloc.grownArray': '[]{type} 的底层数组（由 append 扩容）',
  'prose.alloc.array': '[]{type} 的底层数组',
  'prose.alloc.arrayCap': '[]{type} 的底层数组，cap {cap}',
  'prose.alloc.smallVariables': '{n} 字节（一起分配的多个小变量）',
  'prose.alloc.stringBytes': '字符串的字节',

  'prose.profile.notAllocOrCpu': '既不是内存性能剖析文件，也不是 CPU 性能剖析文件（样本类型：{types}）',
};
