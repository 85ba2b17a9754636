/**
 * TypeBox pieces for definitions that are data and documentation at once (event payloads): modules declare a
 * payload once as a schema, its TypeScript type is `Static` of it, and the OpenAPI document publishes the schema.
 */
import { Type, type TSchema, type TUnsafe } from '@sinclair/typebox';

/** A string enum as JSON Schema `enum` (what readers of the document and code generators expect). */
export function StringEnum<const T extends readonly string[]>(values: T, opts: { description?: string } = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...opts });
}

/** `T` or null. */
export function OrNull<T extends TSchema>(t: T, description?: string) {
  return Type.Union([t, Type.Null()], description === undefined ? {} : { description });
}
