import type { MemberSummaryRow } from './member.repository.js';

export interface MemberSummary {
  handle: string;
  name: string;
  headline: string;
  company: string;
  industry: string;
  location: string;
}

/** The profile fields a summary shows, so that a query may fetch just these. */
export type SummaryFields = Omit<MemberSummaryRow, 'id'>;

export function toSummary(m: SummaryFields): MemberSummary {
  return {
    handle: m.handle,
    name: m.name,
    headline: m.headline,
    company: m.company,
    industry: m.industry,
    location: m.location,
  };
}

/** R20: a recipient frozen at a block, as `closeForBlock` stored them. */
export function frozenSummary(json: string): MemberSummary {
  const value: unknown = JSON.parse(json);
  const field = (key: keyof MemberSummary): string => {
    const v: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, key) : null;
    if (typeof v !== 'string') throw new Error(`a frozen recipient lacks its ${key}`);
    return v;
  };
  return toSummary({
    handle: field('handle'),
    name: field('name'),
    headline: field('headline'),
    company: field('company'),
    industry: field('industry'),
    location: field('location'),
  });
}

/**
 * R20: an invitation's recipient as its sender sees them — as they were when they blocked the
 * sender (`frozen`), never updated; otherwise as they are.
 */
export function recipientForSender(frozen: string | null, recipient: SummaryFields): MemberSummary {
  return frozen === null ? toSummary(recipient) : frozenSummary(frozen);
}
