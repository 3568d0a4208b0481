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
      }),
      csrfToken: Type.Optional(Type.String()),
    }),
  ],
  { $id: 'Me' },
);

export const SignedIn = Type.Object({ member: Type.Ref(Me), csrfToken: Type.String() });

export const TokenBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });

export const Token = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const NewToken = Type.Intersect([Token, Type.Object({ token: Type.String() })]);
