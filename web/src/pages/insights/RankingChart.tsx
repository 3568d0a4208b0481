import type { Ranked } from '../../api/types.js';
import { formatCount } from '../../lib/format.js';
import { plural } from '../../lib/member.js';
import { ChartTable } from './ChartTable.js';

const ROW = 44;
const BAR = 12;
const LABEL_MAX = 30;

function shorten(value: string): string {
  return value.length > LABEL_MAX ? `${value.slice(0, LABEL_MAX - 1)}…` : value;
}

interface RankingChartProps {
  id: string;
  title: string;
  /** What the ranked values are, as the table's column heading: "Company". */
  noun: string;
  items: Ranked[];
  /** All the member's connections, of whom `items` counts those with a ranked value. */
  connections: number;
  /** Said when no connection has this field on their profile. */
  emptyText: string;
}

/** The most common values among the member's connections, as horizontal bars. */
export function RankingChart({
  id,
  title,
  noun,
  items,
  connections,
  emptyText,
}: RankingChartProps) {
  const max = Math.max(1, ...items.map((item) => item.count));
  // Only the most common values are ranked, and blanks not at all: the rest is said, so that the
  // bars do not read as the whole network.
  const rest = connections - items.reduce((sum, item) => sum + item.count, 0);
  return (
    <section className="ranking" aria-labelledby={id}>
      <h3 id={id} className="ranking-title">
        {title}
      </h3>
      {items.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <>
          <svg
            className="chart-svg ranking-chart"
            width="100%"
            height={items.length * ROW}
            aria-hidden="true"
          >
            {items.map((item, index) => {
              const top = index * ROW;
              return (
                <g key={item.value} className="ranking-row" data-value={item.value}>
                  <text className="chart-label" x="0" y={top + 16}>
                    {shorten(item.value)}
                  </text>
                  <text className="chart-count" x="100%" y={top + 16}>
                    {formatCount(item.count)}
                  </text>
                  <rect
                    className="chart-track"
                    x="0"
                    y={top + 24}
                    width="100%"
                    height={BAR}
                    rx={BAR / 2}
                  />
                  <rect
                    className="chart-bar"
                    x="0"
                    y={top + 24}
                    width={`${(item.count / max) * 100}%`}
                    height={BAR}
                    rx={BAR / 2}
                  >
                    <title>{`${item.value}: ${formatCount(item.count)}`}</title>
                  </rect>
                </g>
              );
            })}
          </svg>
          <ChartTable
            caption={`Your connections by ${noun.toLowerCase()}`}
            columns={[noun, 'Connections']}
            rows={items.map((item) => ({ label: item.value, value: item.count }))}
          />
          {rest > 0 && (
            <p className="hint">
              {plural(rest, 'more connection')} with another {noun.toLowerCase()} or none given
            </p>
          )}
        </>
      )}
    </section>
  );
}
