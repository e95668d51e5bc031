/**
 * The third e2e server: Flashback's server path. A ClickHouse stand-in
 * (test/stand-in/) over its own seeded engine, and a production server of the
 * main e2e build reaching it through CLICKHOUSE_URL with the account below
 * (e2e/support/serve-server-path.sh). Specs switch the stand-in's faults
 * through its control port (standInControl) and search what the app serves
 * for the account's credentials. Access control is on (basic auth), so this
 * is also the server mode with auth on; the main e2e server is embedded with
 * it off, and e2e/shutdown.spec.ts runs embedded behind a trusted proxy.
 */

export const SERVER_PATH_ACCOUNT = {
  user: 'fb_reader_e2e',
  // Distinctive, so that finding it anywhere in what the browser receives is never a coincidence.
  password: 'Xq9-lantern-PLUTO-7734-secret',
} as const;

/** Access control is on here (basic auth, FLASHBACK_USERS): the specs sign in as this viewer. */
export const SERVER_PATH_VIEWER = { username: 'viewer', password: 'e2e-viewer-passphrase' } as const;

const base = Number(process.env.E2E_PORT ?? 3100);

/** Ports: the Next server, the stand-in's ClickHouse HTTP port and its control port. */
export const SERVER_PATH_PORTS = {
  app: Number(process.env.E2E_SERVER_PATH_PORT ?? base + 2),
  clickhouse: Number(process.env.E2E_SERVER_PATH_CLICKHOUSE_PORT ?? base + 3),
  control: Number(process.env.E2E_SERVER_PATH_CONTROL_PORT ?? base + 4),
};

export const SERVER_PATH_BASE_URL = process.env.E2E_SERVER_PATH_BASE_URL ?? `http://127.0.0.1:${SERVER_PATH_PORTS.app}`;

/** What a test may switch on the stand-in (test/stand-in/serve.ts reads the same shape). */
export interface StandInState {
  up?: boolean;
  slowMs?: number;
  closeMidResponse?: boolean;
  rowsNotMatching?: boolean;
  databaseMissing?: boolean;
  diskFull?: boolean;
  maxConcurrentQueries?: number;
  /** The account's password on the server (Flashback keeps sending its own). */
  password?: string;
}

export const standInControl = {
  async set(state: StandInState): Promise<void> {
    const res = await fetch(`http://127.0.0.1:${SERVER_PATH_PORTS.control}/state`, { method: 'POST', body: JSON.stringify(state) });
    if (!res.ok) throw new Error(`stand-in control answered ${res.status}: ${await res.text()}`);
  },
  /** Back to a healthy server. */
  reset(): Promise<void> {
    return this.set({ up: true, slowMs: 0, closeMidResponse: false, rowsNotMatching: false, databaseMissing: false, diskFull: false, maxConcurrentQueries: 100, password: SERVER_PATH_ACCOUNT.password });
  },
};
