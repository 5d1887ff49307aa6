// Renders docs/causes.md from the catalogue; a test fails when the committed file differs.
import { CAUSES } from './causes.js';

/** The order join/classify.ts tries the rules in: the first that matches gives the id. */
const ORDER = [
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
];

export function renderCausesDoc(): string {
  const out = [
    '# Causes',
    '',
    'Every heap decision heapscope reports carries one cause from this catalogue (`cause.id` in the JSON).',
    'This file is generated from `src/model/causes.ts` (`npm run docs:causes`); `npm test` checks that they agree.',
    '',
    '## How a cause is chosen',
    '',
    ...ORDER,
  ];
  for (const c of CAUSES) {
    out.push(
      `## \`${c.id}\`: ${c.title}`,
      '',
      `**Summary:** ${c.summary}.`,
      '',
      c.explanation,
      '',
      `**Fix:** ${c.fix}`,
      '',
      `**Chosen when:** ${c.chosen}`,
      '',
    );
  }
  return out.join('\n');
}
