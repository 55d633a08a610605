import { describe, expect, it } from 'vitest';
import { medianTimeInStage } from './stage-durations.js';

const at = (day: number, hour = 0) => new Date(Date.UTC(2027, 0, 1 + day, hour)).toISOString();

describe('median time per stage', () => {
  it('takes the median of completed stays per stage (odd and even counts), ignoring open stays', () => {
    const result = medianTimeInStage([
      { stage: 'lead', enteredAt: at(0), leftAt: at(2) },
      { stage: 'lead', enteredAt: at(0), leftAt: at(10) },
      { stage: 'lead', enteredAt: at(5), leftAt: at(9) },
      { stage: 'proposal', enteredAt: at(0), leftAt: at(1) },
      { stage: 'proposal', enteredAt: at(0), leftAt: at(3, 12) },
      { stage: 'proposal', enteredAt: at(0), leftAt: null },
      { stage: 'contract', enteredAt: at(0), leftAt: null },
    ]);
    // lead: 2, 10, 4 days → 4; proposal: 1 and 3.5 days → 2.25; contract: nothing completed.
    expect(result).toEqual([
      { stage: 'lead', medianDays: 4, samples: 3 },
      { stage: 'proposal', medianDays: 2.25, samples: 2 },
    ]);
  });

  it('answers nothing for no history and skips stays that end before they begin', () => {
    expect(medianTimeInStage([])).toEqual([]);
    expect(medianTimeInStage([{ stage: 'lead', enteredAt: at(3), leftAt: at(1) }])).toEqual([]);
  });

  it('counts hours as fractions of a day', () => {
    expect(medianTimeInStage([{ stage: 'won', enteredAt: at(0, 6), leftAt: at(0, 18) }])).toEqual([
      { stage: 'won', medianDays: 0.5, samples: 1 },
    ]);
  });
});
