import type { MemberRow } from './member.repository.js';

export interface MemberSummary {
  handle: string;
  name: string;
  headline: string;
  company: string;
  industry: string;
  location: string;
}

export function toSummary(m: MemberRow): MemberSummary {
  return {
    handle: m.handle,
    name: m.name,
    headline: m.headline,
    company: m.company,
    industry: m.industry,
    location: m.location,
  };
}
