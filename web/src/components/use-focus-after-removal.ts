import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { focusIfLost } from './focus-if-lost.js';
import { buttonAfterRow } from './focus-next-row.js';

/**
 * Where the keyboard goes when a confirmation dialog takes a member's row out of a list: the
 * dialog gives the focus back to the row's control that opened it, which leaves with the row,
 * so it goes on to `button` in a neighbouring row (see buttonAfterRow), else to `fallback`.
 * Rows carry `data-member` with the member's handle; `rows` fits the list's `ref`.
 */
export function useFocusAfterRemoval(button: string, fallback: RefObject<HTMLElement | null>) {
  const rows = useRef<HTMLUListElement>(null);
  const [target, setTarget] = useState<HTMLElement | null>(null);
  // After the render that closed the dialog and took the row out, so after the dialog's own
  // attempt to give the focus back.
  useEffect(() => focusIfLost(target), [target]);
  const rowLeaving = useCallback(
    (handle: string) => {
      const row = rows.current?.querySelector(`[data-member="${CSS.escape(handle)}"]`);
      setTarget(row ? buttonAfterRow(row, button, fallback.current) : fallback.current);
    },
    [button, fallback],
  );
  return { rows, rowLeaving };
}
