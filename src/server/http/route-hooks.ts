/** A route-level hook list with one more hook (Fastify accepts a function, an array or nothing). */
export function withHook<T>(existing: T | T[] | undefined, hook: T): T[] {
  return [...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]), hook];
}
