import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './password.policy.js';

const ann = { handle: 'ann-lee', email: 'ann.lee@example.test' };

describe('R27 password policy', () => {
  it('takes 10 to 256 characters, counted as characters', () => {
    expect(passwordWeakness('x7#kq2!pz', ann)).toBe('too_short');
    expect(passwordWeakness('x7#kq2!pzw', ann)).toBeNull();
    expect(passwordWeakness('🦊'.repeat(9) + 'k', ann)).toBeNull();
    expect(passwordWeakness('a9'.repeat(128), ann)).toBeNull();
    expect(passwordWeakness('a9'.repeat(128) + 'b', ann)).toBe('too_long');
  });

  it('refuses the 10,000 most common passwords, whatever their case', () => {
    expect(passwordWeakness('qwertyuiop', ann)).toBe('common');
    expect(passwordWeakness('Password123', ann)).toBe('common');
    expect(passwordWeakness('1q2w3e4r5t', ann)).toBe('common');
  });

  it("refuses a password that holds the member's handle or email name", () => {
    expect(passwordWeakness('my name is ANN-LEE!', ann)).toBe('contains_handle');
    expect(passwordWeakness('hello ann.lee 2026', ann)).toBe('contains_email');
    expect(passwordWeakness('correct horse battery', ann)).toBeNull();
  });
});
