/**
 * R18: a member's past withdrawals as CSV (RFC 4180), read in keyset batches so that an export
 * of any size streams in constant memory.
 */
import type { Db } from '../../db/types.js';
import { frozenSummary } from '../members/member.presenter.js';
import { listWithdrawn } from './invitation.withdrawals.repository.js';

const HEADER = [
  'withdrawnAt',
  'kind',
  'recipientName',
  'recipientHandle',
  'target',
  'sentAt',
  'cause',
];
const BATCH = 1000;

/**
 * One field: quoted when it holds a comma, quote or line break (quotes doubled). A leading
 * = + - @ or control character gets a ' so that a spreadsheet shows a name, never runs it.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: string[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export function withdrawnCsvFilename(now: Date): string {
  return `rapport-withdrawn-invitations-${now.toISOString().slice(0, 10)}.csv`;
}

export async function* withdrawnCsv(db: Db, senderId: string): AsyncGenerator<string> {
  yield csvLine(HEADER);
  let cursor: string | undefined;
  for (;;) {
    const page = await listWithdrawn(db, senderId, { cursor, limit: BATCH });
    if (page.items.length > 0) {
      yield page.items
        .map((r) => {
          const recipient =
            r.frozen_recipient === null
              ? { name: r.recipient_name, handle: r.recipient_handle }
              : frozenSummary(r.frozen_recipient);
          return csvLine([
            r.withdrawn_at,
            r.kind,
            recipient.name,
            recipient.handle,
            r.target_name ?? '',
            r.sent_at,
            r.withdraw_cause,
          ]);
        })
        .join('');
    }
    if (page.nextCursor === null) return;
    cursor = page.nextCursor;
  }
}
