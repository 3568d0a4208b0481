import { expect } from 'vitest';
import type { Member } from './app.js';

type Item = { id: string; sentAt: string; status: string };

/**
 * Walks a list with `limit` per page and returns every item, checking each cursor on the way;
 * `between` runs after each page but the last, to change the list while it is walked.
 */
export async function walk<T = Item>(
  member: Member,
  url: string,
  limit: number,
  between: () => Promise<void> = async () => {},
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const reply: { status: number; body: { items: T[]; nextCursor: string | null } } =
      await member.get(
        `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
    expect(reply.status).toBe(200);
    expect(reply.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
    pages++;
    expect(pages).toBeLessThan(100);
    if (cursor) await between();
  } while (cursor);
  return { items, pages };
}
