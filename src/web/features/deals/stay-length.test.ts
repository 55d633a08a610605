import { describe, expect, it } from 'vitest';
import { stayLength } from './stay-length';

describe('stayLength', () => {
  const entered = '2027-01-04T09:00:00.000Z';
  it('counts whole days, else whole hours, else under an hour', () => {
    expect(stayLength(entered, '2027-01-07T08:59:00.000Z', 0)).toEqual({ unit: 'days', count: 2 });
    expect(stayLength(entered, '2027-01-04T14:30:00.000Z', 0)).toEqual({ unit: 'hours', count: 5 });
    expect(stayLength(entered, '2027-01-04T09:59:59.000Z', 0)).toEqual({ unit: 'lessThanHour', count: 0 });
  });
  it('measures the current stay up to now, never below zero', () => {
    expect(stayLength(entered, null, Date.parse('2027-01-14T09:00:00.000Z'))).toEqual({ unit: 'days', count: 10 });
    expect(stayLength(entered, null, Date.parse('2027-01-01T00:00:00.000Z'))).toEqual({ unit: 'lessThanHour', count: 0 });
  });
});
