import { describe, expect, it } from 'vitest';
import { csvField, csvLine, withdrawnCsvFilename } from './invitation.export.js';

describe('withdrawn invitations CSV (R18)', () => {
  it('R18: quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('Ann Example')).toBe('Ann Example');
    expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvField('The "Best" Page')).toBe('"The ""Best"" Page"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });

  it('R18: a value a spreadsheet would run as a formula is shown as text', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('@home')).toBe("'@home");
    expect(csvField('2026-03-02T09:00:00.000Z')).toBe('2026-03-02T09:00:00.000Z');
  });

  it('names the file after the day of the export', () => {
    expect(withdrawnCsvFilename(new Date('2026-04-01T10:00:00Z'))).toBe(
      'rapport-withdrawn-invitations-2026-04-01.csv',
    );
  });
});
