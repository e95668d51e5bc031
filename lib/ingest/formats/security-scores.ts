/**
 * How IDS verdicts become Flashback's severity and threat_score (0..1).
 * Suricata's alert.severity runs 1 (high) .. 3 (low); its anomaly and drop
 * records carry no severity and take fixed levels. Zeek's notices are things
 * a script judged worth a look, its "weird" records protocol oddities.
 */

export const SURICATA_SEVERITY: Record<number, { severity: string; threatScore: number }> = {
  1: { severity: 'critical', threatScore: 0.9 },
  2: { severity: 'warning', threatScore: 0.6 },
  3: { severity: 'info', threatScore: 0.3 },
};

export const SURICATA_DROP = { severity: 'warning', threatScore: 0.6 } as const;
export const SURICATA_ANOMALY = { severity: 'info', threatScore: 0.3 } as const;

export const ZEEK_NOTICE = { severity: 'warning', threatScore: 0.5 } as const;
export const ZEEK_WEIRD = { severity: 'info', threatScore: 0.2 } as const;
