import type { cli as en } from '../en/cli.js';

export const cli: Record<keyof typeof en, string> = {
  'cli.help.heapscope': 'Go 代码中哪些值分配在堆上、原因何在：解读 Go 编译器的逃逸分析。',
  'cli.help.version': '输出版本号',
  'cli.help.help': '显示命令的帮助',
  'cli.help.helpCommand': '显示命令的帮助',
  'cli.help.lang': 'heapscope 输出所用的语言：{langs}（默认：HEAPSCOPE_LANG，否则按 locale：LC_ALL、LC_MESSAGES、LANG）',
  'cli.help.afterError': '（运行 heapscope --help 查看用法）',
  'cli.help.timeout':
    '每次运行测试二进制的时限，同 go test -timeout；超过时限 {grace} s 后 heapscope 自己结束这次运行的整个进程树（0：不限）',
  'cli.help.withBench': '与 --bench 同用：{help}',
  'cli.help.packages': '包模式（默认 ./...）',
  'cli.help.packagesGoBuild': '包模式，同 go build（默认 ./...）',
  'cli.help.tags': '逗号分隔的构建标签',
  'cli.help.tagsGoBuild': '逗号分隔的构建标签，同 go build -tags',
  'cli.help.dir': '在 DIR 中运行（同 go -C）',
  'cli.help.noCache': '不读也不写 heapscope 的解析结果缓存',
  'cli.help.color': '文本输出强制使用颜色',
  'cli.help.noColor': '文本输出从不使用颜色',
  'cli.help.progress': '在 stderr 上显示进度（默认：stderr 是终端时显示）',
  'cli.help.noProgress': '从不显示进度',
  'cli.help.tests': '包含 _test.go 文件',
  'cli.help.format': '输出格式',
  'cli.help.formatHtml': '输出格式（html：一个自包含的页面）',
  'cli.help.output': '把报告写入 FILE（要么完整写入，要么不写），而不是标准输出',
  'cli.help.benchtime': '与 --bench 同用：同 go test -benchtime',
  'cli.help.top': '顶部摘要排名列出的分配点个数（0：不显示摘要）',
  'cli.help.sort': '分配点的排列方式：按代价（代价最高的在前：有 bench 测得的 CPU 时间时按它，其次按 B/op）、按测得的 allocs/op，或按位置',
  'cli.help.cause': '只列出这些原因的分配点（逗号分隔的 id，见 docs/causes.md）',
  'cli.help.package': '只列出包路径匹配这些模式的分配点（同 go list：./x/...、example.com/m/...）',
  'cli.help.function': '只列出函数名匹配这个正则表达式的分配点（编译器名或可读名）',
  'cli.help.minAllocs': '只列出最近一次 heapscope bench 测得不少于 N allocs/op 的分配点',
  'cli.help.all': '也列出在此实例化的其他模块泛型代码中的分配点（默认计入实例化它的调用处）',
  'cli.help.exitCodes': `退出码：
  0  全部分析完成
  1  {partial}
  2  heapscope 无法运行：用法错误、找不到 go 或其版本低于 {go}、没有模块、没有匹配的包
  {bug}  heapscope 的 bug（内部错误；请报告）
  129, 130, 143  被 SIGHUP、SIGINT（Ctrl-C）、SIGTERM 停止：每个子进程组收到同一信号，
     2.5 s 后收到 SIGKILL；heapscope 的临时目录会被删除`,
  'cli.help.partial.analyze': '部分结果：有的包没有编译通过（报告其错误；其余照常分析）',
  'cli.help.partial.bench':
    '部分结果：有的测试二进制没有编译通过或在基准测试之前结束，或有基准测试失败、panic、退出、超时或没有匹配（报告其错误；其余照常分析）',
  'cli.help.environment': `环境变量：
  GOFLAGS、GOOS、GOARCH、CGO_ENABLED 以及 go 命令的其他环境变量照常生效
  （heapscope 自己为指定的包设置 -gcflags='-m=2 -dwarf=false -d=escapedebug=1,closure=1'）。
  GOTOOLCHAIN 与 go 命令一样选择 Go 版本。NO_COLOR / FORCE_COLOR 控制颜色。
  HEAPSCOPE_CACHE  解析结果的缓存位置（默认 $XDG_CACHE_HOME/heapscope 或 ~/.cache/heapscope）；
                   同一命令在没有改动时重新运行，会从这里重放上次完整的报告
  HEAPSCOPE_CACHE_LIMIT  缓存的上限（默认 2G）；见 heapscope cache --help
  HEAPSCOPE_LANG  heapscope 输出所用的语言（en、zh-CN），优先于 locale（LC_ALL、LC_MESSAGES、LANG）
  HEAPSCOPE_DEBUG  在 stderr 上打印时间花在哪里（内部错误时还有调用栈）`,
  'cli.help.analyze': '对包运行编译器的逃逸分析，并解释每一处堆分配',
  'cli.help.analyze.tests': '包含 _test.go 文件（编译包的测试变体）',
  'cli.help.analyze.profile': '按这个 CPU 或内存性能剖析文件（pprof，与 go build -pgo 所用的相同）排序，而不是按 heapscope bench 的数据',
  'cli.help.analyze.asm': 'html：附上有分配的函数的汇编（对它们的包再用 -S 构建一次）',
  'cli.help.analyze.writeBaseline': '同时把有分配的堆分配点记录到 FILE，供 heapscope check --baseline 使用',
  'cli.help.analyze.verbose': '列出 heapscope 没有识别的编译器输出行',
  'cli.help.bench': '运行基准测试，把每一个 allocs/op 归到造成它的源码行、类型和编译器决定',
  'cli.help.bench.bench': '要运行的基准测试，同 go test -bench',
  'cli.help.bench.count': '计时时每个基准测试的运行次数（取中位数与离散程度）',
  'cli.help.bench.benchtime': '同 go test -benchtime（1s、20000x）；作用于计时运行',
  'cli.help.bench.check': '基准测试的 allocs/op 或 B/op 超出模块 heapscope.json 中的预算时失败（退出码 1）',
  'cli.help.bench.noCost': '跳过开销测量（每个基准测试一次带 CPU 剖析和 GC 跟踪的运行）：没有 cpu 和 gc 数据',
  'cli.help.bench.costTime': '开销测量每个基准测试最多运行多久（默认 500ms：约 50 个 CPU 采样）',
  'cli.help.bench.exact': '在剖析运行中记录每一次分配，不管要多久（默认：在会很慢时采样）',
  'cli.help.bench.trace': '另外单独运行一次，记录每个基准测试的执行跟踪并加以汇总（GC 周期、停顿、MMU）',
  'cli.help.bench.compare': '把两个基准测试并排比较（A B：全名或唯一的后缀），附上比值 B/A',
  'cli.help.bench.after': `计时来自一次普通的 -benchmem 运行。逐行数据来自每个基准测试另外两次运行，
两次都记录每一次分配（-memprofilerate=1）并使用固定的迭代次数；二者之差去掉了准备工作。
开销测量（--no-cost 跳过）把每个基准测试再运行一次，时长与计时运行相当，最多 --cost-time（500ms），
在 CPU 剖析器和 GODEBUG=gctrace=1 下进行：分配器和 GC 占用 CPU 的份额、GC 周期。
在记录每一次分配会很慢时，这两次运行只记录采样（更大的 -memprofilerate），
每行的数据是带 95% 区间的估计值；--exact 仍然记录每一次分配。`,
  'cli.help.explain': 'heapscope 对一行源码所知道的一切：编译器决定、原因、内联、分配的类型、运行时数据',
  'cli.help.explain.position': '源码位置（FILE:LINE，或报告中打印的 FILE:LINE:COL），相对于当前目录（或 -C DIR）',
  'cli.help.explain.bench': '同时运行包里的这些基准测试，并显示它们在这一行的数据',
  'cli.help.check': '检查包中的 //heapscope: 指令；带 --baseline 时还检查相对基线新增的堆分配点',
  'cli.help.check.tests': '包含 _test.go 文件（及其中的指令）',
  'cli.help.check.baseline': '堆分配点不在这个基线中时也失败（基线由 heapscope analyze --write-baseline FILE 生成）',
  'cli.help.check.bench': '同时运行这些基准测试：它们在 //heapscope:noalloc 函数中测得的分配会导致失败',
  'cli.help.check.after': `指令，写法与 Go 自己的指令相同（// 之后没有空格）：
  //heapscope:noescape        写在一行末尾，或单独写在它上面一行：这一行不能有堆分配
                              （运行时从不分配的决定，例如接口中的常量，不算）
  //heapscope:noalloc         写在函数的文档注释中：函数本身、内联进来的代码及其函数字面量中
                              都不能有堆分配
  //heapscope:inline          写在函数的文档注释中：编译器能够内联这个函数
  //heapscope:ignore REASON   写在一行末尾或它上面：这一行的违规列为已忽略并附上理由，不导致失败
什么也不检查的指令（未知或拼错、位置不对、后面没有代码、所在函数编译器没有编译、
什么也没有屏蔽的 ignore）会被报告，同样导致检查失败。

退出码：
  0  每条指令都成立（相对基线也没有新增）
  1  有违规、新增的堆分配点，或什么也不检查的指令
  2  heapscope 无法检查：用法错误、基线无法读取、有包编译不通过、找不到 go`,
  'cli.help.diff': '两个修订版本之间、或两个 Go 版本之间新增、移除和改变的堆分配点',
  'cli.help.diff.revisions': 'A [B]：两个修订版本（B 默认为工作区）；包写在 -- 之后',
  'cli.help.diff.go': '在同一份代码上比较两个 Go 版本（给出两次；通过 GOTOOLCHAIN 获取）',
  'cli.help.diff.bench': '同时在两边交替运行这些基准测试，并像 benchstat 一样比较',
  'cli.help.diff.count': '与 --bench 同用：每个基准测试在每一边运行的次数（至少 6 次，才有中位数的 95% 区间）',
  'cli.help.diff.threshold': '与 --bench 同用：显著变差超过这个比例即失败（退出码 1）',
  'cli.help.diff.benchOutput': '与 --bench 同用：同时把两边 go test 的原始输出写入 PREFIX.from.txt 和 PREFIX.to.txt（供 benchstat 使用）',
  'cli.help.diff.after': `每个修订版本中分析要读的文件（Go、模块、汇编和 cgo 文件，以及 //go:embed 行指定的文件）
用 git archive 解包到 heapscope 的缓存中（revisions/<commit>，与缓存的其余部分一起受上限约束；
用 --no-cache 时为临时目录）并在那里分析，所以下次对同一提交的 diff 直接由缓存提供；
你的工作区和仓库只会被读取（未提交的改动属于工作区一边，并会注明）。
git archive 会让子模块为空：修订版本子模块下的包不参与比较，并有一条说明。
修订版本之间按身份逐个匹配分配点（包、函数、种类、表达式、序号：不看行号，
所以只是移动了位置的代码不算改变）；Go 版本之间按可读名匹配，因为编译器给闭包和
临时变量起的名字在不同版本间会变。只比较实际分配的堆分配点。

带 --bench 时，每个包的测试二进制在两边各构建一次，各运行 --count 次，两边交替
（A B、B A、...），让机器的漂移落在两边；每项指标都像 benchstat 那样比较
（中位数、95% 置信区间、显著性水平 0.05 的 Mann-Whitney U 检验，"~" 表示没有显著变化），
ns/op、B/op 或 allocs/op 显著变差超过 --threshold 即为退化。

退出码：
  0  没有新增堆分配点，没有基准测试退化
  1  新增了堆分配点，或有基准测试退化
  2  heapscope 无法比较：不是 git 仓库、未知的修订版本（浅克隆时会注明）、go 命令无法获取的
     Go 版本、有包在一边编译不通过；带 --bench 时，有基准测试在一边失败、超时（--timeout）或没有运行`,
  'cli.help.serve': '由本地服务器提供 HTML 报告，文件改动时自动更新，并带有代码片段演练场',
  'cli.help.serve.port': '127.0.0.1 上的端口（0：随机选一个空闲端口）',
  'cli.help.serve.after': `标准输出的第一行是服务器的 URL；报告在 /，演练场在 /playground。
服务器只监听 127.0.0.1，只响应 Host 是它自己的地址、且 Origin（如果发送）也是它自己的请求。
被分析的包中的 .go 文件、go.mod 或 go.work 改动时，报告会重新分析（经由缓存：只重新编译改动的包），
打开的页面会自动更新。
演练场的代码片段在一个临时模块中构建，用完即删，使用 CGO_ENABLED=0、GOPROXY=off、
GOTOOLCHAIN=local，有时限（60 s，带基准测试时 120 s）和 2 GiB 的数据上限；同时最多运行两个。
按 Ctrl-C 停止（退出码 130）。`,
  'cli.help.lsp': '供编辑器使用的语言服务器（LSP 3.17，经由标准输入输出）：见 docs/editors.md',
  'cli.help.lsp.stdio': '经由标准输入输出通信（默认也是唯一的传输方式）',
  'cli.help.cache': 'heapscope 的缓存：位置、内容、清空',
  'cli.help.cache.info': '缓存的位置、大小与上限，以及按种类统计的条目',
  'cli.help.cache.clean': '从缓存中删除 heapscope 的文件（目录中的其他文件不动）',
  'cli.help.cache.after': `缓存（HEAPSCOPE_CACHE，否则 $XDG_CACHE_HOME/heapscope 或 ~/.cache/heapscope）保存：每个包解析后的
编译器输出，以它的文件、所导入包的键、工具链、编译参数、构建标签、GOEXPERIMENT 等、PGO 性能剖析文件、
overlay 和 cgo 环境为键；每条命令行最近一次完成的报告；heapscope bench 测得的数据（measured/）；
它的辅助程序 go/srcfacts 和 go/tracesum（bin/）；以及 heapscope diff 解包的提交（revisions/）。
这些全部受 HEAPSCOPE_CACHE_LIMIT 约束（默认 2G；字节数，或 K、M、G，按 1024 计）：每次运行如果
向缓存添加内容并使其超过上限，就删除最久未用的条目，直到降到上限的四分之三。clean 删除全部内容。`,

  'cli.commander.usage': '用法：',
  'cli.commander.options': '选项：',
  'cli.commander.commands': '命令：',
  'cli.commander.arguments': '参数：',
  'cli.commander.globalOptions': '全局选项：',
  'cli.commander.choices': '可选值：{choices}',
  'cli.commander.default': '默认：{value}',
  'cli.commander.extras': '（{extras}）',
  'cli.commander.withExtras': '{description}（{extras}）',
  'cli.commander.extrasSeparator': '，',
  'cli.commander.unknownOption': '错误：未知选项 {flag}',
  'cli.commander.unknownCommand': '错误：未知命令 {name}',
  'cli.commander.missingArgument': '错误：缺少必需的参数 {name}',
  'cli.commander.optionMissingArgument': '错误：选项 {flags} 缺少参数',
  'cli.commander.missingMandatory': '错误：没有指定必需的选项 {flags}',
  'cli.commander.invalidChoice': '错误：选项 {flags} 的参数 {value} 无效。可选值为 {choices}。',
  'cli.commander.invalidArgument': '错误：选项 {flags} 的参数 {value} 无效。{why}',
  'cli.commander.excessArguments': '错误：{command} 的参数过多。应为 {expected, plural, other {# 个}}参数，实际为 {got} 个。',
  'cli.commander.didYouMean': '（你是不是想用 {name}？）',
  'cli.commander.didYouMeanOneOf': '（你是不是想用 {names} 中的一个？）',

  // Usage errors of the command line (cli/) and their hints.
  'cli.err.notDuration': '{flag} {value}：不是 Go 的时长',
  'cli.err.hint.durationUnit': '要带单位，例如 90s、10m 或 1h30m',
  'cli.err.negative': '{flag} {value}：不能为负',
  'cli.err.hint.timeoutZero': '例如 10m，或 0 表示不限',
  'cli.err.notPositiveDuration': '{flag} {value}：不是大于零的 Go 时长',
  'cli.err.hint.costTime': '例如 500ms 或 2s',
  'cli.err.countZero': '{flag} {value}：次数必须大于零',
  'cli.err.notCount': '{flag} {value}：不是次数',
  'cli.err.hint.countX': '例如 20000x',
  'cli.err.notDurationOrCount': '{flag} {value}：既不是 Go 时长也不是次数',
  'cli.err.hint.benchtime': '例如 1s、500ms 或 20000x',
  'cli.err.notLonger': '{flag} {value}：必须大于零',
  'cli.err.notPositiveInt': '{flag} {value}：必须是正整数',
  'cli.err.notRegexp': '{flag} {value}：不是 Go 的正则表达式：{why}',
  'cli.err.noSuchDir': '{flag} {value}：目录不存在',
  'cli.err.notDirInPath': '{flag} {value}：路径中有一部分不是目录',
  'cli.err.permission': '{flag} {value}：无法读取（权限不足）',
  'cli.err.cannotRead': '{flag} {value}：无法读取（{code}）',
  'cli.err.notDir': '{flag} {value}：不是目录',
  'cli.err.hint.goModDir': '请指定包含 go.mod 的目录',
  'cli.err.noSuchFile': '{flag} {value}：文件不存在',
  'cli.err.noSuchCause': '{flag} {value}：没有这个原因',
  'cli.err.hint.oneOf': '可选：{names}',
  'cli.err.flagWhy': '{flag} {value}：{why}',
  'cli.err.hint.packagePattern': '导入路径模式（example.com/m/...）或目录模式（./x/...）',
  'cli.err.notAllocsNumber': '{flag} {value}：不是每次操作的分配次数',
  'cli.err.hint.minAllocs': '例如 1 或 0.5',
  'cli.err.notTop': '{flag} {value}：必须是整数（0：不显示摘要）',
  'cli.err.htmlToTerminal': '--format html 输出的是页面，不是终端文本',
  'cli.err.hint.htmlToTerminal': '请指定 -o FILE，或把标准输出重定向到文件',
  'cli.err.isDir': '{flag} {value}：是一个目录',
  'cli.err.hint.nameFile': '请指定一个文件',
  'cli.err.cannotWrite': '{flag} {value}：无法写入（{code}）',
  'cli.err.goTwice': '--go 要给两次，每边一次（实际给了 {n, number} 次）',
  'cli.err.diffSides': 'diff 比较两个修订版本（A [B]，B 默认为工作区）或两个 Go 版本（--go X --go Y）',
  'cli.err.goOneRevision': '带 --go 时最多指定一个修订版本（两个 Go 版本编译的同一份代码）',
  'cli.err.notPercentage': '{flag} {value}：不是百分比',
  'cli.err.hint.percentage': '例如 5% 或 0.5%',
  'cli.err.noRender':
    '{what, select, diff {diff 结果} check {检查结果} bench {基准测试结果} other {对一行代码的解释}}不能以 --format {format} 输出',
  'cli.err.fileLine': '应为 FILE:LINE 或 FILE:LINE:COL，LINE 和 COL 为从 1 起的整数，实际为 {given}',
  'cli.err.checkNeedsBudgets': '--check 需要预算：模块根目录下没有 heapscope.json、heapscope.yaml 或 heapscope.yml',
  'cli.err.notPort': '{flag} {value}：不是端口号（0：任一空闲端口）',
  'cli.err.cannotListen': '无法监听 {address}：{code}',
  'cli.serve.serving': '报告在 {url}，演练场在 {playground}（按 Ctrl-C 停止）',
  'cli.serve.updated': '{message}（第 {generation, number} 次更新）',

  // Errors of the runners (runners/): the go command, git, configuration, profiles.
  'cli.err.cacheLimit': 'HEAPSCOPE_CACHE_LIMIT={value} 不是大小：请写字节数，或带 K、M、G（按 1024 计）的数，例如 500M',
  'cli.err.hint.goUsage': '请检查 --tags、包模式和 GOFLAGS',
  'cli.err.badBenchRegexp': '{flag} {value}：{goText}',
  'cli.err.twoConfigs': '{files}：有两个配置文件；请只保留一个',
  'cli.err.configTooLarge': '{file}：{size} MiB，超过 heapscope 读取的上限 1 MiB',
  'cli.err.cannotReadFile': '{file}：无法读取（{code}）',
  'cli.err.notGitRepo': '{dir} 不在 git 仓库中（{why}）',
  'cli.err.gitExited': 'git 退出码 {code}',
  'cli.err.notRevision': '{value}：不是修订版本',
  'cli.err.unknownRevisionShallow': '未知的修订版本 {rev}：这是浅克隆，可能没有它',
  'cli.err.hint.unshallow': '请先获取它（git fetch --unshallow，或 actions/checkout 设置 fetch-depth: 0）',
  'cli.err.unknownRevision': '未知的修订版本 {rev}',
  'cli.err.hint.revision': '请给出 git rev-parse 认得的分支、标签或提交',
  'cli.err.goEnvFailed': 'go env 失败：{goText}',
  'cli.err.exitStatus': '退出状态 {code}',
  'cli.err.goEnvNotJson': 'go env -json 输出的不是 JSON',
  'cli.err.hint.goOnPath': 'PATH 上的 `go` 是 Go 工具链吗？',
  'cli.err.goVersionUnknown': '无法从 GOVERSION={value} 判断 Go 版本',
  'cli.err.goTooOld': '{version} 太旧：heapscope 需要 {oldest} 或更新的版本',
  'cli.err.hint.goTooOld': '请安装更新的 Go，或设置 GOTOOLCHAIN=go1.26.0 让 go 命令自动获取',
  'cli.err.noModule': '{dir} 中没有 Go 模块',
  'cli.err.hint.noModule': '请在模块（包含 go.mod 的目录）中运行 heapscope，或使用 -C DIR',
  'cli.err.hint.patterns': '请检查包模式（例如 ./... 或 ./cmd/...）',
  'cli.err.noPackagesMatch': '没有包匹配 {patterns}',
  'cli.err.dirGone': '目录 {dir} 已不存在',
  'cli.err.hint.dirGone': '是否在 heapscope 运行时被删除了？',
  'cli.err.commandNotFound': '{cmd}：找不到命令',
  'cli.err.hint.installGo': '请从 https://go.dev/dl 安装 Go 并加入 PATH',
  'cli.err.commandFailed': '{cmd}：{why}',
  'cli.err.hint.profile': '请给出 pprof 格式的 CPU 或内存性能剖析文件（go test -cpuprofile 或 -memprofile）',

  // Errors, problems, notes and progress of the engine (pipeline/).
  'cli.err.minAllocsProfile': '--min-allocs 依据的是 heapscope bench 测得的 allocs/op；带 --profile 时没有这些数据',
  'cli.err.hint.leaveOne': '请去掉二者之一',
  'cli.err.asmHtml': '--asm 为 html 报告添加汇编面板',
  'cli.err.hint.asmHtml': '请与 --format html 一起使用',
  'cli.problem.asm': '汇编清单：{why}',
  'cli.problem.notCompiled': '{n, plural, other {# 个包}}没有编译通过；结果不完整',
  'cli.problem.budgetsExceeded': '超出了 {n, plural, other {# 项预算}}',
  'cli.problem.budgetedNotRun': '{n, plural, other {# 个有预算的基准测试}}没有运行（{names}）',
  'cli.problem.budgetsUnmeasured': '{n, plural, other {# 项预算}}没有测得（{list}）',
  'cli.problem.budgets': '{parts}（{file}）',
  'cli.problem.noBenchmarkMatches': '{packages} 中没有基准测试匹配 --bench {pattern}',
  'cli.problem.benchPackages': '{n, plural, other {# 个包}}有问题；其余基准测试照常报告',
  'cli.listSeparator': '；',
  'cli.err.hint.writeBaseline': '可用 heapscope analyze --write-baseline FILE 生成',
  'cli.err.benchDidNotRun': '{flag} {value}：基准测试没有运行',
  'cli.problem.checkNotCompiled': '{n, plural, other {# 个包}}没有编译通过：其中的指令没有检查',
  'cli.problem.nothingToCheck': '分析的包中没有 //heapscope: 指令，也没有 --baseline：没有可检查的内容',
  'cli.err.compareTwo': '--compare 需要两个基准测试名 A 和 B（实际给了 {n, number} 个）；包模式请写在 --compare 之前或 -- 之后',
  'cli.err.compareTwice': '--compare 两次都指向 {name}：请给出两个不同的基准测试',
  'cli.err.notRelease': '{flag} {value}：不是 Go 版本名',
  'cli.err.hint.release': '例如 go1.26.8 或 go1.27.4，即 GOTOOLCHAIN 接受的写法',
  'cli.err.toolchainUnavailable': '{flag} {value}：go 命令无法获取这个工具链：{goText}',
  'cli.err.revisionNoDir': '修订版本 {rev} 中没有 {dir} 目录',
  'cli.err.revisionNoModule': '修订版本 {rev} 中没有模块目录',
  'cli.note.dirty': '工作区有未提交的改动；它们属于工作区一边',
  'cli.note.submodule': '{path} 处的子模块不在 {sides} 的树中（git archive 会略去它）：其中的包不参与比较',
  'cli.note.goSide': 'go（{side}）：{goText}',
  'cli.progress.analysingSide': '正在分析 {side}（{i, number}/2）',
  'cli.progress.onSide': '{side}：{message}',
  'cli.note.noRunsNew': '{name}：在 {side} 上没有运行（是新增的，或运行失败）',
  'cli.note.noRunsRemoved': '{name}：在 {side} 上没有运行（已被移除，或运行失败）',
  'cli.note.noBenchmarkEitherSide': '两边都没有运行匹配 --bench {pattern} 的基准测试',
  'cli.problem.comparisonIncomplete': '基准测试比较不完整（见上）：不能据此通过检查',
  'cli.problem.diffNotCompiled': '{n, plural, other {# 个包}}在一边没有编译通过：比较不完整',
  'cli.err.notAFile': '{file}：不是文件',
  'cli.err.noSuchFileName': '{file}：文件不存在',
  'cli.err.cannotBeRead': '{file}：无法读取（{code}）',
  'cli.err.lineOutOfRange': '{file}:{line}：{file} 只有 {lines, plural, other {# 行}}',
  'cli.problem.positionNotCompiled': '{position}：{package} 编译不通过：{goText}',
  'cli.problem.notInFunction': '{position} 不在函数内：编译器在那里不做任何决定',
  'cli.err.hint.analysedPackages': '分析的包：{names}',
  'cli.err.hint.functionNames': '它匹配的是报告中打印的函数名，例如 NewPoint 或 (*Buffer).Write',
  'cli.packagesAndMore': '{names} 等（另有 {n, number} 个）',
  'cli.none': '无',

  // The runners' progress lines and what they say of packages and benchmarks that failed.
  'cli.progress.building': '正在构建 {package}（{side}）',
  'cli.progress.round': '第 {round, number}/{count, number} 轮：{package}（{side}）',
  'cli.bench.abNoBuild': '{package}（{side}）：测试二进制构建失败：{goText}',
  'cli.bench.abTimedOut': '{package}（{side}）：{benchmark} 在 {timeout} 后超时（--timeout）；测试二进制已被终止',
  'cli.bench.aBenchmark': '某个基准测试',
  'cli.bench.abFailed': '{package}（{side}）：基准测试失败（{status}）：{lines}',
  'cli.progress.listing': '正在列出包',
  'cli.progress.compiling': '正在编译包（{seen, number}/{total, number}）',
  'cli.analyze.goStopped': '没有编译：go 命令在编译它之前就停止了：{goText}',
  'cli.analyze.buildStopped': '没有编译：构建在这个包之前就停止了（见其他包的错误）',
  'cli.analyze.importsBroken': '没有编译：它导入的 {package} 编译不通过',
  'cli.progress.buildingTests': '正在构建 {package}（{i, number}/{n, number}）',
  'cli.progress.timing': '正在为 {package} 的基准测试计时',
  'cli.bench.timedOut': '基准测试在 {timeout} 后超时（--timeout）；测试二进制已被终止',
  'cli.bench.measuredNothing':
    '{benchmark} 什么也没有测到：它报告了 0 次迭代，其 goroutine 异常结束（runtime.Goexit，或 panic 的消息还没打印测试二进制就已退出）',
  'cli.progress.profiling': '正在剖析 {benchmark}',
  'cli.progress.profilingMany': '正在剖析 {package} 的 {n, plural, other {# 个}}基准测试',
  'cli.progress.measuringCost': '正在测量 {benchmark} 的开销',
  'cli.progress.buildingTracesum': '正在构建 go/tracesum',
  'cli.progress.tracing': '正在跟踪 {benchmark}',
  'cli.progress.tracingAgain': '再次跟踪 {benchmark}',
  'cli.srcfacts.unreadable': 'go/srcfacts 的输出 heapscope 无法读取：{why}',
  'cli.srcfacts.exited': 'go/srcfacts 退出（{status}）：{lines}',
  'cli.bench.killedTimeout': '在 {timeout} 后超时（--timeout）；测试二进制已被终止',
  'cli.bench.skipped': '{benchmark} 被跳过',
  'cli.bench.skippedWhy': '{benchmark} 被跳过：{why}',
  'cli.bench.failed': '{benchmark} 失败',
  'cli.bench.failedWhy': '{benchmark} 失败：{why}',
  'cli.bench.timeoutProblem': '{benchmark} {what}',
  'cli.bench.timedOutPlain': '超时',
  'cli.bench.endedBinary': '{benchmark} 使测试二进制退出：{status}',
  'cli.bench.goTimeout': '{benchmark} 在 {timeout} 后超时（-test.timeout）',
  'cli.bench.panicked': '{benchmark} 发生 panic：{value}',
  'cli.bench.earlyExit': '测试二进制在任何基准测试运行之前就结束了：{status}',
  'cli.bench.earlyExitArch': '测试二进制在任何基准测试运行之前就结束了：{status}（是否为与本机不同的 GOOS/GOARCH 构建？）',
  'cli.bench.lastOutput': '{head}；它最后的输出：',

  // Error lines, problems around the report, and heapscope cache info / clean.
  'cli.error.withHint': '{message}（{hint}）',
  'cli.problem.sourceStructure': '源码结构：{message}',
  'cli.cache.info': `缓存：{dir}
大小：{size}，共 {entries, plural, other {# 个文件}}，上限 {limit}（{from}）
  包的分析结果：  {facts, plural, other {# 个条目}}，{factsSize}
  完成的报告：    {results, plural, other {# 个条目}}，{resultsSize}
  运行列表：      {runs, plural, other {# 个条目}}，{runsSize}
  Go 工具路径：   {tools, plural, other {# 个条目}}
  测得的数据：    {measured, plural, other {# 个模块}}，{measuredSize}
  辅助程序：      {bin, plural, other {# 个文件}}，{binSize}
  diff 修订版本： {revisions, plural, other {# 个提交}}，{revisionsSize}`,
  'cli.cache.defaultLimit': '默认',
  'cli.cache.unfinished': '  未完成的写入：{n, number} 个，{size}（其运行结束后删除）',
  'cli.cache.removed': '已从 {dir} 删除 {n, plural, other {# 个文件}}（{size}）',

  // Said when a report is replayed.
  'cli.replayed': '自同一命令上次运行以来没有任何改动；从缓存重放其报告（用 --no-cache 重新运行）',

  // Between the names of a list commander prints (choices, suggestions).
  'cli.commander.listSeparator': '、',

  // The working tree as a side of a diff; a heapscope bug.
  'cli.diff.workingTree': '工作区',
  'cli.diff.releaseOn': '{code} 上的 {release}',
  'cli.internalError': '内部错误（请报告）：{message}',

  // A configuration file with no problem named.
  'cli.err.configInvalid': '配置文件无效',

  // What Go's regexp package would refuse in a --bench or --function pattern (checked before anything runs).
  'cli.re2.trailingBackslash': '表达式末尾多了一个反斜杠',
  'cli.re2.backreference': '不支持反向引用（{escape}）',
  'cli.re2.invalidEscape': '无效的转义序列：{escape}',
  'cli.re2.invalidClassRange': '无效的字符类范围',
  'cli.re2.lookaround': '不支持先行断言和后行断言（(?=、(?!、(?<=、(?<!）',
  'cli.re2.invalidRepeat': '无效的重复次数：{repeat}',
};
