import { describe, expect, it } from 'vitest';
import { RowsById } from './rows-by-id.js';

describe('RowsById', () => {
  const rows = new RowsById([{ id: 'a', name: 'Alice' }], 'member');

  it('gives the row of a known id', () => {
    expect(rows.get('a').name).toBe('Alice');
  });

  it('throws for an id with no row, naming what was missing', () => {
    expect(() => rows.get('b')).toThrow('member b was expected but not found');
  });

  it('answers undefined for an unknown id when asked with find', () => {
    expect(rows.find('b')).toBeUndefined();
  });
});
