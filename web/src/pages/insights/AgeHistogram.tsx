import { Link } from 'react-router';
import type { AgeBucket } from '../../api/types.js';
import { EmptyState } from '../../components/Status.js';
import { plural } from '../../lib/member.js';
import { formatCount } from '../../lib/format.js';
import { ChartTable } from './ChartTable.js';

const HEIGHT = 200;
const TOP = 24;
const BOTTOM = 28;
const PLOT = HEIGHT - TOP - BOTTOM;

/** "8-14" → "8–14" */
const rangeLabel = (bucket: AgeBucket) => `${bucket.minDays}–${bucket.maxDays}`;

/**
 * Open sent invitations by age, as columns. Positions are percentages of the drawing's width,
 * so the columns stretch with the card while the labels keep their real type size.
 */
export function AgeHistogram({ buckets }: { buckets: AgeBucket[] }) {
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  const max = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const slot = 100 / Math.max(1, buckets.length);

  return (
    <section className="card" aria-labelledby="age-title">
      <h2 id="age-title" className="card-title">
        How long your invitations have waited
      </h2>
      {total === 0 ? (
        <EmptyState title="No invitations are waiting for an answer">
          <p>
            Invitations you send show up here by age. Find people to invite on{' '}
            <Link to="/mynetwork">My Network</Link>.
          </p>
        </EmptyState>
      ) : (
        <figure className="chart">
          <svg className="chart-svg" width="100%" height={HEIGHT} aria-hidden="true">
            <line className="chart-axis" x1="0" x2="100%" y1={TOP + PLOT} y2={TOP + PLOT} />
            {buckets.map((bucket, index) => {
              const height = Math.round((bucket.count / max) * PLOT);
              const centre = `${slot * index + slot / 2}%`;
              return (
                <g key={bucket.bucket} className="age-bar" data-bucket={bucket.bucket}>
                  <rect
                    className="chart-bar"
                    x={`${slot * index + slot * 0.2}%`}
                    width={`${slot * 0.6}%`}
                    y={TOP + PLOT - height}
                    height={height}
                    rx="4"
                  >
                    <title>{`${rangeLabel(bucket)} days: ${plural(bucket.count, 'invitation')}`}</title>
                  </rect>
                  <text className="chart-value" x={centre} y={TOP + PLOT - height - 6}>
                    {formatCount(bucket.count)}
                  </text>
                  <text className="chart-tick" x={centre} y={HEIGHT - 8}>
                    {rangeLabel(bucket)}
                  </text>
                </g>
              );
            })}
          </svg>
          <figcaption className="hint chart-caption">
            Days since you sent them · {plural(total, 'open invitation')}
          </figcaption>
          <ChartTable
            caption="Open invitations by days since you sent them"
            columns={['Days waiting', 'Invitations']}
            rows={buckets.map((bucket) => ({
              label: `${rangeLabel(bucket)} days`,
              value: bucket.count,
            }))}
          />
        </figure>
      )}
    </section>
  );
}
