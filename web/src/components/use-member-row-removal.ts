import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { focusIfLost } from './focus-if-lost.js';
import { buttonAfterRow, rowWith } from './focus-next-row.js';
import { removeCachedRows } from './use-cursor-list.js';

/**
 * A member's row leaving every loaded list under `queryKey` once the server has answered a
 * confirmed action on them (a removed connection, an unblock), instead of once the lists have
 * been read again — every page loaded, thousands of rows for a busy member. The dialog gives the
 * focus back to the row's control that opened it, which leaves with the row, so the keyboard goes
 * on to the button of a neighbouring row (see buttonAfterRow), else to `fallback`. Rows carry
 * `data-member` with the member's handle; `rows` fits the list's `ref`.
 */
export function useMemberRowRemoval(queryKey: QueryKey, fallback: RefObject<HTMLElement | null>) {
  const queryClient = useQueryClient();
  const rows = useRef<HTMLUListElement>(null);
  const [target, setTarget] = useState<HTMLElement | null>(null);
  // After the render that closed the dialog and took the row out, so after the dialog's own
  // attempt to give the focus back.
  useEffect(() => focusIfLost(target), [target]);
  const removeRow = useCallback(
    (handle: string) => {
      const row = rowWith(rows.current, 'member', handle);
      setTarget(row ? buttonAfterRow(row, 'button', fallback.current) : fallback.current);
      removeCachedRows<{ member: { handle: string } }>(
        queryClient,
        queryKey,
        (cached) => cached.member.handle === handle,
      );
    },
    [queryClient, queryKey, fallback],
  );
  return { rows, removeRow };
}
