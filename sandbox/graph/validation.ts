import { badRequest } from './errors';

/**
 * Graph refuses a request body with a property its type does not define (a typo never passes silently).
 * OData annotations (`@odata.type`, `x@odata.bind`) are allowed.
 */
export const rejectUnknownProperties = (body: Record<string, unknown>, known: string[], typeName: string): void => {
  const allowed = new Set(known.map((name) => name.toLowerCase()));
  for (const key of Object.keys(body)) {
    if (key.startsWith('@odata.') || key.includes('@odata.')) continue;
    if (!allowed.has(key.toLowerCase())) {
      throw badRequest(
        `The property '${key}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
        'RequestBodyRead',
      );
    }
  }
};

export const asObject = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

export const optionalString = (value: unknown, field: string): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw badRequest(
      `Cannot convert a primitive value to the expected type 'Edm.String' for '${field}'.`,
      'RequestBodyRead',
    );
  }
  return value;
};

export const optionalBoolean = (value: unknown, field: string): boolean | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') {
    throw badRequest(
      `Cannot convert the literal '${String(value)}' to the expected type 'Edm.Boolean' for '${field}'.`,
      'RequestBodyRead',
    );
  }
  return value;
};
