/**
 * Values read from the database, reused while the database is unchanged. `stateOf` names the state of the
 * data (`DbContext.dataKey`); it is read before the value is loaded, so a value is never stored under
 * a state newer than what it was read from, and any write anywhere makes every stored value miss. Bounded
 * by count, oldest out first. Values are shared between callers: they must not be changed.
 */
export class StateCache<T> {
  private readonly entries = new Map<string, { state: string; value: T }>();

  constructor(
    private readonly stateOf: () => string,
    private readonly max = 1000,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const state = this.stateOf();
    const entry = this.entries.get(key);
    if (entry && entry.state === state) return entry.value;
    const value = await load();
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { state, value });
    return value;
  }
}
