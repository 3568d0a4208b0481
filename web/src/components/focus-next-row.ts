type Step = 'nextElementSibling' | 'previousElementSibling';

/** The row of `list` whose `data-{key}` attribute is `value`. */
export function rowWith(list: Element | null, key: string, value: string): Element | null {
  return list?.querySelector(`[data-${key}="${CSS.escape(value)}"]`) ?? null;
}

/** The first `button` in the rows from `row` on in the direction of `step`, itself left out. */
function buttonFrom(row: Element, step: Step, button: string): HTMLElement | null {
  for (let at = row[step]; at; at = at[step]) {
    const found = at.querySelector<HTMLElement>(button);
    if (found) return found;
  }
  return null;
}

/**
 * Where the keyboard goes once `row` leaves its list: the same button in the next row that has
 * one, else in the nearest row above, else `fallback` — never the top of the page, where a
 * removed button leaves the focus.
 */
export function buttonAfterRow(
  row: Element,
  button: string,
  fallback: HTMLElement | null | undefined,
): HTMLElement | null {
  return (
    buttonFrom(row, 'nextElementSibling', button) ??
    buttonFrom(row, 'previousElementSibling', button) ??
    fallback ??
    null
  );
}

/**
 * Moves the keyboard on (see buttonAfterRow) when a row's own button is about to take the row
 * out of its list (an answer, a revoke). Call it once the action is done and while the row is
 * still shown. Focus elsewhere (the member moved on meanwhile) is left alone.
 */
export function focusNextRow(
  row: Element | null | undefined,
  button: string,
  fallback: HTMLElement | null | undefined,
) {
  if (row?.contains(document.activeElement)) buttonAfterRow(row, button, fallback)?.focus();
}
