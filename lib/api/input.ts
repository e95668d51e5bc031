import { z } from 'zod';

/**
 * Query strings as plain objects for zod: a key given once is a string, a key
 * given several times (`label=a:1&label=b:2`) an array.
 */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

/** One readable sentence for the first few problems, naming the parameter (not the index of a repeated one). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.filter((segment) => typeof segment === 'string');
      return path.length > 0 ? `${path.join('.')}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
