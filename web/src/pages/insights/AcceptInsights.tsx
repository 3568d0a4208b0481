import type { Insights } from '../../api/types.js';
import { plural } from '../../lib/member.js';
import { formatCount } from '../../lib/format.js';
import { type RateItem, RateBars } from './RateBars.js';
import { medianWaitNote, waitLabel } from './format.js';

type Group = { sent: number; accepted: number; rate: number | null };

const HOW_KNOWN_LABELS = {
  colleague: 'Colleague',
  classmate: 'Classmate',
  friend: 'Friend',
  other: 'Other',
  unspecified: 'Not said',
} as const;

const rateItem = (label: string, group: Group): RateItem => ({
  label,
  rate: group.rate,
  detail: `${formatCount(group.accepted)} of ${formatCount(group.sent)}`,
});

/** R41: the median wait for an accept and how many accepts came within 1, 7 and 30 days. */
export function TimeToAccept({ figures }: { figures: Insights['timeToAccept'] }) {
  const { accepted, medianHours, within, windowDays } = figures;
  return (
    <section className="card figure-card" aria-labelledby="time-to-accept-title">
      <h2 id="time-to-accept-title" className="figure-title">
        Time to accept
      </h2>
      {medianHours === null ? (
        <p className="figure-note">
          None of your invitations was accepted in the last {windowDays} days. How long accepts take
          shows up here.
        </p>
      ) : (
        <>
          <p className="figure-value">{waitLabel(medianHours)}</p>
          <p className="figure-note">{medianWaitNote(accepted, windowDays)}</p>
          <RateBars
            id="accepted-within-title"
            title="Accepted within"
            caption={`Invitations accepted in the last ${windowDays} days, by how soon`}
            columns={['Accepted within', 'Share of accepts']}
            items={within.map((w) =>
              rateItem(plural(w.days, 'day'), { sent: accepted, accepted: w.count, rate: w.share }),
            )}
          />
        </>
      )}
    </section>
  );
}

/** R41: acceptance rates of connection invitations with and without a note, and by how you know them. */
export function AcceptanceByAnswer({ figures }: { figures: Insights['acceptanceByAnswer'] }) {
  const { withNote, withoutNote } = figures.byNote;
  const sent = withNote.sent + withoutNote.sent;
  return (
    <section className="card" aria-labelledby="by-answer-title">
      <h2 id="by-answer-title" className="card-title">
        What gets your invitations accepted
      </h2>
      {sent === 0 ? (
        <p className="muted">
          You haven&apos;t sent any connection invitations in the last {figures.windowDays} days.
        </p>
      ) : (
        <>
          <p className="hint">
            Acceptance rate of the {plural(sent, 'connection invitation')} you sent in the last{' '}
            {figures.windowDays} days.
          </p>
          <div className="ranking-grid">
            <RateBars
              id="by-note-title"
              title="With or without a note"
              caption="Acceptance rate with and without a note"
              columns={['Invitations', 'Accepted']}
              items={[rateItem('With a note', withNote), rateItem('Without a note', withoutNote)]}
            />
            <RateBars
              id="by-how-known-title"
              title="By how you know them"
              caption="Acceptance rate by how you know them"
              columns={['How you know them', 'Accepted']}
              items={figures.byHowKnown
                .filter((group) => group.sent > 0)
                .map((group) => rateItem(HOW_KNOWN_LABELS[group.howKnown], group))}
            />
          </div>
        </>
      )}
    </section>
  );
}
