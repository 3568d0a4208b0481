/**
 * A small, realistic network for trying Rapport: a few dozen members, connections, and pending
 * invitations in both directions, some older than two weeks. Invitations go through the real
 * service with a clock set in the past, so the demo data obeys every rule: where an operator's
 * limits are lower than the demo needs, what they refuse is left out and the rest loads.
 */
import type { Config } from '../config.js';
import type { Database } from '../db/types.js';
import { elementAt } from '../lib/arrays.js';
import { DomainError } from '../lib/errors.js';
import { ManualClock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { addDays, DAY_MS } from '../lib/time.js';
import { hashPassword } from '../modules/accounts/password.js';
import { connectMembers } from '../modules/connections/connect.js';
import { areConnected } from '../modules/connections/connection.repository.js';
import { findSenderOpenBetween } from '../modules/invitations/invitation.repository.js';
import { InvitationCommands } from '../modules/invitations/invitation.commands.js';
import { visibleLength } from '../modules/invitations/invitation.js';
import { InvitationQueries } from '../modules/invitations/invitation.queries.js';
import { EventService } from '../modules/events/event.service.js';
import { newMemberRow } from '../modules/members/member.js';
import { MemberService } from '../modules/members/member.service.js';
import { PageService } from '../modules/pages/page.service.js';
import {
  countMembers,
  insertMember,
  type MemberRow,
} from '../modules/members/member.repository.js';

export const DEMO_PASSWORD = 'rapport-demo';
export const DEMO_SIGN_INS = ['alice@example.com', 'bob@example.com', 'carol@example.com'];

const PEOPLE: [string, string, string, string, string][] = [
  ['Alice Example', 'Product manager', 'Acme', 'Software', 'Lisbon'],
  ['Bob Builder', 'Staff engineer', 'Globex', 'Software', 'Berlin'],
  ['Carol Danvers', 'Head of design', 'Initech', 'Design', 'London'],
  ['Dee Incoming', 'Product lead', 'Acme', 'Software', 'Porto'],
  ['Bea Recipient', 'Data engineer', 'Globex', 'Data', 'Madrid'],
  ['Chidi Anagonye', 'Ethics researcher', 'Hooli', 'Research', 'Sydney'],
  ['Tahani Al-Jamil', 'Fundraiser', 'Good Place Foundation', 'Non-profit', 'London'],
  ['Jason Mendoza', 'DJ and entrepreneur', 'Jacksonville Beats', 'Music', 'Jacksonville'],
  ['Eleanor Shellstrop', 'Sales manager', 'Initech', 'Sales', 'Phoenix'],
  ['Michael Realman', 'Architect', 'Hooli', 'Architecture', 'Paris'],
  ['Janet Della-Denunzio', 'Knowledge manager', 'Acme', 'Operations', 'Lisbon'],
  ['Priya Raman', 'Machine learning engineer', 'Umbrella', 'AI', 'Bangalore'],
  ['Kenji Watanabe', 'Site reliability engineer', 'Globex', 'Software', 'Tokyo'],
  ['Amara Okafor', 'Recruiter', 'Talentful', 'Human resources', 'Lagos'],
  ['Lucas Martin', 'Frontend developer', 'Initech', 'Software', 'Lyon'],
  ['Sofia Rossi', 'Marketing director', 'Umbrella', 'Marketing', 'Milan'],
  ['Mateo García', 'Backend developer', 'Acme', 'Software', 'Valencia'],
  ['Hannah Schmidt', 'Product designer', 'Globex', 'Design', 'Hamburg'],
  ['Noah Johnson', 'Engineering manager', 'Hooli', 'Software', 'Seattle'],
  ['Olivia Brown', 'Customer success lead', 'Acme', 'Support', 'Dublin'],
  ['Liam Wilson', 'Security engineer', 'Umbrella', 'Security', 'Toronto'],
  ['Emma Dubois', 'Data scientist', 'Initech', 'Data', 'Montreal'],
  ['Yusuf Demir', 'Mobile developer', 'Globex', 'Software', 'Istanbul'],
  ['Ingrid Larsen', 'Chief of staff', 'Hooli', 'Operations', 'Oslo'],
  ['Ravi Patel', 'Solutions architect', 'Acme', 'Consulting', 'Mumbai'],
  ['Mei Chen', 'Research scientist', 'Umbrella', 'Research', 'Singapore'],
  ['Diego Fernández', 'Growth marketer', 'Initech', 'Marketing', 'Buenos Aires'],
  ['Zara Ahmed', 'QA engineer', 'Globex', 'Software', 'Dubai'],
  ['Tom Novak', 'Technical writer', 'Acme', 'Software', 'Prague'],
  ['Aisha Bello', 'Finance manager', 'Hooli', 'Finance', 'Abuja'],
  ['Felix Wagner', 'DevOps engineer', 'Umbrella', 'Software', 'Vienna'],
  ['Grace Kim', 'UX researcher', 'Initech', 'Design', 'Seoul'],
  ['Omar Haddad', 'Sales engineer', 'Globex', 'Sales', 'Amman'],
  ['Lena Petrova', 'Product analyst', 'Acme', 'Data', 'Tallinn'],
  ['Samuel Osei', 'Community manager', 'Hooli', 'Marketing', 'Accra'],
  ['Julia Nowak', 'Legal counsel', 'Umbrella', 'Legal', 'Warsaw'],
];

const NOTES = [
  'We met at the product meetup last month — would be great to stay in touch.',
  'Loved your talk on data pipelines!',
  null,
  'Former colleague from Globex, hope you are well.',
  null,
  'Saw your post about accessible design systems; would love to connect.',
];

/** A small deterministic generator, so every demo network is the same. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

/** A step the rules refuse (a limit reached, say) is left out; anything else still fails. */
async function unlessRefused<T>(step: () => Promise<T>): Promise<T | null> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof DomainError && error.status < 500) return null;
    throw error;
  }
}

