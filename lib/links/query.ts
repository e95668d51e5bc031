/**
 * Sets a few parameters of a query string and keeps every other pair exactly
 * as written. URLSearchParams#toString would re-encode the whole string
 * (`panel=m;p99;@exchange` → `panel=m%3Bp99%3B%40exchange`), making shared
 * links longer and harder to read than the address they came from.
 */
export function withParams(search: string, values: Readonly<Record<string, string>>): string {
  const pending = new Map(Object.entries(values));
  const pairs: string[] = [];
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const key = new URLSearchParams(pair).keys().next().value;
    if (key === undefined || !Object.hasOwn(values, key)) pairs.push(pair);
    else if (pending.has(key)) {
      // The first occurrence is replaced in place (order kept); later repeats are dropped.
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(values[key] ?? '')}`);
      pending.delete(key);
    }
  }
  for (const [key, value] of pending) pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}
