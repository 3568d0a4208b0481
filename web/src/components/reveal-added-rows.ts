/** Where the rows of a list ended, in the content of whatever scrolls them. */
export interface RowsEnd {
  scroller: Element;
  offset: number;
}

/** The nearest ancestor of `element` that scrolls its content, else the page itself. */
function scrollerOf(element: Element): Element {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight)
      return node;
  }
  return document.scrollingElement ?? document.documentElement;
}

/** The top of the page's window, or of a scrolling element, against the viewport. */
function viewportTop(scroller: Element): number {
  return scroller === document.scrollingElement ? 0 : scroller.getBoundingClientRect().top;
}

/** Where the rows end now, `marker` being the element that follows the last of them. */
export function rowsEnd(marker: Element): RowsEnd {
  const scroller = scrollerOf(marker);
  const offset = marker.getBoundingClientRect().top - viewportTop(scroller) + scroller.scrollTop;
  return { scroller, offset };
}

/**
 * Scrolls the rows added after `end` into view, the first of them halfway down the window: as
 * high as that, neither a bar pinned at the top nor one pinned at the foot covers it, and the
 * rows before it are still there to read on from.
 */
export function revealFrom(end: RowsEnd): void {
  const { scroller, offset } = end;
  const height =
    scroller === document.scrollingElement ? window.innerHeight : scroller.clientHeight;
  scroller.scrollTo({ top: Math.max(0, offset - height / 2) });
}
