import { Type } from '@sinclair/typebox';
import { RULE_MAXIMUM } from '../../config.js';
import { Id, Kind, MemberSummary, PageOf, PageQuery } from '../../http/common.schemas.js';
import { HOW_KNOWN } from './invitation.js';

const DateTime = Type.String({ format: 'date-time' });
/** The page or event an invitation is about; null for a connection invitation. */
export const Target = Type.Union([
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    startsAt: Type.Optional(DateTime),
    location: Type.Optional(Type.String({ description: 'an event’s place; may be empty' })),
  }),
  Type.Null(),
]);
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const SendBody = Type.Object(
  {
    kind: Type.Literal('connection', {
      description: 'Page and event invitations go through /pages and /events',
    }),
    to: Type.String({ minLength: 1, maxLength: 60, description: 'the recipient’s handle' }),
    note: Type.Optional(
      Type.String({ maxLength: 5000, description: 'at most noteMaxLength (300) characters' }),
    ),
    howKnown: Type.Optional(Type.Union(HOW_KNOWN.map((h) => Type.Literal(h)))),
    email: Type.Optional(
      Type.String({
        maxLength: 254,
        description: 'the recipient’s email, when R8 or R9 asks for it',
      }),
    ),
  },
  { additionalProperties: false },
);

/** What every list shows of an open invitation. */
const openFields = {
  id: Type.String(),
  kind: Kind,
  sentAt: DateTime,
  note: Nullable(Type.String()),
  howKnown: Nullable(Type.String()),
};

export const ReceivedInvitation = Type.Object(
  {
    ...openFields,
    status: Type.Union([Type.Literal('pending'), Type.Literal('ignored')], {
      description: 'ignored only in the list with status=ignored (R38)',
    }),
    sender: MemberSummary,
    mutualCount: Type.Integer(),
    target: Target,
  },
  { $id: 'ReceivedInvitation' },
);

export const SentInvitation = Type.Object(
  {
    ...openFields,
    status: Type.Literal('pending', {
      description: 'ignored invitations also read as pending (R11)',
    }),
    recipient: MemberSummary,
    kept: Type.Boolean(),
    target: Target,
    resendAvailableAt: Type.String({
      format: 'date-time',
      description: 'when a resend would be allowed if withdrawn now',
    }),
  },
  { $id: 'SentInvitation' },
);

export const InvitationDetail = Type.Object(
  {
    id: Type.String(),
    kind: Kind,
    status: Type.String(),
    viewerRole: Type.Union([Type.Literal('sender'), Type.Literal('recipient')]),
    sentAt: DateTime,
    note: Nullable(Type.String()),
    howKnown: Nullable(Type.String()),
    sender: MemberSummary,
    recipient: MemberSummary,
    kept: Type.Union([Type.Boolean(), Type.Null()]),
    target: Target,
    history: Type.Array(Type.Object({ type: Type.String(), at: DateTime })),
  },
  { $id: 'InvitationDetail' },
);

export const SendResult = Type.Object({ status: Type.Literal('connected'), member: MemberSummary });

const Order = Type.Union([Type.Literal('newest'), Type.Literal('oldest')], {
  default: 'newest',
  description: 'by the time sent (R40)',
});

const ReceivedStatus = Type.Union([Type.Literal('pending'), Type.Literal('ignored')], {
  default: 'pending',
  description: 'ignored invitations stay open and can still be accepted (R38)',
});
const WithNote = Type.Boolean({ description: 'true: only invitations that carry a note' });

/** The "See all N" count is of pending ones (R23); `status=ignored` counts what R38 lists. */
export const ReceivedCountQuery = Type.Object({
  status: Type.Optional(ReceivedStatus),
  withNote: Type.Optional(WithNote),
});

