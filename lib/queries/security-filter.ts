import 'server-only';
import type { IpMatch } from '@/lib/filters/ip-match';

/**
 * Which security events a list, a count or a snapshot looks at, and how it is
 * bound into `sql/security/filter.sql`, the clause those queries include:
 * empty lists and unset values mean "any".
 */

export interface SecurityFilter {
  severities?: string[];
  eventTypes?: string[];
  services?: string[];
  actions?: string[];
  sourceIp?: IpMatch;
  minThreat?: number;
  maxThreat?: number;
}

export function boundSecurityFilter(filter: SecurityFilter) {
  const ip = filter.sourceIp;
  return {
    severities: filter.severities ?? [],
    event_types: filter.eventTypes ?? [],
    services: filter.services ?? [],
    actions: filter.actions ?? [],
    source_ip: ip?.kind === 'address' ? ip.address : '',
    source_cidr: ip?.kind === 'range' ? ip.cidr : '',
    min_threat_set: filter.minThreat === undefined ? 0 : 1,
    min_threat: filter.minThreat ?? 0,
    max_threat_set: filter.maxThreat === undefined ? 0 : 1,
    max_threat: filter.maxThreat ?? 1,
  };
}