export async function seedDemo(
  database: Database,
  config: Config,
  now: Date = new Date(),
): Promise<boolean> {
  if ((await countMembers(database.db)) > 0) return false;
  const clock = new ManualClock(addDays(now, -60));
  const invitations = new InvitationCommands(
    { database, clock, rules: config.rules },
    config.requireVerifiedEmail,
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const members: MemberRow[] = [];
  for (const [i, [name, headline, company, industry, location]] of PEOPLE.entries()) {
    const handle = name
      .split(' ')[0]!
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z]/g, '');
    const at = addDays(now, -90 + i).toISOString();
    const row = newMemberRow(
      {
        id: newId(new Date(at)),
        email: `${handle}@example.com`,
        passwordHash,
        name,
        handle,
        headline: `${headline} at ${company}`,
        company,
        industry,
        location,
        emailVerifiedAt: at,
      },
      at,
    );
    await insertMember(database.db, row);
    members.push(row);
  }
  const alice = elementAt(members, 0);
  const bob = elementAt(members, 1);
  const carol = elementAt(members, 2);
  const rand = random(42);
  const at = (daysAgo: number) => {
    clock.set(new Date(now.getTime() - daysAgo * DAY_MS - Math.floor(rand() * 8) * 3_600_000));
  };

  await database.transaction(async (db) => {
    // Alice knows the first dozen; the rest of the network links up more loosely.
    // R7 refuses before it writes anything, so a refusal leaves the transaction usable.
    for (const other of members.slice(1, 13)) {
      await unlessRefused(() =>
        connectMembers(
          db,
          alice.id,
          other.id,
          config.rules.maxConnections,
          addDays(now, -50).toISOString(),
        ),
      );
    }
    for (let i = 1; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (i < 13 && j < 13) continue;
        if (rand() < 0.18) {
          await unlessRefused(() =>
            connectMembers(
              db,
              members[i]!.id,
              members[j]!.id,
              config.rules.maxConnections,
              addDays(now, -40).toISOString(),
            ),
          );
        }
      }
    }
  });

  const unconnected = async (a: MemberRow, b: MemberRow) =>
    !(await areConnected(database.db, a.id, b.id));

  // Invitations to Alice, Bob and Carol, newest within days, a few older than two weeks.
  let noteIndex = 0;
  for (const recipient of [alice, bob, carol]) {
    let sent = 0;
    for (const sender of members.slice(13)) {
      if (sent >= 6 || sender.id === recipient.id || !(await unconnected(sender, recipient)))
        continue;
      at(sent < 4 ? 1 + sent * 2 : 16 + sent * 3);
      const note = NOTES[noteIndex++ % NOTES.length];
      const result = await unlessRefused(() =>
        invitations.send(sender.id, {
          to: recipient.handle,
          // R4: a note longer than the operator allows is left off, not the invitation.
          note: note && visibleLength(note) <= config.rules.noteMaxLength ? note : undefined,
          howKnown: 'other',
        }),
      );
      if (result) sent++;
    }
  }

  // Invitations from Alice, Bob and Carol: some fresh, several waiting more than two weeks.
  for (const sender of [alice, bob, carol]) {
    let sent = 0;
    for (const recipient of [...members].reverse()) {
      if (sent >= 9 || recipient.id === sender.id || !(await unconnected(sender, recipient)))
        continue;
      if ((await findSenderOpenBetween(database.db, sender.id, recipient.id)).length > 0) continue;
      at(sent < 3 ? 2 + sent * 3 : 15 + sent * 4);
      const result = await unlessRefused(() =>
        invitations.send(sender.id, { to: recipient.handle, howKnown: 'colleague' }),
      );
      if (!result) continue;
      if (result.status === 'sent' && sent === 4)
        await invitations.setKept(sender.id, result.invitation.id, true);
      sent++;
    }
  }
  // Two of Alice's older invitations were accepted, so her insights have something to show.
  let accepted = 0;
  for (const recipient of members.slice(13).reverse()) {
    if (accepted >= 2) break;
    const open = await findSenderOpenBetween(database.db, alice.id, recipient.id);
    if (open.length > 0 || !(await unconnected(alice, recipient))) continue;
    at(40);
    const result = await unlessRefused(() =>
      invitations.send(alice.id, { to: recipient.handle, howKnown: 'colleague' }),
    );
    if (result?.status !== 'sent') continue;
    at(38);
    if (await unlessRefused(() => invitations.accept(recipient.id, result.invitation.id)))
      accepted++;
  }

  // A page and an event on each side, so the Pages and Events filters have invitations in them.
  const deps = { database, clock, rules: config.rules };
  const pages = new PageService(
    deps,
    new MemberService(deps, new InvitationQueries(deps, config.requireVerifiedEmail)),
  );
  const events = new EventService(deps);
  at(20);
  const guild = await pages.create(alice.id, {
    name: 'Acme Product Guild',
    description: 'Product people at Acme and friends: talks, notes and open roles.',
  });
  // Page credits (R21) and the events' weekly limit (R22) refuse the whole batch once spent.
  await unlessRefused(() =>
    pages.invite(
      alice.id,
      guild.id,
      members.slice(1, 5).map((m) => m.handle),
    ),
  );
  const globex = await pages.create(bob.id, {
    name: 'Globex Engineering',
    description: 'How Globex builds and runs its platform.',
  });
  at(3);
  await unlessRefused(() => pages.invite(bob.id, globex.id, [alice.handle]));
  const meetup = await events.create(carol.id, {
    name: 'Design systems meetup',
    startsAt: addDays(now, 12).toISOString(),
    location: 'London',
    description: 'An evening of short talks on accessible design systems.',
  });
  await unlessRefused(() => events.invite(carol.id, meetup.id, [alice.handle]));
  at(16);
  const launch = await events.create(alice.id, {
    name: 'Rapport launch party',
    startsAt: addDays(now, 30).toISOString(),
    location: 'Lisbon',
  });
  await unlessRefused(() =>
    events.invite(
      alice.id,
      launch.id,
      members.slice(5, 9).map((m) => m.handle),
    ),
  );
  return true;
}
