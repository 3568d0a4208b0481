import { describe, expect, it } from 'vitest';
import { classifySendError } from './mailer.js';

const smtp = (responseCode: number, message = 'refused', code = 'EENVELOPE') =>
  Object.assign(new Error(message), { responseCode, code });

describe('classifying SMTP failures (§5)', () => {
  it('§5: 4xx replies and connection errors are temporary', () => {
    expect(classifySendError(smtp(421, 'Service not available', 'ECONNECTION')).permanent).toBe(
      false,
    );
    expect(classifySendError(smtp(451, 'Try again later', 'EMESSAGE')).permanent).toBe(false);
    expect(
      classifySendError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }))
        .permanent,
    ).toBe(false);
    expect(
      classifySendError(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' }))
        .permanent,
    ).toBe(false);
  });

  it('§5: 5xx replies are permanent, except 503 and authentication problems an operator can fix', () => {
    expect(classifySendError(smtp(550, 'No such user')).permanent).toBe(true);
    expect(classifySendError(smtp(554, 'Rejected', 'EMESSAGE')).permanent).toBe(true);
    expect(classifySendError(smtp(503, 'Bad sequence')).permanent).toBe(false);
    expect(classifySendError(smtp(535, 'Invalid login', 'EAUTH')).permanent).toBe(false);
  });

  it('§5: keeps the reply code and message as the reason, bounded in length', () => {
    expect(classifySendError(smtp(550, 'No such user')).reason).toBe('550 No such user');
    expect(classifySendError(smtp(550, 'x'.repeat(2000))).reason).toHaveLength(500);
  });
});
