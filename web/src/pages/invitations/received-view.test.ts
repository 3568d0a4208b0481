import { describe, expect, it } from 'vitest';
import { selectedKinds } from './received-view.js';

const loaded = [
  { id: 'c1', kind: 'connection' as const },
  { id: 'c2', kind: 'connection' as const },
  { id: 'p1', kind: 'page' as const },
];
const matching = { connection: 900, page: 100, event: 1 };

describe('selectedKinds', () => {
  it('counts the loaded rows picked one by one', () => {
    const selection = { kind: 'some' as const, ids: new Set(['c1', 'p1']) };
    expect(selectedKinds(selection, loaded, 'all', matching)).toEqual({ connection: 1, page: 1 });
  });

  it('counts everything the kind filter matches, less the loaded rows unticked', () => {
    const selection = { kind: 'all' as const, excluded: new Set(['c2', 'p1']) };
    expect(selectedKinds(selection, loaded, 'all', matching)).toEqual({
      connection: 899,
      page: 99,
      event: 1,
    });
    expect(selectedKinds(selection, loaded.slice(0, 2), 'connection', matching)).toEqual({
      connection: 899,
    });
  });
});
