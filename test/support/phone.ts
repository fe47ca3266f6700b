import type { Page } from 'playwright-core';

/** A common phone screen (iPhone 12 to 15), in CSS pixels. */
export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;

/**
 * What sticks out sideways at the page's current size: the page scrolling sideways, any visible
 * element whose right edge is past the screen, and any word broken across two lines (a word
 * shown as more than one box, like "Aug/ust" in a narrow column). Empty when all is well.
 * `root` narrows the word check to part of the page (the cards).
 */
export async function sidewaysProblems(page: Page, root = 'body'): Promise<string[]> {
  const script = `(() => {
    const problems = [];
    const doc = document.documentElement;
    const width = doc.clientWidth;
    if (doc.scrollWidth > width) problems.push('page scrolls sideways: ' + doc.scrollWidth + ' > ' + width);
    const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      if (box.right > width + 1 && box.left < width) problems.push('past the right edge (' + Math.round(box.right) + ' > ' + width + '): ' + name(el));
    }
    const walker = document.createTreeWalker(document.querySelector(${JSON.stringify(root)}) || document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.getClientRects().length === 0) continue;
      const text = node.textContent || '';
      const words = /[^\\s\\-\\/–—·>]+/g;
      for (let m = words.exec(text); m; m = words.exec(text)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push('word broken across lines: "' + m[0] + '" in ' + name(parent));
      }
    }
    return problems;
  })()`;
  return page.evaluate<string[]>(script);
}

/** Opens every "More" button (Action.ShowCard) on the page, so the details are checked too. */
export async function openAllToggles(page: Page): Promise<number> {
  const script = `(() => {
    const toggles = [...document.querySelectorAll('.ac-pushButton.expandable[aria-expanded="false"]')];
    for (const t of toggles) t.click();
    return toggles.length;
  })()`;
  return page.evaluate<number>(script);
}
