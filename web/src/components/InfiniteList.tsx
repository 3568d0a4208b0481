import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { describeError } from '../api/problem-messages.js';
import { formatCount } from '../lib/format.js';
import { plural } from '../lib/member.js';
import { focusIfLost } from './focus-if-lost.js';
import { revealAfter, type Reveal } from './reveal-added-rows.js';
import { useDebouncedValue } from './use-debounced-value.js';
import type { CursorList } from './use-cursor-list.js';

interface InfiniteListProps {
  list: CursorList<unknown>;
  /** What the rows are, one and many: "invitation", "invitations". */
  noun: readonly [string, string];
  /** How many the whole list holds, when the server counts it. */
  total?: number;
  /** Rows loaded but hidden meanwhile (a withdrawal waiting for its Undo to end). */
  hiddenCount?: number;
  children: ReactNode;
}

/** How long a next page may take before the list says it is loading. */
const SLOW_MS = 300;

/** How far below the visible part of the page the next page starts loading. */
const AHEAD = '600px';

/**
 * A list that goes on to its last row (R40): the next page loads as the end of the list scrolls
 * near, "Show more" does the same from the keyboard, a live line says how many are shown, and
 * the end says so.
 */
export function InfiniteList({ list, noun, total, hiddenCount = 0, children }: InfiniteListProps) {
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage, error } =
    list.query;
  // A next page that comes quickly changes nothing but the rows: saying "Loading…" for it too
  // flashed the line and the button, and each of those changes made the browser lay out and walk
  // every row once more, a third of each press with 20,000 rows loaded.
  const slow = useDebouncedValue(isFetchingNextPage, SLOW_MS) && isFetchingNextPage;
  const sentinel = useRef<HTMLDivElement>(null);
  const end = useRef<HTMLParagraphElement>(null);
  // Whether "Show more" was pressed or holds focus: the member is then following it to the end.
  const onMore = useRef(false);
  // Where to scroll the rows a press of "Show more" loads, and how many rows there were: they go
  // in under the button, which stays pinned at the window's foot.
  const pressed = useRef<{ reveal: Reveal; count: number } | null>(null);
  const shown = Math.max(0, list.items.length - hiddenCount);
  const [one, many] = noun;

  // While every loaded row is hidden (a bulk withdrawal waiting for its Undo), nothing scrolls,
  // so pages would load one after another for rows that may never show.
  const idle = shown === 0 && hiddenCount > 0;

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage || isFetchingNextPage || isFetchNextPageError || idle) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting))
          void fetchNextPage({ cancelRefetch: false });
      },
      { rootMargin: `0px 0px ${AHEAD} 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, idle, fetchNextPage]);

  // The rows a press loaded are brought into view, unless the member has moved on meanwhile.
  useLayoutEffect(() => {
    const press = pressed.current;
    if (!press || list.items.length <= press.count) return;
    pressed.current = null;
    if (onMore.current) press.reveal.scroller.scrollTo({ top: press.reveal.top });
  }, [list.items.length]);

  // "Show more" goes away with the last page, however it was loaded; the member who was on it
  // lands on the end marker rather than on the page's body.
  useEffect(() => {
    if (hasNextPage || !onMore.current) return;
    onMore.current = false;
    focusIfLost(end.current);
  }, [hasNextPage]);

  const status = slow
    ? `Loading more ${many}…`
    : total !== undefined
      ? `Showing ${formatCount(shown)} of ${plural(Math.max(shown, total), one, many)}`
      : `Showing ${plural(shown, one, many)}`;

  return (
    <>
      {children}
      {/* Loads the next page as the rows' end nears the window. Not the end line below: that one
          sticks in view while it holds the focus, and would then load page after page. */}
      <div ref={sentinel} />
      <div className="list-end">
        {hasNextPage ? (
          <>
            <p className="list-status muted" role="status" aria-live="polite">
              {status}
            </p>
            {isFetchNextPageError && <p className="error-note">{describeError(error)}</p>}
            {/* Not a BusyButton: pressed while the page is on its way, it loads nothing more,
                but the member is waiting for those rows and they are brought into view. */}
            <button
              type="button"
              className="button"
              aria-disabled={slow}
              onFocus={() => (onMore.current = true)}
              // Removing the button blurs it with nowhere to go; only a move elsewhere counts.
              onBlur={(event) => {
                if (event.relatedTarget) onMore.current = false;
              }}
              onClick={() => {
                onMore.current = true;
                if (sentinel.current)
                  pressed.current = {
                    reveal: revealAfter(sentinel.current),
                    count: list.items.length,
                  };
                void fetchNextPage({ cancelRefetch: false });
              }}
            >
              {isFetchNextPageError ? 'Try again' : `Show more ${many}`}
            </button>
          </>
        ) : (
          shown > 0 && (
            <p
              className="list-status muted"
              role="status"
              aria-live="polite"
              tabIndex={-1}
              ref={end}
            >
              {shown === 1 ? `The only ${one}` : `All ${formatCount(shown)} shown`}
            </p>
          )
        )}
      </div>
    </>
  );
}
