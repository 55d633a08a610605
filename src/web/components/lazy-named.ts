import { type ComponentType, type LazyExoticComponent, lazy, useCallback, useEffect, useState } from 'react';
import { whenIdle } from '../app/when-idle';

// biome-ignore lint/suspicious/noExplicitAny: a component of any props, as React.lazy itself takes
type AnyComponent = ComponentType<any>;

export type LazyNamed<C extends AnyComponent> = LazyExoticComponent<C> & {
  /**
   * Starts loading the code (on hover, focus or idle time); settles once it is loaded, and a failure surfaces when
   * the component renders.
   */
  preload: () => Promise<void>;
};

/** A thenable that calls back at once: React.lazy then renders the component without suspending. */
function settled<T>(value: T): Promise<T> {
  // biome-ignore lint/suspicious/noThenProperty: a thenable is the point: React.lazy calls its then and reads the result
  return { then: (onFulfilled: (value: T) => unknown) => onFulfilled(value) } as unknown as Promise<T>;
}

/**
 * A named export of a module loaded on demand, as a component. Unlike a bare `lazy(() => import(…))`, it renders at
 * once when its code is already loaded (by `preload`, or by another component made from the same loader): `import()`
 * of a loaded module still answers a tick later, so React would show the Suspense fallback and then hold the content
 * back until 300 ms after the fallback appeared (its fallback throttle) — measured: the first deal opened from the
 * board took 356 ms against 75 for the next ones.
 */
export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyNamed<M[K]> {
  let loaded: M[K] | undefined;
  const loadComponent = () => load().then((module) => (loaded = module[name]));
  const component = lazy(() => (loaded ? settled({ default: loaded }) : loadComponent().then((component) => ({ default: component }))));
  return Object.assign(component, {
    preload: () =>
      loadComponent().then(
        () => undefined,
        () => undefined,
      ),
  });
}

/**
 * For a part a screen does not need to show first: false until `component`'s code has loaded in idle time (not
 * before `delay` ms), or until `want()` is called (then render it in Suspense: it shows its fallback until loaded).
 */
export function useWantedSoon(component: LazyNamed<AnyComponent>, delay: number): [boolean, () => void] {
  const [wanted, setWanted] = useState(false);
  useEffect(() => whenIdle(() => void component.preload().then(() => setWanted(true)), { delay }), [component, delay]);
  return [wanted, useCallback(() => setWanted(true), [])];
}
