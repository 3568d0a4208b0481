/** Turns selecting rows on and off (`useSelection().toggleSelecting`). */
export function SelectModeButton({
  selecting,
  onToggle,
}: {
  selecting: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      className="button button-quiet"
      aria-pressed={selecting}
      onClick={onToggle}
    >
      Select
    </button>
  );
}
