// CodeMirror's styles (style-mod) go into a <style> element whenever the editor's root is a document, and the
// page's Content-Security-Policy admits only the page's own stylesheet, so that element would be blocked (with a
// console error) and the editor left unstyled. style-mod (re)inserts its element into <head> each time its rules
// change; this takes the element's text into a constructed stylesheet instead, which the policy does not govern.

import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

let sheet: CSSStyleSheet | null = null;

export function routeEditorStyles(): void {
  if (sheet || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  const own = new CSSStyleSheet();
  sheet = own;
  const head = document.head;
  const insertBefore = head.insertBefore.bind(head);
  head.insertBefore = function <T extends Node>(node: T, child: Node | null): T {
    if (node instanceof HTMLStyleElement && !node.isConnected) {
      own.replaceSync(node.textContent ?? '');
      if (!document.adoptedStyleSheets.includes(own)) document.adoptedStyleSheets = [own, ...document.adoptedStyleSheets];
      return node;
    }
    return insertBefore(node, child);
  };
}

/**
 * Syntax colours as the page's CSS variables (style.css sets them for light and dark), so code keeps its contrast
 * in both; CodeMirror's default style is for light backgrounds only.
 */
export const codeHighlight = HighlightStyle.define([
  { tag: tags.meta, color: 'var(--tok-meta)' },
  { tag: tags.keyword, color: 'var(--tok-keyword)' },
  { tag: [tags.atom, tags.bool, tags.url, tags.contentSeparator, tags.labelName], color: 'var(--tok-atom)' },
  { tag: [tags.literal, tags.inserted], color: 'var(--tok-literal)' },
  { tag: [tags.string, tags.deleted], color: 'var(--tok-string)' },
  { tag: [tags.regexp, tags.escape, tags.special(tags.string)], color: 'var(--tok-escape)' },
  { tag: tags.definition(tags.variableName), color: 'var(--tok-def)' },
  { tag: tags.local(tags.variableName), color: 'var(--tok-local)' },
  { tag: [tags.typeName, tags.namespace], color: 'var(--tok-type)' },
  { tag: tags.className, color: 'var(--tok-type)' },
  { tag: [tags.special(tags.variableName), tags.macroName], color: 'var(--tok-special)' },
  { tag: tags.definition(tags.propertyName), color: 'var(--tok-def)' },
  { tag: tags.comment, color: 'var(--tok-comment)' },
  { tag: tags.invalid, color: 'var(--heap)' },
]);
