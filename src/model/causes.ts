// The one catalogue of root causes. Text, JSON, docs, SARIF rules and the HTML report all read it; code and tests
// refer to causes by id only. The table keeps the ids in the order docs/causes.md lists them; each cause's text
// (title, summary, explanation, fix, chosen) lives in the message catalogue (src/i18n/<lang>/causes.ts, ids
// `cause.<id>.<field>`) and is read in the run's language each time it is used. docs/causes.md and
// docs/causes.zh-CN.md are generated from it (model/causes-doc.ts) and a test checks they agree; `chosen` must say
// what join/classify.ts and join/attribute.ts do.

import { catalogues, type MessageId } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/t.js';
import { makeTranslator, type Translator } from '../i18n/translator.js';

export interface Cause {
  readonly id: string;
  readonly title: string;
  /** One line, shown beside the site. */
  readonly summary: string;
  /** Why the compiler decided so, in plain words. */
  readonly explanation: string;
  /** A concrete change that usually removes the allocation. */
  readonly fix: string;
  /** Which facts lead heapscope to this id (join/classify.ts for heap decisions, join/attribute.ts for bench lines). */
  readonly chosen: string;
}

export type CauseField = Exclude<keyof Cause, 'id'>;
export const CAUSE_FIELDS: readonly CauseField[] = ['title', 'summary', 'explanation', 'fix', 'chosen'];

const ids = [
  'returned-address',
  'returned-value',
  'stored-in-heap',
  'stored-in-heap-object',
  'outlives-loop',
  'variadic-slice',
  'interface-stored',
  'interface-conversion',
  'closure-capture',
  'goroutine',
  'deferred-closure',
  'too-large',
  'too-aligned',
  'non-constant-size',
  'leaking-param-call',
  'append-escaping-slice',
  'sent-on-channel',
  'stored-in-map',
  'string-conversion',
  'string-concatenation',
  'param-leaks-to-heap',
  'param-returned',
  'slice-growth',
  'map-growth',
  'library-allocation',
  'reflection',
  'runtime-internal',
  'heap-backed-stack-make',
  'unclassified',
] as const;

export type CauseId = (typeof ids)[number];

/** A cause's text in a given language, whatever the run's (the docs generator writes both). */
export function causeText(id: CauseId, field: CauseField, lang: Lang = t.lang()): string {
  return (lang === t.lang() ? t : translatorFor(lang))(`cause.${id}.${field}`);
}

const translators = new Map<Lang, Translator<MessageId>>();
function translatorFor(lang: Lang): Translator<MessageId> {
  let tr = translators.get(lang);
  if (!tr) translators.set(lang, (tr = makeTranslator<MessageId>(catalogues, lang)));
  return tr;
}

/** The cause whose text fields read the catalogue in the run's language when read (t.setLang before use). */
function causeOf(id: CauseId): Cause {
  return {
    id,
    get title() {
      return t(`cause.${id}.title`);
    },
    get summary() {
      return t(`cause.${id}.summary`);
    },
    get explanation() {
      return t(`cause.${id}.explanation`);
    },
    get fix() {
      return t(`cause.${id}.fix`);
    },
    get chosen() {
      return t(`cause.${id}.chosen`);
    },
  };
}

export const CAUSES: readonly Cause[] = ids.map(causeOf);

const byId = new Map<string, Cause>(CAUSES.map((c) => [c.id, c]));

export function cause(id: CauseId): Cause {
  return byId.get(id)!;
}

export function findCause(id: string): Cause | undefined {
  return byId.get(id);
}
