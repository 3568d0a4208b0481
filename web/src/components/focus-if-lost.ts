/**
 * Whether the keyboard focus has nowhere to be: on the page's body, where a removed control
 * leaves it, or on a control just disabled, which the browser drops to the body at its next
 * paint.
 */
function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active.matches(':disabled');
}

/**
 * Gives `element` the keyboard focus when a control that went away (a form that closed, a
 * button that left or was disabled) lost it, so the member lands on the news rather than the top
 * of the page. Focus elsewhere (the member moved on meanwhile) is left alone. Fits a `ref`.
 */
export function focusIfLost(element: HTMLElement | null) {
  if (element && focusLost()) element.focus();
}

/**
 * Gives `element` the keyboard focus when it was lost, or is still in `element`'s form: a form
 * that stays after its success (its fields emptied) says how it went where the member is.
 * Fits a `ref` on the form's success message.
 */
export function focusFromForm(element: HTMLElement | null) {
  if (element && (focusLost() || element.closest('form')?.contains(document.activeElement)))
    element.focus();
}
