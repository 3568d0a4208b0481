import type { Member } from './app.js';

/** The sender's responses with the names of things (ids, handles) replaced, so two senders compare. */
export async function senderView(sender: Member, recipient: Member, invitationId: string) {
  const responses = {
    sent: await sender.get('/api/v1/invitations/sent'),
    sentPeople: await sender.get('/api/v1/invitations/sent?kind=connection'),
    sentOld: await sender.get('/api/v1/invitations/sent?olderThanDays=0'),
    sentCount: await sender.get('/api/v1/invitations/sent/count'),
    detail: await sender.get(`/api/v1/invitations/${invitationId}`),
    profile: await sender.get(`/api/v1/members/${recipient.handle}`),
    me: await sender.get('/api/v1/me'),
    quotas: await sender.get('/api/v1/me/quotas'),
    notifications: await sender.get('/api/v1/notifications'),
    insights: await sender.get('/api/v1/insights'),
    suggestions: await sender.get('/api/v1/suggestions'),
    again: await sender.invite(recipient),
  };
  return masked(responses, sender, recipient, invitationId);
}

/** Responses as JSON with the ids, handles and emails of these two members replaced. */
export function masked(
  responses: Record<string, { status: number; body: unknown }>,
  sender: Member,
  recipient: Member,
  invitationId: string,
) {
  const text = JSON.stringify(
    Object.fromEntries(
      Object.entries(responses).map(([k, r]) => [k, { status: r.status, body: r.body }]),
    ),
  );
  return JSON.parse(
    text
      .replaceAll(invitationId, '<invitation>')
      .replaceAll(recipient.handle, '<recipient>')
      .replaceAll(sender.handle, '<sender>')
      .replaceAll(recipient.email, '<recipient-email>')
      .replaceAll(sender.email, '<sender-email>')
      .replace(/"id":"[0-9A-Z]{26}"/g, '"id":"<member-id>"'),
  );
}
