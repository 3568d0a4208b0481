import { useCallback, useMemo, useState } from 'react';

/**
 * Rows picked one by one, or everything the filter matches but the rows unticked since (R40):
 * the second form reaches rows never loaded, so it is kept as exclusions, not as ids.
 */
export type Selection =
  { kind: 'some'; ids: ReadonlySet<string> } | { kind: 'all'; excluded: ReadonlySet<string> };

const NONE: Selection = { kind: 'some', ids: new Set() };

/** Whether rows can be picked now, and which are; turning picking on or off starts from none. */
export function useSelection(total: number) {
  const [selecting, setSelecting] = useState(false);
  const [selection, setSelection] = useState<Selection>(NONE);

  const isSelected = useCallback(
    (id: string) =>
      selection.kind === 'all' ? !selection.excluded.has(id) : selection.ids.has(id),
    [selection],
  );

  const toggle = useCallback((id: string) => {
    setSelection((current) => {
      const set = new Set(current.kind === 'all' ? current.excluded : current.ids);
      if (set.has(id)) set.delete(id);
      else set.add(id);
      return current.kind === 'all' ? { kind: 'all', excluded: set } : { kind: 'some', ids: set };
    });
  }, []);

  // A row picked one by one leaves the selection; everything that matches loses it through its
  // total, which the caller counts without the rows that cannot be selected.
  const drop = useCallback((id: string) => {
    setSelection((current) => {
      if (current.kind === 'all' || !current.ids.has(id)) return current;
      const ids = new Set(current.ids);
      ids.delete(id);
      return { kind: 'some', ids };
    });
  }, []);

  const selectIds = useCallback(
    (ids: string[]) => setSelection({ kind: 'some', ids: new Set(ids) }),
    [],
  );
  const selectAllMatching = useCallback(
    () => setSelection({ kind: 'all', excluded: new Set() }),
    [],
  );
  const clear = useCallback(() => setSelection(NONE), []);
  const toggleSelecting = useCallback(() => {
    setSelecting((value) => !value);
    setSelection(NONE);
  }, []);

  const count =
    selection.kind === 'all' ? Math.max(0, total - selection.excluded.size) : selection.ids.size;

  return useMemo(
    () => ({
      selecting,
      toggleSelecting,
      selection,
      count,
      isSelected,
      toggle,
      drop,
      selectIds,
      selectAllMatching,
      clear,
    }),
    [
      selecting,
      toggleSelecting,
      selection,
      count,
      isSelected,
      toggle,
      drop,
      selectIds,
      selectAllMatching,
      clear,
    ],
  );
}
