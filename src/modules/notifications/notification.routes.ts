import { Type } from '@sinclair/typebox';
import {
  errorResponses,
  Id,
  Kind,
  MemberSummary,
  NoContent,
  PageQuery,
} from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import { Target } from '../invitations/invitation.schemas.js';

const tags = ['notifications'];

const Notification = Type.Object({
  id: Type.String(),
  type: Type.String({
    description: 'invitation_received | invitation_accepted | webhook_disabled',
  }),
  actor: Type.Union([MemberSummary, Type.Null()]),
  invitationId: Type.Union([Type.String(), Type.Null()]),
  invitation: Type.Union([Type.Object({ kind: Kind, target: Target }), Type.Null()], {
    description: 'what the invitation is about, so the notification can name the page or event',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});

export const notificationRoutes: RoutesPlugin = (ctx) => (app) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        operationId: 'listNotifications',
        summary: 'Your in-app notifications, newest first, with the unread count',
        querystring: Type.Object(PageQuery),
        response: {
          200: Type.Object({
            items: Type.Array(Notification),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
            unread: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ctx.notifications.list(request.memberId, request.query),
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags,
        operationId: 'markNotificationsRead',
        summary: 'Mark notifications read: the given ids, or all',
        body: Type.Union([
          Type.Object(
            { ids: Type.Optional(Type.Array(Id, { maxItems: 1000 })) },
            { additionalProperties: false },
          ),
          Type.Null(),
        ]),
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.notifications.markRead(request.memberId, request.body?.ids);
      return reply.status(204).send(null);
    },
  );
};
