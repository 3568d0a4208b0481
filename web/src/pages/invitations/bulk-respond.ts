import { listReceived, respondToInvitations } from '../../api/endpoints.js';
import { describeCode } from '../../api/problem-messages.js';
import type { ReceivedFilter, RespondOutcome } from '../../api/types.js';
import { inChunks } from '../../lib/in-chunks.js';
import { plural } from '../../lib/member.js';
import type { Selection } from './use-selection.js';

export type Action = 'accept' | 'ignore';

export interface RespondTally {
  counts: Record<RespondOutcome, number>;
  /** Why some were refused, one code each time it came. */
  codes: string[];
  /** The ids accepted or ignored now. */
  answered: Set<string>;
}

/** The ids a selection stands for: "all that match" reads the filter's pages to their end. */
export async function selectedIds(selection: Selection, filter: ReceivedFilter) {
  if (selection.kind === 'some') return [...selection.ids];
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listReceived(filter, cursor);
    for (const item of page.items) if (!selection.excluded.has(item.id)) ids.push(item.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** Answers every id, a hundred per call, each in its own transaction on the server (R39). */
export async function respondInChunks(ids: string[], action: Action): Promise<RespondTally> {
  const tally: RespondTally = {
    counts: { accepted: 0, ignored: 0, not_open: 0, refused: 0 },
    codes: [],
    answered: new Set(),
  };
  const items = await inChunks(
    ids,
    async (chunk) => (await respondToInvitations({ ids: chunk, action })).items,
  );
  for (const item of items) {
    tally.counts[item.outcome] += 1;
    if (item.code) tally.codes.push(item.code);
    if (item.outcome === 'accepted' || item.outcome === 'ignored') tally.answered.add(item.id);
  }
  return tally;
}

/** "12 accepted. 1 was no longer open. 2 could not be accepted: …" */
export function describeTally({ counts, codes }: RespondTally, action: Action): string {
  const parts = [
    action === 'accept'
      ? `${plural(counts.accepted, 'invitation')} accepted.`
      : `${plural(counts.ignored, 'invitation')} ignored.`,
  ];
  if (counts.not_open > 0) parts.push(`${plural(counts.not_open, 'was', 'were')} no longer open.`);
  if (counts.refused > 0) {
    const reasons = [...new Set(codes)].map((code) => describeCode(code)).join(' ');
    const done = action === 'accept' ? 'accepted' : 'ignored';
    parts.push(`${plural(counts.refused, 'could', 'could')} not be ${done}. ${reasons}`.trim());
  }
  return parts.join(' ');
}
