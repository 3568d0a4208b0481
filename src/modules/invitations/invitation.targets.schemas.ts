import { Type } from '@sinclair/typebox';
import { Handle } from '../../http/common.schemas.js';

/** Request and per-recipient result of a page or event invitation (R21, R22). */
export const TargetInviteBody = Type.Object(
  {
    to: Type.Array(Handle, {
      minItems: 1,
      maxItems: 100,
      description: 'handles of your connections',
    }),
  },
  { additionalProperties: false },
);

export const RecipientResult = Type.Object(
  {
    to: Type.String(),
    status: Type.Union([Type.Literal('sent'), Type.Literal('error')]),
    invitationId: Type.Optional(Type.String()),
    code: Type.Optional(Type.String({ description: 'why this recipient was not invited' })),
    detail: Type.Optional(Type.String()),
    retryAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { description: 'one recipient; a refusal of one never undoes the others' },
);
