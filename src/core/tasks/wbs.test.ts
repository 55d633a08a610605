import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outline, subtreeOf, type WbsTask } from './wbs';

const t = (id: string, parentId: string | null, sortOrder: number): WbsTask => ({ id, parentId, sortOrder });

const labels = (tasks: WbsTask[]) => {
  const o = outline(tasks);
  return Array.from(o.order, (i) => `${o.wbs[i]} ${tasks[i].id} d${o.depth[i]}${o.isSummary[i] ? ' S' : ''}`);
};

describe('outline', () => {
  it('orders parents before children, siblings by sortOrder then id, and numbers them', () => {
    const tasks = [
      t('c', 'a', 1),
      t('b', null, 2),
      t('a', null, 0),
      t('d', 'a', 0),
      t('e', 'd', 5),
      t('f', 'a', 1), // same sortOrder as c: by id, c before f
      t('g', null, 2), // same sortOrder as b: by id
    ];
    expect(labels(tasks)).toEqual(['1 a d0 S', '1.1 d d1 S', '1.1.1 e d2', '1.2 c d1', '1.3 f d1', '2 b d0', '3 g d0']);
  });

  it('shows a task whose parent is missing, or a task that is its own parent, at the top level', () => {
    expect(labels([t('x', 'gone', 0), t('y', 'y', 1)])).toEqual(['1 x d0', '2 y d0']);
  });

  it('still lists every task once when parents form a cycle (which the API never stores)', () => {
    const o = outline([t('r', null, 0), t('p', 'q', 0), t('q', 'p', 1)]);
    expect(Array.from(o.order).sort()).toEqual([0, 1, 2]);
    expect(o.wbs).toEqual(['1', '2', '2.1']);
  });

  it('walks a chain deeper than the call stack', () => {
    const tasks = Array.from({ length: 20_000 }, (_, i) => t(`n${i}`, i === 0 ? null : `n${i - 1}`, 0));
    const o = outline(tasks);
    expect(o.depth[19_999]).toBe(19_999);
    expect(o.order[19_999]).toBe(19_999);
  });

  it('lists each task exactly once, parents before children, for any forest', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(30), fc.nat(5)), { maxLength: 60 }), (spec) => {
        // Task i's parent is some earlier task (or none): always a forest.
        const tasks = spec.map(([p, sort], i) => t(`t${i}`, i === 0 || p % 3 === 0 ? null : `t${p % i}`, sort));
        const o = outline(tasks);
        const position = new Map(Array.from(o.order, (i, k) => [i, k]));
        expect(position.size).toBe(tasks.length);
        tasks.forEach((task, i) => {
          const p = o.parent[i];
          if (p >= 0) {
            expect(position.get(p)).toBeLessThan(position.get(i) as number);
            expect(o.wbs[i].startsWith(`${o.wbs[p]}.`)).toBe(true);
            expect(o.depth[i]).toBe(o.depth[p] + 1);
          } else expect(task.parentId === null || !tasks.some((x) => x.id === task.parentId)).toBe(true);
        });
        expect(new Set(o.wbs).size).toBe(tasks.length);
      }),
    );
  });
});

describe('subtreeOf', () => {
  it('gives the task and everything below it, root first', () => {
    const tasks = [t('a', null, 0), t('b', 'a', 0), t('c', 'b', 0), t('d', null, 1), t('e', 'a', 1)];
    expect(subtreeOf(tasks, 'a')).toEqual(['a', 'b', 'e', 'c']);
    expect(subtreeOf(tasks, 'c')).toEqual(['c']);
    expect(subtreeOf(tasks, 'd')).toEqual(['d']);
  });
});
