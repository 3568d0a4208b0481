import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

type Note = { id: string; type: string; invitationId: string; read: boolean };

describe('in-app notifications of invitations (R10, R15)', () => {
  it('an invitation notifies its recipient; read by id or all at once; only one’s own', async () => {
    const [ann, ben, cat] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cat')]);
    const fromAnn = (await ann.invite(cat)).body.id;
    t.advanceDays(1);
    const fromBen = (await ben.invite(cat)).body.id;

    const list = (await cat.get('/api/v1/notifications')).body;
    expect(list.unread).toBe(2);
    expect(list.items.map((n: Note) => [n.type, n.invitationId, n.read])).toEqual([
      ['invitation_received', fromBen, false],
      ['invitation_received', fromAnn, false],
    ]);
    expect(list.items[0].actor.handle).toBe(ben.handle);

    // Someone else cannot mark cat's notifications read.
    expect((await ann.post('/api/v1/notifications/read', { ids: [list.items[0].id] })).status).toBe(
      204,
    );
    expect((await cat.get('/api/v1/notifications')).body.unread).toBe(2);

    expect((await cat.post('/api/v1/notifications/read', { ids: [list.items[0].id] })).status).toBe(
      204,
    );
    const after = (await cat.get('/api/v1/notifications')).body;
    expect(after.unread).toBe(1);
    expect(after.items.map((n: Note) => n.read)).toEqual([true, false]);

    expect((await cat.post('/api/v1/notifications/read')).status).toBe(204);
    expect((await cat.get('/api/v1/notifications')).body.unread).toBe(0);
    expect((await cat.post('/api/v1/notifications/read', { ids: [] })).status).toBe(204);
    const bad = [{ ids: [{}] }, { all: true }];
    for (const body of bad) {
      expectProblem(await cat.post('/api/v1/notifications/read', body), 400, 'validation_failed');
    }
  });

  it('R15: a withdrawal takes the notification away, read or not; R10: an accept notifies the sender', async () => {
    const [ann, ben, cat] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cat')]);
    const withdrawn = (await ann.invite(cat)).body.id;
    const accepted = (await ben.invite(cat)).body.id;
    await cat.post('/api/v1/notifications/read');
    await ann.post(`/api/v1/invitations/${withdrawn}/withdraw`);
    const items = (await cat.get('/api/v1/notifications')).body.items;
    expect(items.map((n: Note) => n.invitationId)).toEqual([accepted]);

    await cat.post(`/api/v1/invitations/${accepted}/accept`);
    const benNotes = (await ben.get('/api/v1/notifications')).body;
    expect(benNotes.unread).toBe(1);
    expect(benNotes.items).toEqual([
      expect.objectContaining({ type: 'invitation_accepted', invitationId: accepted, read: false }),
    ]);
    expect((await ann.get('/api/v1/notifications')).body.items).toEqual([]);
  });

  it('pages newest first with a cursor, every notification once', async () => {
    const hub = await t.member('hub');
    const senders = await Promise.all(Array.from({ length: 5 }, () => t.member('fan')));
    for (const s of senders) {
      await s.invite(hub);
      t.advanceDays(1);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Note[]; nextCursor: string | null } } = await hub.get(
        `/api/v1/notifications?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.body.items.map((n) => n.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = (await hub.get('/api/v1/notifications')).body.items.map((n: Note) => n.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(5);
    expectProblem(await hub.get('/api/v1/notifications?cursor=nope'), 400, 'validation_failed');
  });
});
