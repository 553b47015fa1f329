import fc from 'fast-check';

/** The part of JSON Schema that zod's toJSONSchema writes for the contract's inputs. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  maxItems?: number;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/** Values a real call might carry: the register's own ids, days, Vietnamese text, and the edges. */
export interface ValuePools {
  ids: string[];
}

const DAYS = ['2026-11-20', '2026-02-31', '1900-01-01', '2999-12-31', '2026-13-01', '20/11/2026'];
const TEXTS = ['Chợ Kỳ Bắc', 'cho ky bac', '', ' ', 'Đ', '=HYPERLINK("x")', '<script>x</script>', '../../etc/passwd', 'x'.repeat(5000), '\u0000', '🙂'];

function stringOf(schema: JsonSchema, pools: ValuePools): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...pools.ids), fc.uuid({ version: 7 }), fc.uuid());
  if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return fc.oneof(fc.constantFrom(...DAYS), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  const limit = schema.maxLength ?? 300;
  return fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: Math.min(limit + 2, 300), unit: 'grapheme' }) }, { weight: 1, arbitrary: fc.constantFrom(...TEXTS, ...pools.ids) });
}

/** An arbitrary of inputs shaped as the schema says, with edge values: most pass the schema, many reach the handlers. */
export function arbitraryOf(schema: JsonSchema, pools: ValuePools, root: JsonSchema = schema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  const next = (child: JsonSchema) => arbitraryOf(child, pools, root, depth + 1);
  if (schema.$ref) return next(root.$defs?.[schema.$ref.replace('#/$defs/', '')] ?? {});
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map(next));
  if (schema.allOf) return next(Object.assign({}, ...schema.allOf));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const model = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, next(child)]));
      return fc.record(model, { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) });
    }
    case 'array':
      return fc.array(next(schema.items ?? {}), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
    case 'string':
      return stringOf(schema, pools);
    case 'integer':
      return fc.oneof(fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1_000_000 }), fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER));
    case 'number':
      return fc.oneof(fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true }), fc.constantFrom(0, -0, 1e308));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.anything();
  }
}

/** A well-shaped input with one part broken (a field replaced by anything, or dropped), or anything at all. */
export function mutatedOf(shaped: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const broken = fc.tuple(shaped, fc.anything(), fc.nat()).map(([value, junk, pick]) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return junk;
    const keys = Object.keys(value);
    if (keys.length === 0) return junk;
    const copy: Record<string, unknown> = { ...value };
    const key = keys[pick % keys.length];
    if (pick % 3 === 0) delete copy[key];
    else copy[key] = junk;
    return copy;
  });
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 3, arbitrary: broken }, { weight: 1, arbitrary: fc.anything() });
}
