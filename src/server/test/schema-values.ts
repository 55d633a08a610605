import fc from 'fast-check';
import { z } from 'zod';

/**
 * Values derived from a route's own zod schemas, so that generated checks keep up with new routes:
 * `validValue` finds an input the schema accepts (minimal: only required fields, or full: every field),
 * and the `fuzz*` arbitraries produce hostile inputs around it.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: Json[];
  const?: Json;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

export const isZodSchema = (value: unknown): value is z.ZodType => value instanceof z.ZodType;

/** The input side of a zod schema as JSON Schema (what a client must send). */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Strings tried, in order, for a string field: the first the schema accepts wins. */
const STRING_CANDIDATES = ['Quarterdeck', '2027-01-04', 'CNY', 'UTC', 'new.user@example.com', 'a', 'abcdefghijklmnopqrstuvwxyz0123456789'];

function stringCandidates(js: JsonSchema): string[] {
  const min = js.minLength ?? 0;
  const max = js.maxLength ?? Number.POSITIVE_INFINITY;
  const pattern = js.pattern ? new RegExp(js.pattern, 'u') : null;
  const fits = (s: string) =>
    [...s].length >= min && [...s].length <= max && (!pattern || pattern.test(s)) && (js.format !== 'email' || s.includes('@'));
  const pool = [...STRING_CANDIDATES, 'x'.repeat(Math.max(min, 1)), 'y'.repeat(Math.min(Math.max(min, 12), max))];
  const found = pool.filter(fits);
  if (found.length > 0 || !pattern) return found;
  return fc.sample(fc.stringMatching(pattern), { numRuns: 30, seed: 7 }).filter(fits);
}

function numberCandidates(js: JsonSchema, integer: boolean): number[] {
  const lo = js.minimum ?? (js.exclusiveMinimum !== undefined ? js.exclusiveMinimum + (integer ? 1 : 0.5) : 0);
  const hi = js.maximum ?? (js.exclusiveMaximum !== undefined ? js.exclusiveMaximum - (integer ? 1 : 0.5) : lo + 100);
  return [lo, Math.min(lo + 1, hi), hi, Math.floor((lo + hi) / 2)];
}

const typesOf = (js: JsonSchema): string[] => (Array.isArray(js.type) ? js.type : js.type ? [js.type] : []);

class Builder {
  constructor(
    private readonly choices: Map<string, number>,
    private readonly full: boolean,
  ) {}

  private pick<T>(path: string, options: T[], offset = 0): T | undefined {
    if (options.length === 0) return undefined;
    return options[((this.choices.get(path) ?? 0) + offset) % options.length];
  }

  build(js: JsonSchema, path: string, offset = 0): Json | undefined {
    if (js.const !== undefined) return js.const;
    if (js.enum) return this.pick(path, js.enum, offset);
    const alternatives = js.anyOf ?? js.oneOf;
    if (alternatives) {
      // Non-null alternatives first: a null is a poor sample when a value is allowed.
      const ordered = [...alternatives].sort((a, b) => Number(typesOf(a).includes('null')) - Number(typesOf(b).includes('null')));
      const chosen = this.pick(`${path}#alt`, ordered) as JsonSchema;
      return this.build(chosen, path, offset);
    }
    if (js.allOf?.length) return this.build(Object.assign({}, ...js.allOf) as JsonSchema, path, offset);
    const types = typesOf(js).filter((t) => t !== 'null');
    const type = types[0] ?? (typesOf(js).includes('null') ? 'null' : js.properties ? 'object' : 'string');
    switch (type) {
      case 'object': {
        const out: Record<string, Json> = {};
        const required = new Set(js.required ?? []);
        for (const [key, child] of Object.entries(js.properties ?? {})) {
          // Optional fields: all of them in full mode, else only those a refusal asked for ("give either a or b").
          if (!this.full && !required.has(key) && !this.choices.has(`${path}.${key}#include`)) continue;
          // An optional field no candidate satisfies is left out.
          if (!required.has(key) && (this.choices.get(`${path}.${key}`) ?? 0) >= 10) continue;
          const value = this.build(child, `${path}.${key}`);
          if (value !== undefined) out[key] = value;
        }
        return out;
      }
      case 'array': {
        const count = this.full ? Math.min(Math.max(js.minItems ?? 0, 1), js.maxItems ?? 1) : (js.minItems ?? 0);
        const out: Json[] = [];
        for (let i = 0; i < count; i++) {
          const item = js.prefixItems?.[i] ?? js.items ?? {};
          const value = this.build(item, `${path}[]`, i);
          if (value !== undefined) out.push(value);
        }
        return out;
      }
      case 'string':
        return this.pick(path, stringCandidates(js), offset);
      case 'integer':
        return this.pick(path, numberCandidates(js, true), offset);
      case 'number':
        return this.pick(path, numberCandidates(js, false), offset);
      case 'boolean':
        return this.pick(path, [true, false], offset);
      case 'null':
        return null;
      default:
        return 'x';
    }
  }
}

