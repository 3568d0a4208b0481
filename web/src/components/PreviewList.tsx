import type { ReactNode } from 'react';

/**
 * What a withdrawal will take, one line each, in a box that scrolls when they are many. The box
 * is in the tab order so that one without a mouse can scroll it with the arrow keys and read
 * every line before confirming.
 */
export function PreviewList({ children }: { children: ReactNode }) {
  return (
    <ul className="preview-list" tabIndex={0} aria-label="Invitations that will be withdrawn">
      {children}
    </ul>
  );
}
