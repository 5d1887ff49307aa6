// Renders docs/causes.md from the catalogue; a test fails when the committed file differs.
import { CAUSES } from './causes.js';

export function renderCausesDoc(): string {
  const out = [
    '# Causes',
    '',
    'Every heap decision heapscope reports carries one cause from this catalogue (`cause.id` in the JSON).',
    'This file is generated from `src/model/causes.ts`; `npm test` checks that they agree.',
    '',
  ];
  for (const c of CAUSES) {
    out.push(`## \`${c.id}\`: ${c.title}`, '', `**Summary:** ${c.summary}.`, '', c.explanation, '', `**Fix:** ${c.fix}`, '');
  }
  return out.join('\n');
}
