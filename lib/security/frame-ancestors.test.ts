import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, embedFrameAncestors, framePolicy } from './frame-ancestors';

describe('frame-ancestors', () => {
  it("allows only the same origin by default, everywhere", () => {
    expect(framePolicy('/embed', undefined)).toBe("frame-ancestors 'self'");
    expect(framePolicy('/', undefined)).toBe("frame-ancestors 'self'");
  });

  it('lets the configured origins frame /embed only', () => {
    const env = 'https://grafana.example.com  https://*.corp.example:3000';
    expect(framePolicy('/embed', env)).toBe('frame-ancestors https://grafana.example.com https://*.corp.example:3000');
    expect(framePolicy('/', env)).toBe("frame-ancestors 'self'");
  });

  it('ends the whole page policy with the frame policy, scripts and data from this origin only', () => {
    const policy = contentSecurityPolicy('/embed', 'https://grafana.example.com');
    expect(policy).toMatch(/^default-src 'self'; script-src 'self' 'unsafe-inline'/);
    expect(policy).toMatch(/connect-src 'self'; object-src 'none'; .*; frame-ancestors https:\/\/grafana\.example\.com$/);
  });

  it('refuses values that would break or widen the header', () => {
    expect(() => embedFrameAncestors("https://ok.example; script-src 'unsafe-inline'")).toThrow(/not a CSP source/);
    expect(() => embedFrameAncestors('javascript:alert(1)')).toThrow(/not a CSP source/);
  });
});