const pathKey = (path: PropertyKey[]) => path.map((p) => (typeof p === 'number' ? '[]' : `.${String(p)}`)).join('');

/**
 * An input that `schema` accepts: built from its JSON Schema, then repaired field by field where a
 * refinement the JSON Schema cannot express (a real date, a time zone, an e-mail) refuses it.
 * `stringify` turns leaves into strings first (query strings). Throws when no such value is found.
 */
const validCache = new WeakMap<z.ZodType, Map<string, Json>>();

export function validValue(
  schema: z.ZodType,
  options: { full?: boolean; stringify?: boolean; overrides?: Record<string, Json> } = {},
): Record<string, Json> | Json {
  // Memoized: generated checks ask for the same schema's value thousands of times.
  const key = JSON.stringify([options.full ?? false, options.stringify ?? false, options.overrides ?? null]);
  const cached = validCache.get(schema)?.get(key);
  if (cached !== undefined) return structuredClone(cached);
  const value = findValidValue(schema, options);
  if (!validCache.has(schema)) validCache.set(schema, new Map());
  validCache.get(schema)?.set(key, value);
  return structuredClone(value);
}

function findValidValue(schema: z.ZodType, options: { full?: boolean; stringify?: boolean; overrides?: Record<string, Json> }): Json {
  const js = inputJsonSchema(schema);
  const choices = new Map<string, number>();
  let lastError = '';
  for (let attempt = 0; attempt < 60; attempt++) {
    let value = new Builder(choices, options.full ?? false).build(js, '') ?? null;
    if (options.overrides && value && typeof value === 'object' && !Array.isArray(value)) value = { ...value, ...options.overrides };
    if (options.stringify && value && typeof value === 'object' && !Array.isArray(value)) {
      value = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return value;
    lastError = JSON.stringify(parsed.error.issues);
    for (const issue of parsed.error.issues) {
      const key = pathKey(issue.path);
      const leaves = [...choices.keys()].filter((k) => k.startsWith(key));
      // Refused as a whole (e.g. two dates that must not overlap): vary its fields too.
      for (const target of leaves.length > 0 && issue.path.length === 0 ? leaves : [key, `${key}#alt`]) {
        choices.set(target, (choices.get(target) ?? 0) + 1);
      }
      if (issue.path.length > 0) choices.set(`${key}#include`, 1);
    }
  }
  throw new Error(`No valid value found for schema ${JSON.stringify(js)}: ${lastError}`);
}

// ---------------------------------------------------------------------------------------------------
// Fuzzing

/**
 * `rep('x', 300_000)` stands for a long string: generated values stay small enough to print in a
 * failure report, and `expandMarkers` turns them into the real thing just before a request is sent.
 */
export const rep = (char: string, times: number) => `\uE000rep:${char}:${times}\uE000`;
export const expandMarkers = (text: string) =>
  text.replace(/\uE000rep:(.+?):(\d+)\uE000/gu, (_m, char: string, times: string) => char.repeat(Number(times)));

/** Strings that have broken servers before: control characters, odd numbers, paths, SQL, huge, unicode. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-1e999',
  '-0',
  '0x10',
  '1_000',
  '9007199254740993',
  '-9223372036854775809',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  '../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  "'; drop table projects; --",
  '" or 1=1 --',
  '%',
  '%00',
  '%%',
  '\\',
  '_',
  '*',
  '$where',
  '😀🏴‍☠️',
  'ÅÍÎÏ˝ÓÔ',
  '٣٤',
  'ﷺ',
  '\u202e\u200b\ufeff',
  '中文项目名称',
  '2027-02-30',
  '2027-13-01',
  '0000-00-00',
  '9999-12-31',
  '2027-01-04T00:00:00Z',
  'Mars/Olympus',
  '=HYPERLINK("http://x")',
  '<script>alert(1)</script>',
  'a'.repeat(65),
  'b'.repeat(257),
  rep('c', 5_000),
  rep('d', 25_000),
  rep('字', 1_100),
];

/** Control characters (U+0000 above all) that one database stores and another refuses. */
const CONTROL_CHARS = ['\u0000', '\u0001', '\u0008', '\u001b', '\u007f', '\u0085', '\u2028', '\ufffe', '\uffff'];

export const fuzzString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...CONTROL_CHARS), fc.string({ maxLength: 12 }))
      .map(([a, c, b]) => `${a}${c}${b}`),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constant(rep('h', 300_000)) },
);

