/** Shared TypeBox pieces for the HTTP edge. */
import { Type, type TSchema } from '@sinclair/typebox';

export const Sku = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._:/-]*$', description: 'Stock keeping unit' });
export const LocationCode = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
/** A count of units: whole, positive, and bounded so sums never leave safe integers. */
export const Quantity = Type.Integer({ minimum: 1, maximum: 1_000_000 });
export const StockCount = Type.Integer({ minimum: 0, maximum: 1_000_000_000 });
export const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Unknown() }),
  },
  { $id: 'Error' },
);

export const errorResponses = {
  400: Type.Ref('Error'),
  401: Type.Ref('Error'),
  403: Type.Ref('Error'),
  404: Type.Ref('Error'),
  409: Type.Ref('Error'),
};

export function Nullable<T extends TSchema>(t: T) {
  return Type.Union([t, Type.Null()]);
}
