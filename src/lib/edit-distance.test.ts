import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.js';

describe('editDistance', () => {
  it('counts the single-character edits between two words', () => {
    expect(editDistance('RAPPORT_PORT', 'RAPPORT_PORT')).toBe(0);
    expect(editDistance('RAPPORT_MAX_CONECTIONS', 'RAPPORT_MAX_CONNECTIONS')).toBe(1);
    expect(editDistance('RAPPORT_PROT', 'RAPPORT_PORT')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
