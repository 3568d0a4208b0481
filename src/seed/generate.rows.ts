/**
 * Building blocks of generated rows: a fast seeded random source, time-ordered ids, and the
 * people, places and notes that make a generated network look like one.
 */
import { searchTextOf } from '../modules/members/member.repository.js';
import type { Row } from './seed.repository.js';
import { elementAt } from '../lib/arrays.js';

/** sfc32: small, fast and good enough for test data; the same seed gives the same network. */
export function randomSource(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A 32-bit mix of two integers, for decisions that must not depend on generation order. */
export function mix(x: number, y: number): number {
  let h = Math.imul(x ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(y + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_DIGITS = Array.from({ length: 10 }, (_, k) => 32 ** k);

/**
 * The id layout of `newId` (10 characters of milliseconds, 16 of randomness) without BigInt
 * and crypto calls, which would cost more than writing the row.
 */
export function fastId(ms: number, random: () => number): string {
  let out = '';
  for (let k = 9; k >= 0; k--) out += CROCKFORD[Math.floor(ms / elementAt(TIME_DIGITS, k)) % 32];
  for (let k = 0; k < 16; k++) out += CROCKFORD[(random() * 32) | 0];
  return out;
}

/** Word lists, kept as one string each so that they stay short on the page. */
function words(list: string, separator: string): string[] {
  return list.split(separator);
}

const FIRST = words(
  'ada alan amara ana arjun ben carla chen dara diego elena emeka eva farah felix grace hana hugo ines ivan jana jonas kai kenji lara leo lina luca maya mei mila nadia nils noah omar priya rafael rosa sami sara sofia tariq tom uma vera wei yara zoe',
  ' ',
);
const LAST = words(
  'adeyemi alvarez berg bianchi chen costa dubois eriksen fischer garcia haddad ivanova jensen kaur kim kowalski larsen lopez martin mensah meyer mohamed nakamura novak okafor oliveira patel petrov quinn rossi santos schmidt silva singh tanaka usman varga wagner walker yilmaz',
  ' ',
);
const TITLES = words(
  'Software engineer, Product manager, Data scientist, Designer, Recruiter, Sales lead, Engineering manager, Founder, Marketing manager, Research scientist, Consultant, Account executive, Operations lead, Security engineer, Analyst, Teacher, Nurse',
  ', ',
);
const COMPANIES = words(
  'Acme:Software, Globex:Software, Initech:Consulting, Umbrella:Healthcare, Hooli:Internet, Stark Industries:Manufacturing, Wayne Enterprises:Finance, Soylent:Food, Cyberdyne:Robotics, Tyrell:Biotech, Wonka:Food, Vandelay:Logistics, Dunder Mifflin:Retail, Pied Piper:Software, Massive Dynamic:Research, Aperture:Research, Oscorp:Biotech, Gringotts:Finance, Monarch:Education, Northwind:Logistics',
  ', ',
).map((pair): [string, string] => {
  const [company = '', industry = ''] = pair.split(':');
  return [company, industry];
});
const LOCATIONS = words(
  'Lisbon, Berlin, London, Paris, Madrid, Lagos, Nairobi, Bangalore, Singapore, Tokyo, Seoul, Sydney, Toronto, New York, São Paulo, Mexico City, Warsaw, Dublin, Amsterdam, Stockholm, Istanbul, Cairo, Dubai, Jakarta, Manila, Chicago, Austin',
  ', ',
);
const NOTES = [
  'We met at the meetup last month; would be great to stay in touch.',
  'Loved your talk on data pipelines!',
  'Former colleague, hope you are well.',
  'Saw your post about design systems and would love to connect.',
  'We are hiring for a role that might interest you.',
];
const HOW_KNOWN = ['colleague', 'classmate', 'friend', 'other'] as const;

function pick<T>(list: readonly T[], hash: number): T {
  return elementAt(list, hash % list.length);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export interface MemberSettings {
  email_or_contacts: boolean;
  page_invitations: boolean;
}

/** Member `index`'s handle; `tag` keeps the handles of a second run on the same database apart. */
export function memberHandle(index: number, tag: string): string {
  const h = mix(index, 17);
  return `${pick(FIRST, h)}-${pick(LAST, h >>> 8)}-${index.toString(36)}${tag ? `-${tag}` : ''}`;
}

/** Member `index` of a run. */
export function memberRow(
  id: string,
  index: number,
  tag: string,
  createdAt: string,
  passwordHash: string,
  connectionCount: number,
  settings: MemberSettings,
): Row {
  const h = mix(index, 17);
  const first = pick(FIRST, h);
  const last = pick(LAST, h >>> 8);
  const [company, industry] = pick(COMPANIES, h >>> 16);
  const handle = memberHandle(index, tag);
  const name = `${capitalise(first)} ${capitalise(last)}`;
  const headline = `${pick(TITLES, mix(index, 29))} at ${company}`;
  const flags = mix(index, 41);
  return [
    id,
    `${handle}@example.org`,
    passwordHash,
    name,
    handle,
    headline,
    company,
    industry,
    pick(LOCATIONS, flags >>> 8),
    searchTextOf({ name, handle, headline, company }),
    createdAt,
    createdAt,
    connectionCount,
    settings.email_or_contacts ? 'email_or_contacts' : 'everyone',
    flags % 10 === 0 ? 0 : 1,
    flags % 7 === 0 ? 0 : 1,
    flags % 9 === 0 ? 0 : 1,
    settings.page_invitations ? 1 : 0,
    null,
    null,
    // Seeded members count as verified (R25).
    createdAt,
  ];
}

export function memberSettings(index: number): MemberSettings {
  const h = mix(index, 53);
  return { email_or_contacts: h % 33 === 0, page_invitations: h % 20 !== 0 };
}

/** A personal note on about one invitation in four, and how the sender knows the recipient. */
export function noteOf(hash: number): { note: string | null; howKnown: string | null } {
  return {
    note: hash % 4 === 0 ? pick(NOTES, hash >>> 4) : null,
    howKnown: hash % 3 === 0 ? null : pick(HOW_KNOWN, hash >>> 8),
  };
}

export function pageName(index: number): string {
  const [company] = pick(COMPANIES, index);
  return index < COMPANIES.length ? company : `${company} ${pick(LOCATIONS, mix(index, 7))}`;
}

export function eventName(index: number): string {
  return `${pick(['Meetup', 'Summit', 'Workshop', 'Conference', 'Hack night'], index)} ${pick(LOCATIONS, mix(index, 11))} #${index + 1}`;
}
