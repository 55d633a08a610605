import type { FastifyBaseLogger } from 'fastify';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
type Bindings = Record<string, unknown>;
type Options = { level?: string } & Record<string, unknown>;
type Parent = FastifyBaseLogger & { isLevelEnabled?: (level: string) => boolean };

/**
 * A request's logger that becomes pino's child (bound to the request id) on the first line written at an
 * enabled level. Fastify makes a child for every request, and pino builds one eagerly (bindings
 * serialized, log methods set up) though most requests log nothing: a tenth of a cheap request's time.
 */
export class LazyChildLogger {
  #child: FastifyBaseLogger | null = null;

  constructor(
    private readonly parent: Parent,
    private readonly bindings: Bindings,
    private readonly options: Options,
  ) {}

  /** pino's child, made now if it was not yet. */
  private get made(): FastifyBaseLogger {
    this.#child ??= this.parent.child(this.bindings, this.options);
    return this.#child;
  }

  get level(): string {
    return this.#child?.level ?? this.options.level ?? this.parent.level;
  }

  set level(level: string) {
    this.made.level = level;
  }

  /** Whether a line at `level` would be written; a request-level override or a made child decides itself. */
  private writes(level: Level): boolean {
    if (this.#child || this.options.level !== undefined || !this.parent.isLevelEnabled) return true;
    return this.parent.isLevelEnabled(level);
  }

  private write(level: Level, args: unknown[]): void {
    if (this.writes(level)) (this.made[level] as (...line: unknown[]) => void)(...args);
  }

  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: Options): FastifyBaseLogger {
    return this.made.child(bindings, options);
  }
}

/** Fastify's `childLoggerFactory`: each request gets a lazy child. */
export const lazyChildLoggerFactory = (logger: FastifyBaseLogger, bindings: Bindings, options: object): FastifyBaseLogger =>
  new LazyChildLogger(logger, bindings, options as Options) as unknown as FastifyBaseLogger;
