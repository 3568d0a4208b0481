import { Type } from '@sinclair/typebox';
import { MemberSummary } from '../../http/common.schemas.js';
import { HANDLE_PATTERN } from './account.service.js';
import { CurrentPassword, NewPassword } from './credential.schemas.js';

const Email = Type.String({ format: 'email', maxLength: 254 });
const ProfileText = (max: number) => Type.String({ maxLength: max });

export const SignUpBody = Type.Object(
  {
    email: Email,
    password: NewPassword,
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    handle: Type.Optional(Type.String({ minLength: 3, maxLength: 30, pattern: HANDLE_PATTERN })),
    headline: Type.Optional(ProfileText(200)),
    company: Type.Optional(ProfileText(100)),
    industry: Type.Optional(ProfileText(100)),
    location: Type.Optional(ProfileText(100)),
    inviteCode: Type.Optional(
      Type.String({ maxLength: 64, description: 'Needed when registration is by invite (R31)' }),
    ),
  },
  { additionalProperties: false },
);

export const SignInBody = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  password: CurrentPassword,
});

export const Me = Type.Intersect(
  [
    MemberSummary,
    Type.Object({
      id: Type.String(),
      email: Type.String(),
      emailVerified: Type.Boolean({
        description: 'false until the link mailed to this address is followed (R25)',
      }),
      role: Type.Union([Type.Literal('member'), Type.Literal('admin')]),
      createdAt: Type.String({ format: 'date-time' }),
      counts: Type.Object({
        connections: Type.Integer(),
        followers: Type.Integer(),
        following: Type.Integer(),
        received: Type.Integer(),
        sent: Type.Integer(),
        pages: Type.Integer({ description: 'Pages you admin or follow, as GET /pages lists them' }),
        upcomingEvents: Type.Integer({
          description:
            'Events you organize or attend that have yet to start (GET /events?when=upcoming)',
        }),
      }),
      csrfToken: Type.Optional(Type.String()),
    }),
  ],
  { $id: 'Me' },
);

export const SignedIn = Type.Object({ member: Type.Ref(Me), csrfToken: Type.String() });

const TokenScope = (options: { default?: 'write' } = {}) =>
  Type.Union([Type.Literal('read'), Type.Literal('write')], {
    description: 'A `read` token may not change anything (R28)',
    ...options,
  });

export const TokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scope: Type.Optional(TokenScope({ default: 'write' })),
    expiresInDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 3650,
        description: 'Without it the token never expires',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Token = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scope: TokenScope(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const Session = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.String({ format: 'date-time', description: 'To the minute' }),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean({ description: 'The session this request came with' }),
});

export const DeleteAccountBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const NewToken = Type.Intersect([Token, Type.Object({ token: Type.String() })]);

const Items = (description: string) => Type.Array(Type.Unknown(), { description });

/** R30: written a piece at a time; each list holds what its own endpoint shows, every page of it. */
export const AccountExport = Type.Object({
  exportedAt: Type.String({ format: 'date-time' }),
  profile: Type.Ref(Me),
  settings: Type.Unknown({ description: 'As GET /settings shows them' }),
  connections: Items('As GET /connections lists them'),
  following: Items('As GET /following lists them'),
  followers: Items('As GET /followers lists them'),
  invitationsSent: Items(
    'Every invitation sent, as GET /invitations/{id} shows it to its sender; those their recipient blocked are left out',
  ),
  invitationsReceived: Items(
    'Every invitation received and still to be seen, as GET /invitations/{id} shows it to its recipient',
  ),
  blocks: Items('As GET /blocks lists them'),
  contacts: Items('As GET /contacts lists them'),
  pages: Items('As GET /pages lists them'),
  events: Items('As GET /events lists them'),
  notifications: Items('As GET /notifications lists them'),
});
