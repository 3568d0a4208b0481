import { useCallback, useEffect, useRef } from 'react';
import { isUndoShortcut, UNDO_MS } from '../lib/undo.js';
import { useToasts } from './Toasts.js';

/** Something irreversible, held back while its Undo toast shows. */
export interface Undoable {
  message: string;
  /** Does it; `leaving` when the page is going away, so its request must outlive the page. */
  send: (leaving: boolean) => void;
  /**
   * Called once Undo took it back, with nothing sent, to put the keyboard on what came back;
   * without it, the keyboard goes where `returnFocus` puts it.
   */
  undone?: () => void;
  /** Takes the keyboard when a toast that held it ends by itself. */
  returnFocus: () => void;
}

interface Waiting {
  undoable: Undoable;
  timer: number;
  toastId: number;
}

/**
 * The Undo window of UX.md: what is scheduled is sent only once its toast ends, and focus moves
 * to Undo at once, so a keyboard or screen-reader user can take it back in time. Ctrl+Z (⌘Z)
 * takes back the newest still waiting, wherever the focus is, except in a field, where it undoes
 * typing. Leaving the page, or the page's component, sends whatever still waits.
 */
export function useUndoWindow(): (undoable: Undoable) => void {
  const toasts = useToasts();
  const waiting = useRef(new Map<number, Waiting>());
  const nextId = useRef(1);

  const take = useCallback(
    (id: number, focusBack = true): Undoable | undefined => {
      const entry = waiting.current.get(id);
      if (!entry) return undefined;
      waiting.current.delete(id);
      window.clearTimeout(entry.timer);
      toasts.dismiss(entry.toastId, { returnFocus: focusBack });
      return entry.undoable;
    },
    [toasts],
  );

  const send = useCallback((id: number, leaving = false) => take(id)?.send(leaving), [take]);

  const undo = useCallback(
    (id: number) => {
      const undone = waiting.current.get(id)?.undoable.undone;
      take(id, undone === undefined);
      undone?.();
    },
    [take],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isUndoShortcut(event) || waiting.current.size === 0) return;
      event.preventDefault();
      undo(Math.max(...waiting.current.keys()));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo]);

  useEffect(() => {
    const sendAll = (leaving: boolean) => {
      for (const id of [...waiting.current.keys()]) send(id, leaving);
    };
    const onPageHide = () => sendAll(true);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      sendAll(false);
    };
  }, [send]);

  return useCallback(
    (undoable: Undoable) => {
      const id = nextId.current++;
      const toastId = toasts.show({
        message: undoable.message,
        action: { label: 'Undo', onClick: () => undo(id), keyShortcuts: 'Control+Z Meta+Z' },
        duration: null,
        onClose: () => send(id),
        focusAction: true,
        returnFocus: undoable.returnFocus,
      });
      const timer = window.setTimeout(() => send(id), UNDO_MS);
      waiting.current.set(id, { undoable, timer, toastId });
    },
    [toasts, undo, send],
  );
}
