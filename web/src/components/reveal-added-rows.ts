/** Where a list's scrolling box should come to: `top` is the scroll offset to give `scroller`. */
export interface Reveal {
  scroller: Element;
  top: number;
}

/** What scrolls the page itself. */
function pageScroller(): Element {
  return document.scrollingElement ?? document.documentElement;
}

/** The nearest ancestor of `element` that scrolls its content, else the page itself. */
function scrollerOf(element: Element): Element {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight)
      return node;
  }
  return pageScroller();
}

/** What of the viewport `scroller` shows its content in: the window for the page, else its box. */
function viewportOf(scroller: Element): { top: number; height: number } {
  if (scroller === pageScroller()) return { top: 0, height: window.innerHeight };
  return { top: scroller.getBoundingClientRect().top, height: scroller.clientHeight };
}

/**
 * Where to scroll once rows are added after `marker` (the element that follows the last row
 * now): the first of them halfway down the window. As high as that, neither a bar pinned at the
 * top nor one pinned at the foot covers it, and the rows before it are still there to read on
 * from.
 */
export function revealAfter(marker: Element): Reveal {
  const scroller = scrollerOf(marker);
  const viewport = viewportOf(scroller);
  const offset = marker.getBoundingClientRect().top - viewport.top + scroller.scrollTop;
  return { scroller, top: Math.max(0, offset - viewport.height / 2) };
}
