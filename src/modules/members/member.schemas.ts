import { Type } from '@sinclair/typebox';
import { MemberSummary, PageOf } from '../../http/common.schemas.js';

export const CanInvite = Type.Object(
  {
    ok: Type.Boolean(),
    code: Type.Optional(Type.String()),
    retryAt: Type.Optional(Type.String({ format: 'date-time' })),
    reason: Type.Optional(Type.String()),
  },
  { description: '{ok: true}, or {ok: false} with the error code that sending would give (R24)' },
);

export const Profile = Type.Intersect([
  MemberSummary,
  Type.Object({
    connectionCount: Type.Integer(),
    followerCount: Type.Integer(),
    isSelf: Type.Boolean(),
    relationship: Type.Union([
      Type.Literal('connected'),
      Type.Literal('invitation_sent'),
      Type.Literal('invitation_received'),
      Type.Literal('none'),
    ]),
    invitationId: Type.Union([Type.String(), Type.Null()]),
    invitationIgnored: Type.Boolean({
      description:
        'with invitation_received: you ignored it, and it is still yours to accept (R38)',
    }),
    resendAvailableAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description:
        'with a sent invitation: when a resend would be allowed if it were withdrawn now',
    }),
    blockAvailableAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description:
        'when you may block this member again, having lifted a block on them (R20); null when you may now',
    }),
    mutualCount: Type.Integer(),
    degree: Type.Integer({
      minimum: 1,
      maximum: 3,
      description: '1st, 2nd, or 3 for 3rd degree and beyond',
    }),
    following: Type.Boolean(),
    canInvite: CanInvite,
  }),
]);

export const ProfilePatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
    headline: Type.Optional(Type.String({ maxLength: 200 })),
    company: Type.Optional(Type.String({ maxLength: 100 })),
    industry: Type.Optional(Type.String({ maxLength: 100 })),
    location: Type.Optional(Type.String({ maxLength: 100 })),
    email: Type.Optional(
      Type.String({
        format: 'email',
        maxLength: 254,
        description:
          'A new address needs `currentPassword`, and is unverified until its link is followed (R25)',
      }),
    ),
    currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const SearchPage = PageOf(
  Type.Intersect([
    MemberSummary,
    Type.Object({ mutualCount: Type.Integer(), degree: Type.Integer() }),
  ]),
);

export const Suggestions = PageOf(
  Type.Object({ member: MemberSummary, mutualCount: Type.Integer() }),
);
