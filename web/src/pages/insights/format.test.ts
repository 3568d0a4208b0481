import { describe, expect, it } from 'vitest';
import { medianWaitNote } from './format.js';

describe('medianWaitNote', () => {
  it('says what the median of several accepts means', () => {
    expect(medianWaitNote(3, 90)).toBe(
      'The median wait of the 3 invitations accepted in the last 90 days, whenever they were sent: half were accepted sooner.',
    );
  });

  it('speaks of a single accept plainly, with no half sooner than it', () => {
    expect(medianWaitNote(1, 90)).toBe(
      'How long the one invitation accepted in the last 90 days waited, whenever it was sent.',
    );
  });
});
