import { useEffect, useId, useState, type ReactNode } from 'react';
import { useDebouncedValue } from '../../components/use-debounced-value.js';

export type Order = 'newest' | 'oldest';

interface ListFiltersProps {
  order: Order;
  onOrder: (order: Order) => void;
  /** The name search, when the list has one: the list follows a pause in typing. */
  search?: { label: string; value: string; onChange: (q: string) => void };
  /** More filters between the search and the sort. */
  children?: ReactNode;
}

/** The row of filters above a long list of invitations: name search, extra filters, order. */
export function ListFilters({ order, onOrder, search, children }: ListFiltersProps) {
  const id = useId();
  return (
    <div className="list-filters">
      {search && <SearchField id={`${id}-q`} {...search} />}
      {children}
      <div className="field field-compact">
        <label htmlFor={`${id}-order`}>Sort by</label>
        <select
          id={`${id}-order`}
          value={order}
          onChange={(event) => onOrder(event.target.value === 'oldest' ? 'oldest' : 'newest')}
        >
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </div>
    </div>
  );
}

interface SearchFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (q: string) => void;
}

function SearchField({ id, label, value, onChange }: SearchFieldProps) {
  const [text, setText] = useState(value);
  const settled = useDebouncedValue(text.trim());
  useEffect(() => {
    if (settled !== value) onChange(settled);
  }, [settled, value, onChange]);

  return (
    <div className="field field-compact list-search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}
