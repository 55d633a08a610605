import { describe, expect, it } from 'vitest';
import { keptStyleCache } from './kept-styles';

type Entry = [number, unknown] | null;

/** What cssinjs's useGlobalCache does with an entry: made on mount, counted in its effect, counted down on unmount. */
function lifecycle(cache: ReturnType<typeof keptStyleCache>, key: string, make: () => unknown, onRemove: () => void) {
  const update = (fn: (prev: Entry) => Entry) => cache.opUpdate(key, fn as never);
  return {
    mount() {
      update((prev) => {
        const [times = 0, value] = prev ?? [];
        return [times, value ?? make()];
      });
      update((prev) => [(prev as [number, unknown])[0] + 1, (prev as [number, unknown])[1]]);
    },
    unmount() {
      update((prev) => {
        const [times = 0, value] = prev ?? [];
        if (times - 1 === 0) {
          onRemove();
          return null;
        }
        return [times - 1, value];
      });
    },
  };
}

describe('the kept style cache', () => {
  it('keeps a component style made once through unmounts and remounts, and counts users as before', () => {
    const cache = keptStyleCache();
    let made = 0;
    let removed = 0;
    const style = lifecycle(
      cache,
      'style%hash%Button',
      () => ({ css: `.btn{}`, n: ++made }),
      () => removed++,
    );
    style.mount();
    style.mount(); // a second button
    expect(cache.opGet('style%hash%Button')?.[0]).toBe(2);
    style.unmount();
    style.unmount();
    expect(removed).toBe(0);
    expect(cache.opGet('style%hash%Button')?.[0]).toBe(0);
    style.mount();
    expect(made).toBe(1);
    expect(cache.opGet('style%hash%Button')?.[0]).toBe(1);
  });

  it('keeps CSS variables too, and leaves other entries (theme tokens) to cssinjs', () => {
    const cache = keptStyleCache();
    let removed = 0;
    const vars = lifecycle(
      cache,
      'cssVar%Select',
      () => '--ant-select: 1',
      () => removed++,
    );
    vars.mount();
    vars.unmount();
    expect(removed).toBe(0);
    const token = lifecycle(
      cache,
      'token%theme',
      () => ({}),
      () => removed++,
    );
    token.mount();
    token.unmount();
    expect(removed).toBe(1);
    expect(cache.opGet('token%theme')).toBeNull();
  });
});
