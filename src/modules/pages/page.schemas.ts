import { Type } from '@sinclair/typebox';
import { Handle, MemberSummary, PageOf } from '../../http/common.schemas.js';
import { RecipientResult } from '../invitations/invitation.targets.schemas.js';

const DateTime = Type.String({ format: 'date-time' });

export const CreatePageBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const PageCredits = Type.Object(
  {
    limit: Type.Integer(),
    used: Type.Integer(),
    remaining: Type.Integer(),
    renewsAt: Type.String({ format: 'date-time', description: 'the 1st of next month, 00:00 UTC' }),
  },
  { description: "R21: this calendar month's invitation credits, shared by the page's admins" },
);

const pageFields = {
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  createdAt: DateTime,
  followerCount: Type.Integer(),
  isAdmin: Type.Boolean(),
  following: Type.Boolean(),
};

export const PageSummary = Type.Object(pageFields);

export const PageView = Type.Object({
  ...pageFields,
  admins: Type.Array(MemberSummary),
  credits: Type.Union([PageCredits, Type.Null()], { description: 'null unless you are an admin' }),
});

export const PageList = PageOf(PageSummary);

export const PageInviteResult = Type.Object({
  results: Type.Array(RecipientResult),
  credits: PageCredits,
});

export const PageParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const PageAdminParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  handle: Handle,
});
