import type { Degree, MemberSummary } from '../api/types.js';
import { formatCount } from './format.js';

export function firstName(member: Pick<MemberSummary, 'name'>): string {
  return member.name.trim().split(/\s+/)[0] ?? member.name;
}

export function degreeLabel(degree: Degree | null | undefined): string | null {
  if (degree === 1) return '1st';
  if (degree === 2) return '2nd';
  if (degree === 3) return '3rd+';
  return null;
}

/** "Product lead at Acme", falling back to whatever the profile has. */
export function describeMember(member: MemberSummary): string {
  if (member.headline) return member.headline;
  return [member.company, member.location].filter(Boolean).join(' · ');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
