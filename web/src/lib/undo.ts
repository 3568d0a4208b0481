/** How long an Undo toast waits before what it offers to take back is sent. */
export const UNDO_MS = 5000;

/**
 * Ctrl+Z by the letter the key types; on a layout whose keys type no Latin letter (Cyrillic,
 * Greek), by the key in Z's place, as the browser's own shortcuts do there. Elsewhere that key may
 * type another letter (W on AZERTY), and Ctrl+W is not an undo.
 */
function isUndoKey(event: KeyboardEvent): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return false;
  const key = event.key.toLowerCase();
  return key === 'z' || (event.code === 'KeyZ' && !/^[a-z]$/.test(key));
}

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)
  );
}

/** Ctrl+Z (⌘Z) outside a field, where it undoes typing instead. */
export function isUndoShortcut(event: KeyboardEvent): boolean {
  return isUndoKey(event) && !inTextField(event.target);
}
