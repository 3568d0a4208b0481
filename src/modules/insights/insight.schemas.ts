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

const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
  description: 'accepted ÷ sent, rounded to 4 places; null when none was sent',
});
const GroupRate = Type.Object({
  sent: Type.Integer(),
  accepted: Type.Integer({ description: 'how many of those are accepted now' }),
  rate: Rate,
});

const TimeToAccept = Type.Object(
  {
    windowDays: Type.Integer(),
    accepted: Type.Integer({ description: 'your invitations accepted in the window' }),
    medianHours: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
      description:
        'median time from sending to the accept, in hours to one decimal; null without accepts',
    }),
    within: Type.Array(
      Type.Object({
        days: Type.Integer({ description: '1, 7 or 30' }),
        count: Type.Integer({
          description: 'accepts that came at most this many days after sending',
        }),
        share: Rate,
      }),
    ),
  },
  {
    description:
      'R41: how long your invitations accepted in the last 90 days waited for their accept, whenever sent',
  },
);

const AcceptanceByAnswer = Type.Object(
  {
    windowDays: Type.Integer(),
    byNote: Type.Object({ withNote: GroupRate, withoutNote: GroupRate }),
    byHowKnown: Type.Array(
      Type.Object({
        howKnown: Type.Union([
          Type.Literal('colleague'),
          Type.Literal('classmate'),
          Type.Literal('friend'),
          Type.Literal('other'),
          Type.Literal('unspecified'),
        ]),
        ...GroupRate.properties,
      }),
      { description: 'every answer to "how do you know them", in this order, then none given' },
    ),
  },
  {
    description:
      'R41: acceptance rate of the connection invitations you sent in the last 90 days, with and ' +
      'without a note and by how you know the recipient; counted like `acceptance` (ignored ones ' +
      'count as sent and not accepted, never told apart)',
  },
);

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
    timeToAccept: TimeToAccept,
    acceptanceByAnswer: AcceptanceByAnswer,
    network: Type.Object({
      connections: Type.Integer(),
      byCompany: Ranking,
      byIndustry: Ranking,
      byLocation: Ranking,
    }),
  },
  { description: 'your own invitation figures and the make-up of your network' },
);
