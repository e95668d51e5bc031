import { afterEach, describe, expect, it } from 'vitest';
import { GET } from './route';

const call = async () => {
  const res = await GET(new Request('http://flashback.test/api/config'));
  return { status: res.status, body: await res.json() };
};

afterEach(() => {
  delete process.env.FLASHBACK_GRAFANA_URL;
  delete process.env.FLASHBACK_GRAFANA_PANELS;
});

describe('GET /api/config', () => {
  it('reports no Grafana when none is configured', async () => {
    expect(await call()).toEqual({ status: 200, body: { grafana: { url: null, panels: [] } } });
  });

  it('returns the configured Grafana and its panels', async () => {
    process.env.FLASHBACK_GRAFANA_URL = 'https://grafana.example.com/';
    process.env.FLASHBACK_GRAFANA_PANELS = '[{"dashboardUid":"trading","panelId":4,"title":"Order latency"}]';
    expect(await call()).toEqual({
      status: 200,
      body: { grafana: { url: 'https://grafana.example.com', panels: [{ dashboardUid: 'trading', panelId: 4, title: 'Order latency' }] } },
    });
  });

  it('says which setting is wrong instead of failing obscurely', async () => {
    process.env.FLASHBACK_GRAFANA_URL = 'https://grafana.example.com';
    process.env.FLASHBACK_GRAFANA_PANELS = '[{"dashboardUid":"../../admin","panelId":4,"title":"x"}]';
    const { status, body } = await call();
    expect(status).toBe(500);
    expect(body.error.message).toMatch(/FLASHBACK_GRAFANA_PANELS/);
  });
});
