// CodeMirror's styles (style-mod) go into a <style> element whenever the editor's root is a document, and the
// page's Content-Security-Policy admits only the page's own stylesheet, so that element would be blocked (with a
// console error) and the editor left unstyled. style-mod (re)inserts its element into <head> each time its rules
// change; this takes the element's text into a constructed stylesheet instead, which the policy does not govern.

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
