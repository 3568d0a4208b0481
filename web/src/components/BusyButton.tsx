import type { ComponentProps } from 'react';

interface BusyButtonProps extends ComponentProps<'button'> {
  /** Its request (or its dialog's) is on its way: the button says so and ignores presses. */
  busy: boolean;
}

/**
 * A button that is busy rather than disabled while its request runs. A disabled button drops
 * the keyboard focus to the top of the page and leaves the Tab order, so a keyboard user would
 * lose their place at every press; this one keeps the focus and says it is busy (aria-disabled),
 * and a press meanwhile does nothing — for a submit button, not even the submit. `disabled`
 * stays for buttons that cannot be used for a lasting reason (nothing selected, a form invalid).
 */
export function BusyButton({ busy, onClick, type = 'button', ...props }: BusyButtonProps) {
  return (
    <button
      {...props}
      type={type}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
