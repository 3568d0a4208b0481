import { Type } from '@sinclair/typebox';
import { Handle, MemberSummary, PageOf } from '../../http/common.schemas.js';

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

const refusalFields = {
  code: Type.String({ description: 'why this recipient was not invited' }),
  detail: Type.String(),
  retryAt: Type.Optional(Type.String({ format: 'date-time' })),
};

export const RecipientResult = Type.Object(
  {
    to: Type.String(),
    status: Type.Union([Type.Literal('sent'), Type.Literal('error')]),
    invitationId: Type.Optional(Type.String()),
    code: Type.Optional(refusalFields.code),
    detail: Type.Optional(refusalFields.detail),
    retryAt: refusalFields.retryAt,
  },
  { description: 'one recipient; a refusal of one never undoes the others' },
);

export const InviteeList = PageOf(
  Type.Object({
    member: MemberSummary,
    connectedAt: Type.String({ format: 'date-time' }),
    refusal: Type.Union([Type.Object(refusalFields), Type.Null()], {
      description:
        'what sending this connection an invitation now would be refused with, the code and ' +
        'detail a send gives; null when they can be invited (credits and limits aside)',
    }),
  }),
);
