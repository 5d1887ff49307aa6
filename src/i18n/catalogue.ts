// The server side's catalogues: one per language, each the union of its areas (one file per area under en/ and
// zh-CN/, so each part of heapscope keeps its own messages). A Chinese area is typed by the English one: a message
// missing from either language fails the build.

import { core as enCore } from './en/core.js';
import { core as zhCore } from './zh-CN/core.js';
import { causes as enCauses } from './en/causes.js';
import { causes as zhCauses } from './zh-CN/causes.js';
import { cli as enCli } from './en/cli.js';
import { cli as zhCli } from './zh-CN/cli.js';
import { prose as enProse } from './en/prose.js';
import { prose as zhProse } from './zh-CN/prose.js';
import { report as enReport } from './en/report.js';
import { report as zhReport } from './zh-CN/report.js';
import { rules as enRules } from './en/rules.js';
import { rules as zhRules } from './zh-CN/rules.js';
import { serve as enServe } from './en/serve.js';
import { serve as zhServe } from './zh-CN/serve.js';
import { web as enWeb } from './en/web.js';
import { web as zhWeb } from './zh-CN/web.js';
import { sweep as enSweep } from './en/sweep.js';
import { sweep as zhSweep } from './zh-CN/sweep.js';
import { lsp as enLsp } from './en/lsp.js';
import { lsp as zhLsp } from './zh-CN/lsp.js';
import type { Catalogues } from './translator.js';

const en = {
  ...enCore,
  ...enCauses,
  ...enCli,
  ...enProse,
  ...enReport,
  ...enRules,
  ...enServe,
  ...enWeb,
  ...enSweep,
  ...enLsp,
};
export type MessageId = keyof typeof en;

export const catalogues: Catalogues<MessageId> = {
  en,
  'zh-CN': {
    ...zhCore,
    ...zhCauses,
    ...zhCli,
    ...zhProse,
    ...zhReport,
    ...zhRules,
    ...zhServe,
    ...zhWeb,
    ...zhSweep,
    ...zhLsp,
  },
};
