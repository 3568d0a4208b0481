import { Type } from '@sinclair/typebox';

const ByKind = Type.Object({
  connection: Type.Integer(),
  page: Type.Integer(),
  event: Type.Integer(),
});
const Ranking = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }), {
  description:
    'the 10 most common values among your connections, most common first; blanks left out',
});

export const InsightsView = Type.Object(
  {
    generatedAt: Type.String({ format: 'date-time' }),
    open: Type.Object(
      { total: Type.Integer(), byKind: ByKind },
      {
        description:
          'your open sent invitations; one that was ignored counts as open, like an unseen one',
      },
    ),
    stale: Type.Integer({
      description:
        'open sent invitations the clean-up would withdraw: sent at least 14 days ago, not kept (R18)',
    }),
    acceptedLast90Days: Type.Integer({
      description: 'your invitations accepted in the last 90 days, whenever sent',
    }),
    acceptance: Type.Object(
      {
        windowDays: Type.Integer(),
        sent: Type.Integer({
          description: 'invitations you sent in the window, whatever became of them',
        }),
        accepted: Type.Integer({ description: 'how many of those are accepted now' }),
        rate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
      },
      {
        description:
          'acceptance rate over the last 90 days = accepted ÷ sent, both over the invitations sent in ' +
          'the window; still-pending ones count as sent and not accepted (so do ignored ones, never ' +
          'told apart); null when none was sent',
      },
    ),
    ageHistogram: Type.Array(
      Type.Object({
        bucket: Type.String({ description: '0-7, 8-14, 15-30, 31-90 or 91-180' }),
        minDays: Type.Integer(),
        maxDays: Type.Integer(),
        count: Type.Integer(),
      }),
      { description: 'open sent invitations by whole days since sending' },
    ),
    network: Type.Object({
      connections: Type.Integer(),
      byCompany: Ranking,
      byIndustry: Ranking,
      byLocation: Ranking,
    }),
  },
  { description: 'your own invitation figures and the make-up of your network' },
);
