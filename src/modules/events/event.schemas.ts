import { Type } from '@sinclair/typebox';
import { MemberSummary, PageOf } from '../../http/common.schemas.js';
import { RecipientResult } from '../invitations/invitation.targets.schemas.js';

const DateTime = Type.String({ format: 'date-time' });

export const CreateEventBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    startsAt: Type.String({ format: 'date-time', description: 'must be in the future' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    location: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const EventInvitationQuota = Type.Object(
  {
    limit: Type.Integer(),
    used: Type.Integer({
      description: 'invitations to this event in the last 7 days, by any organizer',
    }),
    remaining: Type.Integer(),
    renewsAt: Type.Union([DateTime, Type.Null()], {
      description: 'when the oldest invitation of the window leaves it; null when none is in it',
    }),
  },
  { description: "R22: the event's rolling 7-day invitation allowance" },
);

const eventFields = {
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  location: Type.String(),
  startsAt: DateTime,
  createdAt: DateTime,
  attendeeCount: Type.Integer(),
  isOrganizer: Type.Boolean(),
  attending: Type.Boolean(),
};

export const EventSummary = Type.Object(eventFields);

export const EventView = Type.Object({
  ...eventFields,
  organizers: Type.Array(MemberSummary),
  attendees: Type.Array(MemberSummary, {
    description: 'the 50 newest attendees; attendeeCount counts all, /attendees lists all',
  }),
  invitations: Type.Union([EventInvitationQuota, Type.Null()], {
    description: 'null unless you organize it',
  }),
});

export const EventList = PageOf(EventSummary);

export const AttendeesPage = PageOf(MemberSummary);

export const EventInviteResult = Type.Object({
  results: Type.Array(RecipientResult),
  invitations: EventInvitationQuota,
});

export const EventParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
