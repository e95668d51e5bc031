/**
 * `key=value`: a span attribute filter (the traces lane's `tattr`, the API's
 * `attribute`). The key is everything before the first `=` and may not be
 * empty; the value is the rest and may hold `=` itself, or be empty.
 */

export interface AttributeFilter {
  key: string;
  value: string;
}

export const MAX_ATTRIBUTE_FILTER = 400;

export function parseAttributeFilter(text: string): AttributeFilter | null {
  const eq = text.indexOf('=');
  if (eq <= 0 || text.length > MAX_ATTRIBUTE_FILTER) return null;
  const key = text.slice(0, eq).trim();
  return key === '' ? null : { key, value: text.slice(eq + 1) };
}

export const formatAttributeFilter = (f: AttributeFilter) => `${f.key}=${f.value}`;
