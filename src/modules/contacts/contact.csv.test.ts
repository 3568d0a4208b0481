import { describe, expect, it } from 'vitest';
import { distinctValidEmails, emailColumn, normaliseEmail, parseCsv } from './contact.csv.js';

describe('contact CSV (R8)', () => {
  it('R8: reads quoted fields with separators, doubled quotes and line breaks inside', () => {
    const text =
      'Name,Email\r\n"Doe, Jane","jane@example.com"\n"Say ""hi""\nthere",bo@example.org\n';
    expect(parseCsv(text)).toEqual([
      ['Name', 'Email'],
      ['Doe, Jane', 'jane@example.com'],
      ['Say "hi"\nthere', 'bo@example.org'],
    ]);
  });

  it('R8: skips blank lines, a byte-order mark and reads semicolon-separated exports', () => {
    expect(parseCsv('\uFEFFName;E-mail\n\nAl;al@example.com\n\n')).toEqual([
      ['Name', 'E-mail'],
      ['Al', 'al@example.com'],
    ]);
    expect(parseCsv('only@example.com')).toEqual([['only@example.com']]);
  });

  it('R8: a header row names the email column, whatever its position and spelling', () => {
    expect(emailColumn(parseCsv('First,Last,E-mail Address\nA,B,a@x.io\nC,D,\n'))).toEqual([
      'a@x.io',
      '',
    ]);
    expect(emailColumn(parseCsv('Name,Email 1 - Value,Email 2\nA,a@x.io,b@x.io\n'))).toEqual([
      'a@x.io',
    ]);
  });

  it('R8: without a header, the first column holding an address is the email column', () => {
    expect(emailColumn(parseCsv('Ann,ann@x.io\nBen,not-an-address\n'))).toEqual([
      'ann@x.io',
      'not-an-address',
    ]);
    expect(emailColumn([])).toEqual([]);
  });

  it('R8: a header without an email column is refused', () => {
    expect(() => emailColumn(parseCsv('Name,Phone\nAnn,123\n'))).toThrow(/no email column/);
  });

  it('R8: addresses are trimmed, lower-cased, validated and deduplicated', () => {
    expect(normaliseEmail('  Ann@Example.COM ')).toBe('ann@example.com');
    for (const bad of [
      '',
      'ann',
      'ann@',
      '@x.io',
      'a b@x.io',
      'ann@localhost',
      `${'a'.repeat(250)}@x.io`,
    ]) {
      expect(normaliseEmail(bad), bad).toBeNull();
    }
    expect(distinctValidEmails(['A@x.io', 'a@x.io', 'bad', '', ' ', 'b@x.io'])).toEqual({
      emails: ['a@x.io', 'b@x.io'],
      total: 4,
    });
  });
});