export const ReceivedQuery = Type.Object({
  kind: Type.Optional(Kind),
  order: Type.Optional(Order),
  status: Type.Optional(ReceivedStatus),
  withNote: Type.Optional(WithNote),
  minMutual: Type.Optional(
    // As many as anyone may have (R7): a busy member's senders share thousands.
    Type.Integer({
      minimum: 0,
      maximum: RULE_MAXIMUM,
      description: 'only senders with at least this many connections in common',
    }),
  ),
  ...PageQuery,
});
const OlderThanDays = Type.Integer({ minimum: 0, maximum: 3650 });
const NameQuery = Type.String({
  maxLength: 100,
  description: 'part of the recipient’s name or handle, or of the page’s or event’s name',
});
export const SentQuery = Type.Object({
  kind: Type.Optional(Kind),
  olderThanDays: Type.Optional(OlderThanDays),
  order: Type.Optional(Order),
  q: Type.Optional(NameQuery),
  ...PageQuery,
});
/** The Sent list's filters, so its counts and chips change together with it (R40). */
export const SentCountQuery = Type.Object({
  olderThanDays: Type.Optional(OlderThanDays),
  q: Type.Optional(NameQuery),
});

export const ReceivedPage = PageOf(Type.Ref(ReceivedInvitation));
export const SentPage = PageOf(Type.Ref(SentInvitation));

const ByKind = Type.Object({
  connection: Type.Integer(),
  page: Type.Integer(),
  event: Type.Integer(),
});
export const ReceivedCount = Type.Object({ total: Type.Integer(), byKind: ByKind });
export const SentCount = Type.Object({
  total: Type.Integer(),
  byKind: ByKind,
  /** Of those, the ones the sender kept: no clean-up or bulk withdrawal takes them (R18). */
  keptByKind: ByKind,
  stale: Type.Integer({
    description:
      'Open invitations sent `staleAfterDays` or more ago that a clean-up would withdraw: kept ones are not counted (R18).',
  }),
});

export const IgnoreBody = Type.Union([
  Type.Object(
    { reason: Type.Optional(Type.Literal('dont_know')) },
    { additionalProperties: false },
  ),
  Type.Null(),
]);

export const RespondBody = Type.Object(
  {
    ids: Type.Array(Id, { minItems: 1, maxItems: 100 }),
    action: Type.Union([Type.Literal('accept'), Type.Literal('ignore')]),
    reason: Type.Optional(
      Type.Literal('dont_know', { description: 'with action ignore only; counts towards R9' }),
    ),
  },
  { additionalProperties: false },
);

export const RespondResult = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      outcome: Type.Union([
        Type.Literal('accepted'),
        Type.Literal('ignored'),
        Type.Literal('not_open'),
        Type.Literal('refused'),
      ]),
      code: Type.Optional(Type.String({ description: 'why it was refused' })),
    }),
  ),
});

export const Withdrawn = Type.Object({
  invitation: Type.Ref(InvitationDetail),
  resendAvailableAt: DateTime,
});
export const Kept = Type.Object({ kept: Type.Boolean() });

export const BulkWithdrawBody = Type.Object(
  {
    olderThanDays: Type.Optional(OlderThanDays),
    kind: Type.Optional(Kind),
    q: Type.Optional(NameQuery),
    ids: Type.Optional(Type.Array(Id, { maxItems: 10000 })),
    excludeIds: Type.Optional(Type.Array(Id, { maxItems: 10000 })),
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const BulkWithdrawResult = Type.Object({
  dryRun: Type.Boolean(),
  count: Type.Integer(),
  items: Type.Array(
    Type.Object(
      {
        id: Type.String(),
        outcome: Type.String({
          description: 'withdrawn | would_withdraw | kept | excluded | not_open',
        }),
        // Optional rather than nullable: serialising a union costs a validation per item, which
        // shows at 10,000 items.
        invitation: Type.Optional(Type.Ref(SentInvitation)),
      },
      {
        description:
          'invitation: in a dry run, the invitation as the Sent list shows it; absent after a withdrawal, and for an id that is not open',
      },
    ),
  ),
});

export const Quotas = Type.Object({
  weekly: Type.Object({
    limit: Type.Integer(),
    used: Type.Integer(),
    remaining: Type.Integer(),
    renewsAt: Type.Union([DateTime, Type.Null()]),
  }),
  open: Type.Object({ limit: Type.Integer(), used: Type.Integer(), remaining: Type.Integer() }),
  restriction: Type.Union([Type.Object({ until: DateTime }), Type.Null()]),
});
