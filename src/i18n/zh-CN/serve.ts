// heapscope serve 的消息（API 错误、状态、演练场拒绝的原因）的中文。
import type { serve as en } from '../en/serve.js';

export const serve: Record<keyof typeof en, string> = {
  'serve.analysing': '分析中',
  'serve.analysed': '{n, plural, other {已分析 # 个包}}',
  'serve.didNotCompile': '{n, plural, other {# 个包未能编译}}：{error}',
  'serve.changed': '分析已更新（现为第 {generation} 次）：请重新加载数据',
  'serve.needHeader': '请求须带 X-Heapscope: 1',
  'serve.notPackage': '不是本次分析中的包',
  'serve.needJson': '请求须为 application/json',
  'serve.noFiles': '请求中没有文件',
  'serve.gone': '客户端已断开',
  'serve.tooManyFiles': '文件超过 {n} 个',
  'serve.tooLarge': '源代码超过 {n} KiB',
  'serve.cgo': '{name}：演练场不支持 cgo（import "C"），它以 CGO_ENABLED=0 构建',
  'serve.timeout': '运行 {seconds} s 后被停止（演练场的时间限制）',
  'serve.exited': 'heapscope 以 {code} 退出',
  'serve.asmTestsOnly': '汇编：无，代码片段只有 _test.go 文件（go build 不构建测试）',
  'serve.asmError': '汇编：{error}',
  'serve.snippet.long': '{name}：长度超过 {bytes} 字节',
  'serve.snippet.path': '{name}：不是单纯的文件名（代码片段的文件都在同一个目录中）',
  'serve.snippet.notGo': '{name}：不是 .go 文件（也不是 go.mod）',
  'serve.snippet.hidden': '{name}：以 . 或 _ 开头（go 命令会忽略这样的文件）',
  'serve.snippet.chars': '{name}：含有字母、数字和 _ . + - 以外的字符',
  'serve.snippet.twiceMain': '{name}：出现了两次（第一个文件头之前的文本即 main.go）',
  'serve.snippet.twice': '{name}：出现了两次（两个文件头）',
  'serve.snippet.notText': '{name}：不是文本',
};
