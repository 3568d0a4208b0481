interface SelectionBarProps {
  total: number;
  selected: number;
  onSelectAll: (all: boolean) => void;
  onWithdraw: () => void;
}

export function SelectionBar({ total, selected, onSelectAll, onWithdraw }: SelectionBarProps) {
  const all = total > 0 && selected === total;
  return (
    <div className="selection-bar">
      <label className="choice">
        <input
          type="checkbox"
          checked={all}
          ref={(element) => {
            if (element) element.indeterminate = selected > 0 && !all;
          }}
          onChange={() => onSelectAll(!all)}
        />
        Select all
      </label>
      <span className="muted" aria-live="polite">
        {selected} selected
      </span>
      <button
        type="button"
        className="button button-primary"
        disabled={selected === 0}
        onClick={onWithdraw}
      >
        Withdraw selected
      </button>
    </div>
  );
}
