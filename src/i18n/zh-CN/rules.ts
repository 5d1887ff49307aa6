import type { rules as en } from '../en/rules.js';

// 运行时分配规则的中文原因，每条注明所依据的 Go 源码。
export const rules: Record<keyof typeof en, string> = {
  'rule.static-data.reason':
    '该值是常量或由常量组成的字面量：编译器把它放在只读数据中，接口指向那里（walk/convert.go dataWord、walk/order.go addrTemp）',
  'rule.zero-size.reason': '零大小的值：接口指向运行时的 zerobase（walk/convert.go dataWord）',
  'rule.single-byte.reason': 'bool 或单字节整数：接口指向运行时的 staticuint64s 表（walk/convert.go dataWord）',
  'rule.zero-value.reason': '零值：接口指向运行时的 zeroVal（walk/convert.go dataWord）',
  'rule.static-closure.reason': '不捕获任何变量的函数字面量是静态的函数值（walk/closure.go walkClosure）',
  'rule.constant.reason': '接口中的常量放在只读数据中（walk/order.go addrTemp）；heapscope 根据表达式判断这一点',
  'rule.zero-length.reason':
    "没有元素的切片（`[]T'{}'`、`make([]T, 0)`）：大小为零的分配请求返回运行时的 zerobase（runtime/malloc.go mallocgc）",
  'rule.runtime-fast-path.reason':
    '运行时对该值装箱（runtime/iface.go convT16/32/64、convTstring、convTslice）：小于 256 的 2、4 或 8 字节整数、空字符串和 nil 切片取自它的静态数据，不分配；逃逸分析的输出（-m=2）不写出该值的类型，而其他任何类型的值（例如有多个字段的结构体）总会分配（convT、convTnoptr）',
  'rule.concat-reuse.reason': '当其他操作数都为空时，运行时原样返回剩下的那个操作数；结果为空时不分配（runtime/string.go concatstrings）',
  'rule.append-grows.reason': '只在超出切片容量时分配（runtime/slice.go growslice）',
  'rule.run-time-length.reason':
    '长度或容量要到运行时才知道的 make：长度为 0 时不分配，运行时返回它的 zerobase（runtime/slice.go makeslice、runtime/malloc.go mallocgc）',
  'rule.short-string.reason':
    '由字节或 rune 转换得到的字符串：结果为空时不分配，单字节字符串也不分配，它指向运行时的 staticuint64s（runtime/string.go slicebytetostring、slicerunetostring）；由单个 rune 得到的字符串总会分配（intstring）',
  'rule.empty-string.reason':
    '由字符串转换得到的字节或 rune 切片：空字符串得到一个没有元素的切片，不分配（runtime/string.go stringtoslicebyte、stringtoslicerune；runtime/malloc.go mallocgc 返回 zerobase）',
  'rule.empty-literal.reason':
    '具名类型的空字面量，walk 阶段没有把它报告为静态数据，所以它是切片或 map，而编译器的输出无法区分这两者：切片的空底层数组是运行时的 zerobase（runtime/malloc.go mallocgc），map 会分配它的头部（runtime/map.go makemap_small）',
  'rule.composite-literal.reason':
    "含两个或更多元素的字面量 `T'{...}'`（按源码计数）：如果它是装箱为接口值的结构体或数组，这种形态的类型都没有快速路径，运行时会把它复制到一个新对象中（runtime/iface.go convT、convTnoptr）；如果它是具名切片或 map，它会分配自己的底层数组或 map",
  'rule.allocates.reason': '每次执行到这里，运行时都会为它分配',
};
