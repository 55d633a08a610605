import { createCache } from '@ant-design/cssinjs';

type Entry = [number, unknown];
/** The cssinjs cache keys of component styles and of their CSS variables (useStyleRegister, useCSSVarRegister). */
const KEPT_PREFIXES = ['style%', 'cssVar%'];

/**
 * antd's CSS-in-JS counts the mounted components that use each style and forgets a style when its count
 * reaches zero (a component's CSS variables are even taken out of the page). Moving between screens (the
 * board → a deal → the board) then makes every style of the screen left anew, and takes styles out of and
 * puts them into the page, each a style recalculation: 40–50 ms of a deal's opening. Here a component's
 * style, once made, stays: its entry counts one user more than it has, so the count never reaches zero.
 * The styles kept are bounded by the app's components.
 */
export function keptStyleCache(): ReturnType<typeof createCache> {
  const cache = createCache();
  const update = cache.opUpdate.bind(cache) as (key: string, valueFn: (prev: Entry | null) => Entry | null) => void;
  cache.opUpdate = ((key: string, valueFn: (prev: Entry | null) => Entry | null) => {
    if (!KEPT_PREFIXES.some((prefix) => key.startsWith(prefix))) return update(key, valueFn);
    update(key, (prev) => {
      const next = valueFn(prev ? [prev[0] + 1, prev[1]] : prev);
      return next && prev ? [next[0] - 1, next[1]] : next;
    });
  }) as typeof cache.opUpdate;
  return cache;
}
