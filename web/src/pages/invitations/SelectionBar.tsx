import { useRef, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { formatCount } from '../../lib/format.js';
import { plural } from '../../lib/member.js';
import type { useSelection } from './use-selection.js';

interface SelectionBarProps {
  /** The rows loaded and shown. */
  loaded: string[];
  /** How many the current filter matches, loaded or not. */
  total: number;
  selection: ReturnType<typeof useSelection>;
  /** Said after the count, of rows shown that no selection takes: "2 kept invitations not selected". */
  leftOut?: string;
  /** The buttons that act on what is selected. */
  children: ReactNode;
}

/**
 * "Select all" ticks the loaded rows; then "Select all N that match" reaches the rest of the
 * filter (R40), the way a large professional network's invitation manager does.
 */
export function SelectionBar({ loaded, total, selection, leftOut, children }: SelectionBarProps) {
  const { selection: current, count } = selection;
  const everything = current.kind === 'all';
  const allLoaded = loaded.length > 0 && loaded.every((id) => selection.isSelected(id));
  const selectAllBox = useRef<HTMLInputElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);

  // Each of the two buttons goes away when pressed; the keyboard focus moves on to what takes
  // its place rather than falling back to the top of the page.
  function selectAllMatching() {
    flushSync(selection.selectAllMatching);
    clearButton.current?.focus();
  }
  function clearEverything() {
    flushSync(selection.clear);
    selectAllBox.current?.focus();
  }

  return (
    <div className="selection-bar">
      <label className="choice">
        <input
          type="checkbox"
          checked={allLoaded}
          ref={(element) => {
            selectAllBox.current = element;
            if (element) element.indeterminate = count > 0 && !allLoaded;
          }}
          onChange={() => (allLoaded ? selection.clear() : selection.selectIds(loaded))}
        />
        Select all
      </label>
      {allLoaded && !everything && total > loaded.length && (
        <button type="button" className="button button-quiet" onClick={selectAllMatching}>
          Select all {formatCount(total)} that match
        </button>
      )}
      {everything && (
        <button
          type="button"
          className="button button-quiet"
          ref={clearButton}
          onClick={clearEverything}
        >
          Clear selection
        </button>
      )}
      <span className="muted" aria-live="polite">
        {everything && count === total
          ? `All ${plural(total, 'invitation')} that match selected`
          : `${formatCount(count)} selected`}
        {count > 0 && leftOut && ` · ${leftOut}`}
      </span>
      <div className="selection-actions">{children}</div>
    </div>
  );
}
