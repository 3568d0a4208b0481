import { describe, expect, it } from 'vitest';
import { addDays } from '../lib/time.js';
import { planReminder } from './reminder.schedule.js';

const sentAt = new Date('2026-03-02T09:00:00.000Z');
const days = [3, 10];

describe('reminder schedule (R12)', () => {
  it('R12: the first reminder at day 3 schedules the second at day 10', () => {
    expect(planReminder(sentAt, 0, days, addDays(sentAt, 3))).toEqual({
      send: true,
      nextAt: addDays(sentAt, 10),
    });
  });

  it('R12: the second reminder is the last', () => {
    expect(planReminder(sentAt, 1, days, addDays(sentAt, 10))).toEqual({
      send: true,
      nextAt: null,
    });
  });

  it('R12: never a third, whatever the counter says', () => {
    expect(planReminder(sentAt, 2, days, addDays(sentAt, 30))).toEqual({
      send: false,
      nextAt: null,
    });
  });

  it('R12: a run missed past day 10 catches up with one reminder, not two', () => {
    expect(planReminder(sentAt, 0, days, addDays(sentAt, 11))).toEqual({
      send: true,
      nextAt: null,
    });
  });

  it('R12: with one reminder day configured there is one reminder', () => {
    expect(planReminder(sentAt, 0, [5], addDays(sentAt, 5))).toEqual({ send: true, nextAt: null });
  });
});
