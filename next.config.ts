import type { NextConfig } from 'next';
import { API_POLICY } from './lib/security/frame-ancestors';

const nextConfig: NextConfig = {
  // A separate build dir lets the e2e server and `npm run demo` coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native addons (chdb's libchdb.so) cannot be bundled: load them from node_modules at run time.
  serverExternalPackages: ['chdb', '@clickhouse/client'],
  // `next dev` blocks /_next/* for 127.0.0.1 unless allowed (Playwright uses it).
  allowedDevOrigins: ['127.0.0.1'],
  poweredByHeader: false,
  // On every response; pages get their Content-Security-Policy from proxy.ts (it depends on the path and settings).
  async headers() {
    const everywhere = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    ];
    return [
      { source: '/:path*', headers: everywhere },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_POLICY }] },
    ];
  },
};

export default nextConfig;
