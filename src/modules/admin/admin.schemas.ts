import { Type } from '@sinclair/typebox';
import { MemberSummary, PageOf, PageQuery } from '../../http/common.schemas.js';

export const AdminMemberStatus = Type.Union(
  [
    Type.Literal('active'),
    Type.Literal('unverified'),
    Type.Literal('restricted'),
    Type.Literal('suspended'),
  ],
  {
    description:
      'Each member has one: suspended, else restricted (R9), else unverified (email not verified, R25), else active',
  },
);

const AdminMembersFilter = {
  q: Type.String({ maxLength: 200, default: '' }),
  status: Type.Optional(AdminMemberStatus),
};

export const AdminMembersQuery = Type.Object({ ...AdminMembersFilter, ...PageQuery });

export const AdminMembersCountQuery = Type.Object(AdminMembersFilter);

export const AdminMembersCount = Type.Object({
  count: Type.Integer({ description: 'How many members the same search and status list in all' }),
});

export const AdminMember = Type.Intersect(
  [
    MemberSummary,
    Type.Object({
      email: Type.String(),
      role: Type.Union([Type.Literal('member'), Type.Literal('admin')]),
      status: AdminMemberStatus,
      createdAt: Type.String({ format: 'date-time' }),
      restrictedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      suspendedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      suspensionReason: Type.Union([Type.String(), Type.Null()]),
      openSent: Type.Integer({ description: 'Open sent invitations' }),
      dontKnowRecent: Type.Integer({
        description: '"I don\'t know this person" answers in the R9 window',
      }),
    }),
  ],
  { title: 'AdminMember' },
);

export const AdminMembersPage = PageOf(AdminMember);

const Reason = Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' });

export const SuspendBody = Type.Object({ reason: Reason }, { additionalProperties: false });

/** Ending a suspension or a restriction may say why, for the audit log; no body says nothing. */
export const OptionalReasonBody = Type.Union([
  Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false }),
  Type.Null(),
]);

export const InviteCodeBody = Type.Object(
  {
    uses: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    expiresInDays: Type.Integer({ minimum: 1, maximum: 365, default: 7 }),
  },
  { additionalProperties: false },
);

export const InviteCode = Type.Object(
  {
    code: Type.String(),
    maxUses: Type.Integer(),
    uses: Type.Integer(),
    expiresAt: Type.String({ format: 'date-time' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { title: 'InviteCode' },
);

export const AuditEntry = Type.Object(
  {
    id: Type.String(),
    action: Type.Union([
      Type.Literal('grant_admin'),
      Type.Literal('revoke_admin'),
      Type.Literal('suspend'),
      Type.Literal('unsuspend'),
      Type.Literal('lift_restriction'),
      Type.Literal('create_invite_code'),
    ]),
    admin: Type.Union([MemberSummary, Type.Null()], {
      description: 'null when done on the command line',
    }),
    member: Type.Union([MemberSummary, Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
    at: Type.String({ format: 'date-time' }),
  },
  { title: 'AuditEntry' },
);

export const AuditQuery = Type.Object({ ...PageQuery });
export const AuditPage = PageOf(AuditEntry);
