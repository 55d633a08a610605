import { describe, expect, it } from 'vitest';
import { PendingQueries } from './query-changes';

describe('changes to the address that the page has not rendered yet', () => {
  it('applies a change to the one sent before it until the address catches up', () => {
    const pending = new PendingQueries();
    expect(pending.base('tab=deals')).toBe('tab=deals');
    pending.sent('tab=deals&min=1', 'tab=deals');
    // The page renders again before the address has changed: the change is still pending.
    pending.rendered('tab=deals');
    expect(pending.base('tab=deals')).toBe('tab=deals&min=1');
    pending.sent('tab=deals&min=1&max=2', 'tab=deals');
    expect(pending.base('tab=deals')).toBe('tab=deals&min=1&max=2');
    // The first change lands: the second is still pending.
    pending.rendered('tab=deals&min=1');
    expect(pending.base('tab=deals&min=1')).toBe('tab=deals&min=1&max=2');
    pending.rendered('tab=deals&min=1&max=2');
    expect(pending.base('tab=deals&min=1&max=2')).toBe('tab=deals&min=1&max=2');
    expect(pending.base('tab=deals&other=1')).toBe('tab=deals&other=1');
  });

  it('forgets what was pending when the page shows another address (back, a link)', () => {
    const pending = new PendingQueries();
    pending.sent('tab=deals&min=1', 'tab=deals');
    pending.rendered('tab=plan');
    expect(pending.base('tab=plan')).toBe('tab=plan');
  });
});
