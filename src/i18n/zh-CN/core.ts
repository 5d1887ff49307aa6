import type { core as en } from '../en/core.js';

export const core: Record<keyof typeof en, string> = {
  'core.unknownLang': '未知语言 {given}：heapscope 支持 {langs}',
};
