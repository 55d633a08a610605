import { describe, expect, it } from 'vitest';
import { RouteErrorBoundary } from './route-error';

describe('RouteErrorBoundary', () => {
  const crashed = { error: new Error('chunk gone'), resetKey: '/deals/d1' };

  it('keeps showing the crash while the address stays the same', () => {
    expect(RouteErrorBoundary.getDerivedStateFromProps({ children: null, resetKey: '/deals/d1' }, crashed)).toBeNull();
  });

  it('clears the crash when the user goes to another address', () => {
    expect(RouteErrorBoundary.getDerivedStateFromProps({ children: null, resetKey: '/projects' }, crashed)).toEqual({
      error: null,
      resetKey: '/projects',
    });
  });

  it('records the error a page threw', () => {
    const error = new Error('render failed');
    expect(RouteErrorBoundary.getDerivedStateFromError(error)).toEqual({ error });
  });
});
