/**
 * Answers computed from the database (JSON text, or its bytes), reused while the database has not changed since.
 * `dataKey` names the state of the whole database (see `DbContext.dataKey`): it is read before the answer
 * is computed, so an answer is stored under a state at least as old as the data it was made from, and
 * any write anywhere makes every stored answer miss. Bounded by total size (characters of text, bytes of a Buffer); an entry also expires after
 * `ttlMs` (answers may hold clock-derived figures such as days in a stage).
 */
export class AnswerCache<T extends string | Buffer = string> {
  private readonly entries = new Map<string, { state: string; at: number; text: T }>();
  private size = 0;
  private readonly building = new Map<string, Promise<T>>();

  constructor(
    private readonly dataKey: () => string,
    private readonly maxSize = 16 * 1024 * 1024,
    private readonly ttlMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const state = this.dataKey();
    const entry = this.entries.get(key);
    if (entry && entry.state === state && this.now() - entry.at < this.ttlMs) return entry.text;
    // Callers that miss together on the same key and state share one build (ten people opening the board
    // just after a change, or as it expires, cost one build, not ten at once).
    const flight = `${state}\u0000${key}`;
    const building = this.building.get(flight);
    if (building) return building;
    const built = this.build(key, state, compute).finally(() => this.building.delete(flight));
    this.building.set(flight, built);
    return built;
  }

  private async build(key: string, state: string, compute: () => Promise<T>): Promise<T> {
    const text = await compute();
    this.forget(key);
    if (text.length <= this.maxSize) {
      while (this.size + text.length > this.maxSize) this.forget(this.entries.keys().next().value as string);
      this.entries.set(key, { state, at: this.now(), text });
      this.size += text.length;
    }
    return text;
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.size -= entry.text.length;
    this.entries.delete(key);
  }
}
