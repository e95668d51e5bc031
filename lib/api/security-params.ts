import 'server-only';
import { z } from 'zod';
import { IP_MATCH_HINT, parseIpMatch } from '@/lib/filters/ip-match';
import type { SecurityFilter } from '@/lib/queries/security-filter';
import { decimal, optionalNames, text } from './params';

/**
 * The security-event filter as the list, the summary and the snapshot take
 * it: `severity`, `event_type`, `service`, `action` (each repeatable: any of
 * them), `source_ip` (an address or a CIDR range), `min_threat` and
 * `max_threat` (0..1, both inclusive). All must match.
 */
export const securityFilterParams = z
  .object({
    severity: optionalNames(10),
    event_type: optionalNames(50),
    service: optionalNames(50),
    action: optionalNames(20),
    source_ip: text(64)
      .transform((raw, ctx) => {
        const match = parseIpMatch(raw);
        if (!match) {
          ctx.addIssue({ code: 'custom', message: IP_MATCH_HINT });
          return z.NEVER;
        }
        return match;
      })
      .optional(),
    min_threat: decimal(0, 1).optional(),
    max_threat: decimal(0, 1).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.min_threat !== undefined && f.max_threat !== undefined && f.min_threat > f.max_threat) {
      ctx.addIssue({ code: 'custom', path: ['max_threat'], message: 'must be at least min_threat' });
    }
  });

export function toSecurityFilter(q: z.infer<typeof securityFilterParams>): SecurityFilter {
  return {
    severities: q.severity,
    eventTypes: q.event_type,
    services: q.service,
    actions: q.action,
    sourceIp: q.source_ip,
    minThreat: q.min_threat,
    maxThreat: q.max_threat,
  };
}
