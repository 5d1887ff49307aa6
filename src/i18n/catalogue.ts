// The server side's catalogues: one per language, each the union of its areas (one file per area under en/ and
// zh-CN/, so each part of heapscope keeps its own messages). A Chinese area is typed by the English one: a message
// missing from either language fails the build.

import { core as enCore } from './en/core.js';
import { core as zhCore } from './zh-CN/core.js';
import { web as enWeb } from './en/web.js';
import { web as zhWeb } from './zh-CN/web.js';
import { serve as enServe } from './en/serve.js';
import { serve as zhServe } from './zh-CN/serve.js';
import type { Catalogues } from './translator.js';

const en = { ...enCore, ...enWeb, ...enServe };
export type MessageId = keyof typeof en;

export const catalogues: Catalogues<MessageId> = {
  en,
  'zh-CN': { ...zhCore, ...zhWeb, ...zhServe },
};