export const fuzzNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, -1, 0.1, 1.5, 168.0000001, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 9e12, 9e12 + 1),
);

export const fuzzKey: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'id', 'workspaceId', 'version', ''),
);

/** Nested `depth` levels deep: arrays or objects. */
export const deeplyNested = fc.tuple(fc.integer({ min: 1, max: 500 }), fc.boolean()).map(([depth, useArrays]) => {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = useArrays ? [value] : { a: value };
  return value;
});

export const fuzzJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fuzzString,
    fuzzNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fuzzKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** JSON texts that a JSON.parse-and-merge server would mishandle. */
export const RAW_BODIES = [
  '{"__proto__":{"isAdmin":true,"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"name":"x","__proto__":{"polluted":"yes"}}',
  '{',
  '{"a":',
  '[1,2',
  'nul',
  '"\\ud800"',
  '{"a":"\\u0000"}',
  '1e99999',
  '-',
  '\u0000',
  '{"a":1,"a":2}',
  `${rep('[', 2000)}${rep(']', 2000)}`,
  `${rep('{"a":', 1000)}1${rep('}', 1000)}`,
  `{"name":"${rep('n', 1_100_000)}"}`,
];

export type FuzzBody = { kind: 'none' } | { kind: 'json'; value: Json } | { kind: 'raw'; text: string; contentType: string };

/** Bodies around a route's schema: random JSON, a valid body with one field made hostile, raw texts. */
export function fuzzBody(schema: z.ZodType | undefined): fc.Arbitrary<FuzzBody> {
  const base = schema ? safeValid(schema) : null;
  const keys = base && typeof base === 'object' && !Array.isArray(base) ? Object.keys(base) : [];
  const mutated: fc.Arbitrary<FuzzBody> =
    base && typeof base === 'object' && !Array.isArray(base)
      ? fc
          .tuple(fc.constantFrom(...(keys.length ? keys : ['x'])), fc.oneof(fuzzJson, fuzzString), fc.option(fc.tuple(fuzzKey, fuzzJson)))
          .map(([key, value, extra]) => {
            const body: Record<string, Json> = { ...base, [key]: value };
            if (extra) body[extra[0]] = extra[1];
            return { kind: 'json', value: body };
          })
      : fuzzJson.map((value) => ({ kind: 'json', value }));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<FuzzBody>({ kind: 'none' }) },
    { weight: 3, arbitrary: fuzzJson.map((value): FuzzBody => ({ kind: 'json', value })) },
    { weight: 4, arbitrary: mutated },
    { weight: 1, arbitrary: fc.constant<FuzzBody>(base === null ? { kind: 'none' } : { kind: 'json', value: base }) },
    { weight: 1, arbitrary: deeplyNested.map((value): FuzzBody => ({ kind: 'json', value: { name: value } })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...RAW_BODIES),
          fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
        )
        .map(([text, contentType]): FuzzBody => ({ kind: 'raw', text, contentType })),
    },
  );
}

