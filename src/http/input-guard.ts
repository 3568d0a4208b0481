import type { FastifyRequest } from 'fastify';
import { DomainError } from '../lib/errors.js';

const MAX_DEPTH = 64;

/** Whether a parsed input holds a NUL character in any string or key. */
function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000') || containsNul(inner, depth + 1)) return true;
  }
  return false;
}

/**
 * Text with a NUL character is refused on both databases alike: PostgreSQL cannot store it (it
 * would fail as a server error there) and no member types one. Runs before schema validation.
 */
export function rejectNulCharacters(request: FastifyRequest): Promise<void> {
  const inputs = { params: request.params, query: request.query, body: request.body };
  for (const [where, value] of Object.entries(inputs)) {
    if (containsNul(value)) {
      return Promise.reject(
        new DomainError('validation_failed', 'Text may not contain NUL characters.', {
          errors: [{ path: `/${where}`, message: 'contains a NUL character' }],
        }),
      );
    }
  }
  return Promise.resolve();
}
