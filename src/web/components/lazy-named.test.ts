import { type ComponentType, createElement, lazy, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyNamed } from './lazy-named';

const Hello: ComponentType<{ name: string }> = ({ name }) => createElement('b', null, `hello ${name}`);
const inSuspense = (component: ComponentType<{ name: string }>) =>
  renderToString(createElement(Suspense, { fallback: createElement('i', null, 'loading') }, createElement(component, { name: 'deal' })));
const aTick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lazyNamed', () => {
  it('suspends while the code is loading, like React.lazy', () => {
    let loads = 0;
    const Lazy = lazyNamed(async () => {
      loads++;
      return { Hello };
    }, 'Hello');
    expect(inSuspense(Lazy)).toContain('<i>loading</i>');
    expect(loads).toBe(1);
  });

  it('renders at once, without the fallback, when preloaded before its first render', async () => {
    let loads = 0;
    const Lazy = lazyNamed(async () => {
      loads++;
      return { Hello };
    }, 'Hello');
    Lazy.preload();
    await aTick();
    expect(inSuspense(Lazy)).toBe('<!--$--><b>hello deal</b><!--/$-->');
    expect(loads).toBe(1);
    // Why: React.lazy over a module that has already loaded still suspends on its first render.
    const loadedModule = Promise.resolve({ default: Hello });
    await aTick();
    expect(inSuspense(lazy(() => loadedModule))).toContain('<i>loading</i>');
  });

  it('loads again when it renders after a failed preload', async () => {
    let attempts = 0;
    const Lazy = lazyNamed(async () => {
      attempts++;
      if (attempts === 1) throw new Error('chunk gone');
      return { Hello };
    }, 'Hello');
    Lazy.preload();
    await aTick();
    expect(inSuspense(Lazy)).toContain('<i>loading</i>');
    expect(attempts).toBe(2);
  });
});
