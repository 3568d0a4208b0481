import { ChartTable } from './ChartTable.js';
import { percent } from './format.js';

const ROW = 44;
const BAR = 12;

export interface RateItem {
  label: string;
  /** 0…1, or null when there is nothing to divide by. */
  rate: number | null;
  /** The counts behind the rate: "2 of 5". */
  detail: string;
}

interface RateBarsProps {
  id: string;
  title: string;
  /** The table's caption and its two column headings, for screen readers. */
  caption: string;
  columns: [string, string];
  items: RateItem[];
}

const shown = (item: RateItem) => (item.rate === null ? '–' : percent(item.rate));

/** Shares out of 100 %, as horizontal bars on a full-width track, with their numbers as a table. */
export function RateBars({ id, title, caption, columns, items }: RateBarsProps) {
  return (
    <section className="ranking" aria-labelledby={id}>
      <h3 id={id} className="ranking-title">
        {title}
      </h3>
      <svg
        className="chart-svg ranking-chart"
        width="100%"
        height={items.length * ROW}
        aria-hidden="true"
      >
        {items.map((item, index) => {
          const top = index * ROW;
          return (
            <g key={item.label} className="rate-row" data-label={item.label}>
              <text className="chart-label" x="0" y={top + 16}>
                {item.label}
              </text>
              <text className="chart-count" x="100%" y={top + 16}>
                {`${shown(item)} · ${item.detail}`}
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
                width={`${(item.rate ?? 0) * 100}%`}
                height={BAR}
                rx={BAR / 2}
              >
                <title>{`${item.label}: ${shown(item)} (${item.detail})`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
      <ChartTable
        caption={caption}
        columns={columns}
        rows={items.map((item) => ({
          label: item.label,
          value: `${shown(item)} (${item.detail})`,
        }))}
      />
    </section>
  );
}
