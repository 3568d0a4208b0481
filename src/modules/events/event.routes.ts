import { Type } from '@sinclair/typebox';
import { errorResponses, PageQuery, SearchQuery } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import { InviteeList, TargetInviteBody } from '../invitations/invitation.targets.schemas.js';
import {
  AttendeesPage,
  CreateEventBody,
  EventInviteResult,
  EventList,
  EventParams,
  EventView,
} from './event.schemas.js';

const tags = ['events'];

export const eventRoutes: RoutesPlugin = (ctx) => (app) => {
  app.post(
    '/events',
    {
      schema: {
        tags,
        operationId: 'createEvent',
        summary: 'Create an event; you organize and attend it',
        body: CreateEventBody,
        response: { 201: EventView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await ctx.events.create(request.memberId, request.body)),
  );

  app.get(
    '/events',
    {
      schema: {
        tags,
        operationId: 'listEvents',
        summary: 'Events you organize or attend, soonest first',
        description:
          'With `when=upcoming`, only those yet to start, soonest first; with `when=past`, those that have started, the latest first.',
        querystring: Type.Object({
          ...PageQuery,
          when: Type.Optional(Type.Union([Type.Literal('upcoming'), Type.Literal('past')])),
        }),
        response: { 200: EventList, ...errorResponses },
      },
    },
    async (request) => ctx.events.list(request.memberId, request.query),
  );

  app.get(
    '/events/:id',
    {
      schema: {
        tags,
        operationId: 'getEvent',
        summary: 'An event with its organizers and attendees',
        params: EventParams,
        response: { 200: EventView, ...errorResponses },
      },
    },
    async (request) => ctx.events.get(request.memberId, request.params.id),
  );

  app.get(
    '/events/:id/attendees',
    {
      schema: {
        tags,
        operationId: 'listEventAttendees',
        summary: 'The attendees of an event, newest first',
        params: EventParams,
        querystring: Type.Object(PageQuery),
        response: { 200: AttendeesPage, ...errorResponses },
      },
    },
    async (request) => ctx.events.attendees(request.memberId, request.params.id, request.query),
  );

  app.get(
    '/events/:id/invitees',
    {
      schema: {
        tags,
        operationId: 'listEventInvitees',
        summary:
          'Your connections, newest first, each with what inviting them' +
          ' to the event now would meet (R22); organizers only',
        params: EventParams,
        querystring: SearchQuery,
        response: { 200: InviteeList, ...errorResponses },
      },
    },
    async (request) => ctx.events.invitees(request.memberId, request.params.id, request.query),
  );

  app.post(
    '/events/:id/invitations',
    {
      config: { rateLimit: 'invite' },
      // R25: no invitation of any kind before the sender's email is verified.
      preHandler: (request) => ctx.credentials.assertMaySend(request.memberId),
      schema: {
        tags,
        operationId: 'inviteToEvent',
        summary:
          'Invite connections to attend (R22), per-recipient results; ' +
          '429 event_invitation_limit when the weekly allowance is used up',
        params: EventParams,
        body: TargetInviteBody,
        response: { 200: EventInviteResult, ...errorResponses },
      },
    },
    async (request) => ctx.events.invite(request.memberId, request.params.id, request.body.to),
  );
};