function safeValid(schema: z.ZodType, options: { stringify?: boolean } = {}): Json | null {
  try {
    return validValue(schema, { full: true, ...options }) as Json;
  } catch {
    return null;
  }
}

export type FuzzQuery = { pairs: [string, string][]; raw: string | null };

/** Query strings around a route's querystring schema: its keys and random ones, hostile values, repeats. */
export function fuzzQuery(schema: z.ZodType | undefined): fc.Arbitrary<FuzzQuery> {
  const base = schema ? safeValid(schema, { stringify: true }) : null;
  const baseEntries: [string, string][] =
    base && typeof base === 'object' && !Array.isArray(base) ? Object.entries(base).map(([k, v]) => [k, String(v)]) : [];
  const schemaKeys = schema ? Object.keys(inputJsonSchema(schema).properties ?? {}) : [];
  const key = schemaKeys.length ? fc.oneof(fc.constantFrom(...schemaKeys), fuzzKey) : fuzzKey;
  const value = fc.oneof(fuzzString, fuzzNumber.map(String));
  return fc
    .tuple(
      fc.boolean(),
      fc.array(fc.tuple(key, value), { maxLength: 5 }),
      fc.option(fc.constantFrom('&&&', '%', '=%ZZ', 'a[b]=1', 'a[__proto__][x]=1', 'limit=1&limit=2')),
    )
    .map(([keepBase, pairs, raw]) => ({ pairs: [...(keepBase ? baseEntries : []), ...pairs], raw }));
}

export function encodeQuery(query: FuzzQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of query.pairs) params.append(wellFormed(expandMarkers(k)), wellFormed(expandMarkers(v)));
  const text = params.toString();
  return query.raw ? `${text}&${query.raw}` : text;
}

/** Replaces lone surrogates, which cannot be percent-encoded at all. */
export const wellFormed = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

export type FuzzParam = { value: string; raw?: true };

/** A path parameter: a real id (to get past the lookups), something hostile, or a raw malformed escape. */
export function fuzzParam(realIds: string[]): fc.Arbitrary<FuzzParam> {
  const hostile = fuzzString.map((value): FuzzParam => ({ value }));
  const raw = fc.constantFrom('%', '%ZZ', '%E0%A4%A', '..', '.').map((value): FuzzParam => ({ value, raw: true }));
  return realIds.length
    ? fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(...realIds).map((value): FuzzParam => ({ value })) },
        { weight: 3, arbitrary: hostile },
        { weight: 1, arbitrary: raw },
      )
    : fc.oneof({ weight: 4, arbitrary: hostile }, { weight: 1, arbitrary: raw });
}

export const encodeParam = (param: FuzzParam) => (param.raw ? param.value : encodeURIComponent(wellFormed(expandMarkers(param.value))));

/** `value` with every string inside replaced by `text` (keys kept): a valid shape carrying hostile text. */
export function withEveryString(value: Json, text: string): Json {
  if (typeof value === 'string') return text;
  if (Array.isArray(value)) return value.map((v) => withEveryString(v, text));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withEveryString(v, text)]));
  return value;
}

/** A valid full body/query for `schema`, or null when none can be derived. */
export function validOrNull(schema: z.ZodType | undefined, options: { stringify?: boolean } = {}): Json | null {
  return schema ? safeValid(schema, options) : null;
}

/** Texts every route sees in every string slot at least once, before the random runs. */
export const ALWAYS_TRIED = ['\u0000', 'a\u0000b', '\ud800', rep('h', 300_000), '1e999', '%'];
