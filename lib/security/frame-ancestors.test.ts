import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, embedFrameAncestors } from './frame-ancestors';

describe('frame-ancestors', () => {
  it("allows only the same origin by default, everywhere", () => {
    expect(contentSecurityPolicy('/embed', undefined)).toBe("frame-ancestors 'self'");
    expect(contentSecurityPolicy('/', undefined)).toBe("frame-ancestors 'self'");
  });

  it('lets the configured origins frame /embed only', () => {
    const env = 'https://grafana.example.com  https://*.corp.example:3000';
    expect(contentSecurityPolicy('/embed', env)).toBe('frame-ancestors https://grafana.example.com https://*.corp.example:3000');
    expect(contentSecurityPolicy('/', env)).toBe("frame-ancestors 'self'");
  });

  it('refuses values that would break or widen the header', () => {
    expect(() => embedFrameAncestors("https://ok.example; script-src 'unsafe-inline'")).toThrow(/not a CSP source/);
    expect(() => embedFrameAncestors('javascript:alert(1)')).toThrow(/not a CSP source/);
  });
});
