// Renders docs/causes.md (English) and docs/causes.zh-CN.md (Chinese) from the catalogue; a test fails when a
// committed file differs. Headings stay `## \`id\`: Title` in both (an ASCII colon after the code span): the
// language server links a cause by the slug of that heading (lsp/diagnostics.ts causeDocUrl).
import { CAUSES, causeText, type CauseId } from './causes.js';
import type { Lang } from '../i18n/lang.js';

interface DocFrame {
  file: string;
  intro: string[];
  /** The order join/classify.ts tries the rules in: the first that matches gives the id. */
  order: string[];
  summary: (s: string) => string;
  fix: string;
  chosen: string;
}

const FRAMES: Record<Lang, DocFrame> = {
  en: {
    file: 'causes.md',
    intro: [
      '# Causes',
      '',
      'Every heap decision heapscope reports carries one cause from this catalogue (`cause.id` in the JSON).',
      'This file is generated from `src/model/causes.ts` and its text in `src/i18n/en/causes.ts` (`npm run docs:causes`);',
      '`npm test` checks that they agree. In Chinese: [causes.zh-CN.md](causes.zh-CN.md).',
      '',
      '## How a cause is chosen',
      '',
    ],
    order: [
      'A heap decision gets its cause from what the compiler printed for it with `-gcflags=-m=2`: the escaping',
      "expression, the reason words of its explanation's notes (`from x (call parameter)`), and where the explanation",
      'ends (its root: `{heap}`, a result, `{storage for X}`, a variable, `{temp}`). The expression alone decides nothing',
      'that the flow can tell: the same printed `Labels{...}` is a map literal or a boxed struct, and `&T{...}` converted',
      "to an interface boxes nothing. The rules are tried in this order (src/join/classify.ts); each cause's",
      '**Chosen when** says what leads to it.',
      '',
      '1. A `leaking param` decision: `param-returned` or `param-leaks-to-heap`.',
      '2. A size limit: `too-large`, `too-aligned`, `non-constant-size`.',
      '3. What the value is: a `func literal` (`goroutine`, `deferred-closure`, `closure-capture`), a captured variable,',
      "   a variadic call's `... argument` (`variadic-slice`), a boxed value (`interface-conversion`, `interface-stored`).",
      '4. What stores it: a channel send, a map, `append`; then a string conversion or concatenation made here.',
      '5. Where the explanation ends: a result (`returned-address`, `returned-value`), `{heap}` through a call',
      '   (`leaking-param-call`) or a store (`stored-in-heap`), an object on the heap (`stored-in-heap-object`), a',
      '   variable outside the loop (`outlives-loop`).',
      '',
      'Causes marked "bench lines only" are given to measured lines of `heapscope bench` from the allocation that ran',
      "(the profile's innermost frame, the line's `-S` listing), in the order listed there (src/join/attribute.ts).",
      '',
    ],
    summary: (s) => `**Summary:** ${s}.`,
    fix: '**Fix:** ',
    chosen: '**Chosen when:** ',
  },
  'zh-CN': {
    file: 'causes.zh-CN.md',
    // Chinese paragraphs stay on one line: Markdown turns a line break inside a paragraph into a space.
    intro: [
      '# 原因',
      '',
      'heapscope 报告的每个堆决定都带有这份目录中的一个原因（JSON 中的 `cause.id`）。本文件由 `src/model/causes.ts` 及其中文文本 `src/i18n/zh-CN/causes.ts` 生成（`npm run docs:causes`）；`npm test` 检查两者一致。术语见 [glossary.zh-CN.md](glossary.zh-CN.md)；英文版：[causes.md](causes.md)。',
      '',
      '## 如何选择原因',
      '',
    ],
    order: [
      '堆决定的原因取自编译器用 `-gcflags=-m=2` 为它打印的内容：逃逸的表达式、解释中各条标注的原因用语（`from x (call parameter)`），以及解释链的终点（它的根：`{heap}`、返回值、`{storage for X}`、变量、`{temp}`）。凡是数据流能说明的，不单凭表达式下结论：同样打印出来的 `Labels{...}` 可能是 map 字面量，也可能是装箱的结构体；而转换为接口的 `&T{...}` 并不产生装箱。规则按以下顺序尝试（src/join/classify.ts）；每个原因的**选择条件**说明了什么会导向它。',
      '',
      '1. `leaking param` 决定：`param-returned` 或 `param-leaks-to-heap`。',
      '2. 大小限制：`too-large`、`too-aligned`、`non-constant-size`。',
      '3. 值是什么：`func literal`（`goroutine`、`deferred-closure`、`closure-capture`）、被捕获的变量、可变参数调用的 `... argument`（`variadic-slice`）、装箱的值（`interface-conversion`、`interface-stored`）。',
      '4. 由什么存储它：channel 发送、map、`append`；然后是在此处进行的字符串转换或拼接。',
      '5. 解释链止于何处：返回值（`returned-address`、`returned-value`），经由调用（`leaking-param-call`）或存储（`stored-in-heap`）到达 `{heap}`，堆上的对象（`stored-in-heap-object`），循环之外的变量（`outlives-loop`）。',
      '',
      '标为“仅用于基准测试测得的行”的原因，由实际发生的分配（性能剖析文件中最内层的栈帧、该行的 `-S` 汇编清单）决定，按其中列出的顺序赋给 `heapscope bench` 测得的行（src/join/attribute.ts）。',
      '',
    ],
    summary: (s) => `**摘要：**${s}。`,
    fix: '**修复建议：**',
    chosen: '**选择条件：**',
  },
};

/** The docs file (under docs/) for a language. */
export const causesDocFile = (lang: Lang): string => FRAMES[lang].file;

export function renderCausesDoc(lang: Lang = 'en'): string {
  const f = FRAMES[lang];
  const text = (id: string, field: Parameters<typeof causeText>[1]) => causeText(id as CauseId, field, lang);
  const out = [...f.intro, ...f.order];
  for (const { id } of CAUSES) {
    out.push(
      `## \`${id}\`: ${text(id, 'title')}`,
      '',
      f.summary(text(id, 'summary')),
      '',
      text(id, 'explanation'),
      '',
      f.fix + text(id, 'fix'),
      '',
      f.chosen + text(id, 'chosen'),
      '',
    );
  }
  return out.join('\n');
}
