// The right column: everything the report knows about the selected decision, each position a link to its line.

import type { PagePos, PageSite } from '../../src/reporters/html/page-data.js';
import { el, fill, linkButton, section, withNodes } from './dom.js';
import { causeId, costText, headline } from './format.js';
import { t } from './i18n.js';
import type { Model } from './model.js';
import { withPositionLinks } from './note-links.js';
import type { App } from './state.js';

const kindText = (k: PageSite['kind']): string =>
  ({
    'moved-to-heap': t('web.kind.movedToHeap'),
    escapes: t('web.kind.escapes'),
    'does-not-escape': t('web.kind.doesNotEscape'),
    'leaking-param': t('web.kind.leakingParam'),
    'leaking-param-content': t('web.kind.leakingParamContent'),
    'leaking-param-to-result': t('web.kind.leakingParamToResult'),
  })[k];

const allocatesText = (a: NonNullable<PageSite['allocates']>): string =>
  a === 'always' ? t('web.allocates.always') : a === 'sometimes' ? t('web.allocates.sometimes') : t('web.allocates.never');

export function siteDetail(app: App): { element: HTMLElement; render(): void } {
  const element = el('div', { class: 'site-detail', testid: 'site-detail' });
  let shown = -2;
  let shownModel = app.model;

  const posLink = (m: Model, p: PagePos, testid?: string, text?: string) =>
    linkButton(text ?? m.posText(p), () => app.go({ file: p[0], line: p[1] }), {
      testid,
      'data-file': m.filePath(p[0]),
      'data-line': p[1],
    });

  function causeBlock(m: Model, c: number, title: string): HTMLElement | null {
    const cause = m.data.causes[c];
    if (!cause) return null;
    return section(
      title,
      el('div', { class: 'cause-title' }, el('span', { class: 'cause-id' }, m.s(cause.id)), ' ', m.s(cause.title)),
      el('p', null, m.s(cause.summary)),
      m.s(cause.explanation) ? el('p', { class: 'explanation' }, m.s(cause.explanation)) : null,
      m.s(cause.fix) ? el('p', { class: 'fix' }, el('strong', null, t('web.detail.fix')), m.s(cause.fix)) : null,
    );
  }

  function render(i: number): void {
    const m = app.model;
    const linked = (s: number | undefined) => withPositionLinks(app, m.s(s));
    const x = m.site(i);
    if (!x) {
      element.replaceChildren(el('p', { class: 'empty' }, t('web.detail.noSite')));
      return;
    }
    const raw = [
      x.functionRaw !== undefined ? t('web.detail.rawFunction', { name: m.s(x.functionRaw) }) : '',
      x.exprRaw !== undefined ? t('web.detail.rawExpr', { expr: m.s(x.exprRaw) }) : '',
    ]
      .filter(Boolean)
      .join(' · ');
    const instances = m.groupOf(i).filter((j) => j !== i);
    const fnNames = new Set([m.s(x.function), m.s(x.functionRaw)].filter(Boolean));
    const inlined = m.data.inlined.filter((c) => (c.pos[0] === x.pos[0] && c.pos[1] === x.pos[1]) || fnNames.has(m.s(c.callee)));
    fill(
      element,
      el('h2', { class: `headline ${x.heap ? 'heap' : 'stack'}`, testid: 'site-headline' }, headline(m, x)),
      el(
        'dl',
        { class: 'facts' },
        el('dt', null, t('web.detail.function')),
        el('dd', null, m.s(x.function)),
        el('dt', null, t('web.detail.kind')),
        el('dd', null, kindText(x.kind)),
        el('dt', null, t('web.detail.at')),
        el('dd', null, posLink(m, x.pos)),
        el('dt', null, t('web.detail.package')),
        el('dd', null, m.packagePath(x.package)),
        x.cost ? el('dt', null, t('web.detail.cost')) : null,
        x.cost ? el('dd', { testid: 'site-cost' }, costText(m, x)) : null,
        x.allocates ? el('dt', null, t('web.detail.allocates')) : null,
        x.allocates
          ? el(
              'dd',
              { 'data-allocates': x.allocates },
              allocatesText(x.allocates),
              x.allocatesReason !== undefined ? (t.lang() === 'zh-CN' ? '：' : ': ') : '',
              ...linked(x.allocatesReason),
            )
          : null,
        x.cold ? el('dt', null, t('web.detail.cold')) : null,
        x.cold ? el('dd', null, ...linked(x.cold)) : null,
        x.inlinedFrom !== undefined ? el('dt', null, t('web.detail.inlinedFrom')) : null,
        x.inlinedFrom !== undefined ? el('dd', null, m.s(x.inlinedFrom)) : null,
      ),
      causeBlock(m, x.cause, t('web.detail.cause')),
      x.detail !== undefined ? el('p', { class: 'detail' }, ...linked(x.detail)) : null,
      x.notes?.length ? section(t('web.detail.notes'), el('ul', null, ...x.notes.map((n) => el('li', null, ...linked(n))))) : null,
      x.flow.length
        ? section(
            t('web.detail.flow'),
            el(
              'ol',
              { class: 'flow' },
              ...flowSteps(m, x).map((g) =>
                el(
                  'li',
                  null,
                  el('div', { class: 'edge' }, g.edge),
                  el(
                    'ul',
                    null,
                    ...g.steps.map((s) =>
                      el(
                        'li',
                        null,
                        posLink(
                          m,
                          s.pos,
                          'chain-step',
                          m.s(s.reason)
                            ? t('web.detail.stepReason', { text: m.s(s.text), reason: m.s(s.reason), pos: m.posText(s.pos) })
                            : t('web.detail.step', { text: m.s(s.text), pos: m.posText(s.pos) }),
                        ),
                      ),
                    ),
                  ),
                ),
              ),
            ),
            x.truncated ? el('p', { class: 'note' }, t('web.detail.truncated')) : null,
          )
        : null,
      x.chain?.length
        ? section(
            t('web.detail.chain'),
            el(
              'ol',
              { class: 'chain' },
              ...x.chain.map((c) =>
                el(
                  'li',
                  null,
                  c.site >= 0
                    ? linkButton(t('web.detail.exprIn', { expr: m.s(c.expr), function: m.s(c.function) }), () => app.go({ site: c.site }), {
                        testid: 'chain-site',
                        'data-site-id': m.siteId(c.site),
                      })
                    : el('span', null, t('web.detail.exprIn', { expr: m.s(c.expr), function: m.s(c.function) })),
                  ' ',
                  posLink(m, c.pos),
                  c.cause >= 0 ? el('span', { class: 'cause-id' }, causeId(m, c.cause)) : null,
                ),
              ),
            ),
          )
        : null,
      x.rootCause >= 0 && x.rootCause !== x.cause ? causeBlock(m, x.rootCause, t('web.detail.rootCause')) : null,
      instances.length
        ? section(
            t('web.detail.instances', { n: instances.length + 1 }),
            el(
              'ul',
              null,
              ...instances.slice(0, 100).map((j) =>
                el(
                  'li',
                  null,
                  linkButton(m.s(m.data.sites[j]!.function), () => app.go({ site: j })),
                ),
              ),
            ),
          )
        : null,
      inlined.length
        ? section(
            t('web.detail.inlined'),
            el(
              'ul',
              null,
              ...inlined.slice(0, 100).map((c) =>
                el(
                  'li',
                  null,
                  ...withNodes((v) => t('web.detail.inlinedInto', { callee: m.s(c.callee), caller: m.s(c.caller), ...v }), {
                    pos: posLink(m, c.pos),
                  }),
                ),
              ),
            ),
            inlined.length > 100 ? el('p', { class: 'note' }, t('web.detail.andMore', { n: inlined.length - 100 })) : null,
          )
        : null,
      raw ? el('p', { class: 'raw' }, t('web.detail.raw', { names: raw })) : null,
      el('p', { class: 'raw' }, t('web.detail.id', { id: m.siteId(i) })),
    );
  }

  return {
    element,
    render() {
      const i = app.sel.site;
      if (i === shown && shownModel === app.model) return;
      shown = i;
      shownModel = app.model;
      render(i);
      if (i >= 0) performance.mark('heapscope:site-shown');
    },
  };
}

/** The flow's notes under the edge (dst ← src) they belong to, in order. */
function flowSteps(m: Model, x: PageSite): { edge: string; steps: PageSite['flow'] }[] {
  const out: { edge: string; steps: PageSite['flow'] }[] = [];
  for (const s of x.flow) {
    const edge = `${m.s(s.dst)} ← ${m.s(s.src)}`;
    const last = out[out.length - 1];
    if (last && last.edge === edge) last.steps.push(s);
    else out.push({ edge, steps: [s] });
  }
  return out;
}
