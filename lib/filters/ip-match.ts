/**
 * The source-IP filter's grammar, shared by the URL (client) and the API
 * (server): one IPv4 or IPv6 address (matched exactly, as written in the
 * data), or a CIDR range `address/prefix` (matched by ClickHouse's
 * `isIPAddressInRange`). Parsed here in plain TypeScript, without
 * `node:net`, because the browser parses the URL too.
 */

export type IpMatch = { kind: 'address'; address: string } | { kind: 'range'; cidr: string };

const IPV4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => IPV4_OCTET.test(p));
}

/** RFC 4291 text forms: eight groups, one `::` for a run of zero groups, an IPv4 tail; no zone id. */
export function isIPv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  const all = [...head, ...tail];
  // An IPv4 tail (`::ffff:192.0.2.1`) stands for the last two groups.
  const last = all[all.length - 1];
  const v4Tail = last !== undefined && last.includes('.');
  if (v4Tail && !isIPv4(last)) return false;
  const hex = v4Tail ? all.slice(0, -1) : all;
  if (!hex.every((g) => HEX_GROUP.test(g))) return false;
  const groups = hex.length + (v4Tail ? 2 : 0);
  return halves.length === 2 ? groups <= 7 : groups === 8;
}

const MAX_TEXT = 64;

/** The filter a text names, or null when it is neither an address nor a CIDR range. */
export function parseIpMatch(raw: string): IpMatch | null {
  const text = raw.trim();
  if (text === '' || text.length > MAX_TEXT) return null;
  const slash = text.indexOf('/');
  if (slash < 0) return isIPv4(text) || isIPv6(text) ? { kind: 'address', address: text } : null;
  const address = text.slice(0, slash);
  const prefix = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix)) return null;
  const bits = Number(prefix);
  if (isIPv4(address) ? bits <= 32 : isIPv6(address) ? bits <= 128 : false) return { kind: 'range', cidr: `${address}/${bits}` };
  return null;
}

export function formatIpMatch(match: IpMatch): string {
  return match.kind === 'address' ? match.address : match.cidr;
}

export const IP_MATCH_HINT = 'must be an IPv4 or IPv6 address, or a CIDR range such as 203.0.113.0/24';
