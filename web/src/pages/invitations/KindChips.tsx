import type { InvitationKind, KindCounts } from '../../api/types.js';
import { formatCount } from '../../lib/format.js';

export const KIND_LABELS: Record<InvitationKind, string> = {
  connection: 'People',
  page: 'Pages',
  event: 'Events',
};

interface KindChipsProps<K extends string> {
  label: string;
  options: K[];
  current: K;
  counts: Partial<Record<K, number>> | undefined;
  labels: Record<K, string>;
  onChange: (kind: K) => void;
}

/** Filter chips; each is a toggle button so screen readers announce which one is on. */
export function KindChips<K extends string>(props: KindChipsProps<K>) {
  const { label, options, current, counts, labels, onChange } = props;
  return (
    <div className="chips" role="group" aria-label={label}>
      {options.map((kind) => {
        const count = counts?.[kind];
        return (
          <button
            key={kind}
            type="button"
            className="chip"
            aria-pressed={kind === current}
            onClick={() => onChange(kind)}
          >
            {labels[kind]}
            {count !== undefined && <span className="chip-count">{formatCount(count)}</span>}
          </button>
        );
      })}
    </div>
  );
}

export function countsWithAll(counts: { total: number; byKind: KindCounts } | undefined) {
  return counts ? { all: counts.total, ...counts.byKind } : undefined;
}
