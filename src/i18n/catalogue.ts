// The server side's catalogues: one per language, each the union of its areas (one file per area under en/ and
// zh-CN/, so each part of heapscope keeps its own messages). A Chinese area is typed by the English one: a message
// missing from either language fails the build.

import { core as enCore } from './en/core.js';
import { core as zhCore } from './zh-CN/core.js';
import { report as enReport } from './en/report.js';
import { report as zhReport } from './zh-CN/report.js';
import type { Catalogues } from './translator.js';

const en = { ...enCore, ...enReport };
export type MessageId = keyof typeof en;

export const catalogues: Catalogues<MessageId> = {
  en,
  'zh-CN': { ...zhCore, ...zhReport },
};
