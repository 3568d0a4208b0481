import { describe, expect, it } from 'vitest';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.js';

const secret = 'a'.repeat(32);

describe('unsubscribe tokens (RFC 8058)', () => {
  it('§5: a token names its member and kind of mail and verifies with the same secret', () => {
    const token = unsubscribeToken(secret, '01HZY', 'reminder');
    expect(readUnsubscribeToken(secret, token)).toEqual({
      memberId: '01HZY',
      template: 'reminder',
    });
  });

  it('§5: a token does not verify under another secret, member or kind', () => {
    const token = unsubscribeToken(secret, '01HZY', 'reminder');
    expect(readUnsubscribeToken('b'.repeat(32), token)).toBeNull();
    expect(readUnsubscribeToken(secret, token.replace('01HZY', '01HZZ'))).toBeNull();
    expect(readUnsubscribeToken(secret, token.replace('.reminder.', '.accepted.'))).toBeNull();
    expect(readUnsubscribeToken(secret, token.slice(0, -1))).toBeNull();
    expect(readUnsubscribeToken(secret, `${token}.x`)).toBeNull();
    expect(readUnsubscribeToken(secret, '')).toBeNull();
  });
});
