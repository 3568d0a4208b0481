import { describe, expect, it } from 'vitest';
import { ApiError } from './client.js';
import { describeCode, describeError } from './problem-messages.js';

const NEXT_MONTH = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();

describe('refusals in words a member can act on', () => {
  it('R8: too many wrong email addresses says for whom and until when, from an answer or canInvite', () => {
    const refusal = new ApiError({
      status: 429,
      code: 'email_attempts_exhausted',
      detail: 'Too many wrong email addresses were given for Carol Chen.',
      retryAt: NEXT_MONTH,
    });
    const said = describeError(refusal, { name: 'Carol' });
    expect(said).toMatch(
      /^Too many wrong email addresses were given for Carol\. You can try again on /,
    );
    expect(describeCode('email_attempts_exhausted', NEXT_MONTH, 'Carol')).toBe(said);
  });

  it('R27: a rate limit says when in the words the app uses for times, not the browser’s clock format', () => {
    const inAMinute = new Date(Date.now() + 60_000);
    const said = describeCode('rate_limited', inAMinute.toISOString());
    const time = `${String(inAMinute.getHours()).padStart(2, '0')}:${String(inAMinute.getMinutes()).padStart(2, '0')}`;
    expect([
      `Too many attempts. Try again today at ${time}.`,
      // A minute before midnight, the minute is tomorrow's.
      expect.stringMatching(new RegExp(`^Too many attempts\\. Try again on .+ at ${time}\\.$`)),
    ]).toContainEqual(said);
  });

  it('a refusal with a code of no sentence of its own reads as the server words it, not "Something went wrong"', () => {
    const refusal = new ApiError({
      status: 400,
      code: 'invalid_text',
      detail: 'The headline contains a zero-width character.',
    });
    expect(describeError(refusal)).toBe('The headline contains a zero-width character.');
  });

  it('a server fault keeps its details to the log', () => {
    const fault = new ApiError({ status: 500, code: 'internal_error', detail: 'stack and all' });
    expect(describeError(fault)).toBe('Something went wrong on our side. Please try again.');
  });
});
