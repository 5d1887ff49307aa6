// heapscope's messages in the language of the run: `t('area.id', { placeholder })`. The CLI sets the language
// once per invocation (main.ts), the language server per session; everything that writes for people calls t.

import { catalogues, type MessageId } from './catalogue.js';
import { makeTranslator } from './translator.js';

export type { MessageId };
export const t = makeTranslator<MessageId>(catalogues);
