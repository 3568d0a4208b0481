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
