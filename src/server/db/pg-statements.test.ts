import { describe, expect, it } from 'vitest';
import { StatementNamer } from './pg-statements.js';

describe('StatementNamer', () => {
  it('names a text on its third run, keeps that name, and gives different texts different names', () => {
    const namer = new StatementNamer(3, 10);
    expect(namer.nameFor('select 1')).toBeUndefined();
    expect(namer.nameFor('select 1')).toBeUndefined();
    const name = namer.nameFor('select 1');
    expect(name).toMatch(/^qd_\d+$/);
    expect(namer.nameFor('select 1')).toBe(name);
    for (let i = 0; i < 3; i++) namer.nameFor('select 2');
    expect(namer.nameFor('select 2')).not.toBe(name);
  });

  it('names no more texts than its capacity, and forgets counts beyond what it tracks', () => {
    const namer = new StatementNamer(2, 2, 3);
    for (const text of ['a', 'a', 'b', 'b', 'c', 'c']) namer.nameFor(text);
    expect(namer.nameFor('a')).toBeDefined();
    expect(namer.nameFor('b')).toBeDefined();
    expect(namer.nameFor('c')).toBeUndefined(); // full: c stays unnamed

    const forgetful = new StatementNamer(2, 10, 3);
    for (const text of ['a', 'b', 'c', 'd']) forgetful.nameFor(text); // the fourth text clears the counts
    expect(forgetful.nameFor('a')).toBeUndefined();
    expect(forgetful.nameFor('a')).toBeDefined();
  });
});
