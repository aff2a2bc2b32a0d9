/**
 * A small JSON-schema → fast-check arbitrary for the fuzzer: values that fit the schema, and the hostile
 * neighbours of each (wrong types, 10k-character and unicode strings, extreme numbers, null, missing
 * required fields, extra fields, nested garbage, path-like and SQL-like text).
 */
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
};

export const hostileText = [
  '-1',
  '0',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '99999999999999999999999999999',
  '1.5',
  '0x10',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '\u0000',
  "1' OR '1'='1",
  "'; DROP TABLE member; --",
  'SELECT * FROM app_user',
  '1; SELECT pg_sleep(5)',
  '$1',
  '\\',
  '"',
  '{"$gt":""}',
  '<script>alert(1)</script>',
  '${7*7}',
  "=cmd|' /C calc'!A0",
  '\uD800',
  '\uDFFF\uD800',
  '😀👨‍👩‍👧',
  '北京市东城区总工会',
  '\u202E\u0635',
  ' ',
  '',
  '\t\r\n',
  '11010119900307001X',
  '13800138000',
  'true',
  'null',
  '[]',
  '{}',
];

const huge = fc.constantFrom('x'.repeat(10_000), '工'.repeat(10_000), '9'.repeat(10_000), '😀'.repeat(5_000));
const weirdString = fc.oneof(
  fc.constantFrom(...hostileText),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  huge,
);
const weirdNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const leaf = fc.oneof(weirdString, weirdNumber, fc.boolean(), fc.constant(null));
/** Arbitrary JSON-ish garbage nested a few levels deep. */
export const garbage: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString')), tie('node'), {
      maxKeys: 4,
    }),
  ),
})).node;

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  return schema.type;
}

/** A value that fits the schema (or nearly: bounds and patterns are only roughly respected). */
function fitting(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => value(s, depth)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (typeOf(schema)) {
    case 'integer': {
      const min = Math.max(schema.minimum ?? -1000, -1_000_000);
      const max = Math.min(schema.maximum ?? 1000, 1_000_000);
      return fc.oneof(fc.integer({ min, max: Math.max(min, max) }), fc.integer({ min: 1, max: 60 }));
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? value(schema.items, depth + 1) : garbage, { maxLength: 5 });
    case 'object':
      return objectOf(schema, depth);
    case 'string':
    default:
      if (schema.format === 'date' || schema.pattern?.includes('\\d{4}-')) return fc.constantFrom('2026-05-30', '2026-13-40', '1900-01-01');
      return fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
  }
}

/** A value for this schema: mostly fitting, often hostile. */
export function value(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 3) return leaf;
  const wrong = fc.oneof(weirdString, weirdNumber, fc.boolean(), fc.constant(null), garbage);
  return fc.oneof({ arbitrary: fitting(schema, depth), weight: 3 }, { arbitrary: wrong, weight: 2 });
}

/** An object: each property present or not (required ones too, sometimes), plus extra fields now and then. */
export function objectOf(schema: JsonSchema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = props.map(([name, s]) =>
    fc.option(value(s, depth + 1), { freq: required.has(name) ? 10 : 2, nil: undefined }).map((v) => [name, v] as const),
  );
  const extra = fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), garbage, { maxKeys: 3 }), { freq: 4, nil: undefined });
  return fc.tuple(fc.tuple(...fields), extra).map(([pairs, more]) => {
    const out: Record<string, unknown> = { ...(more ?? {}) };
    for (const [name, v] of pairs) if (v !== undefined) out[name] = v;
    return out;
  });
}

/** A path parameter: small valid ids and hostile text. */
export const pathParam: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 60 }).map(String), weight: 2 },
  { arbitrary: fc.constantFrom(...hostileText.filter((t) => t.length > 0)), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), weight: 1 },
);

/** How a query value is written into the URL. */
export function queryText(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => queryText(x));
  if (v === null) return ['null'];
  if (typeof v === 'object') return [JSON.stringify(v)];
  return [String(v)];
}
