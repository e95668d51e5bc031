import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // A separate build dir lets the e2e server and `npm run demo` coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native addons (chdb's libchdb.so) cannot be bundled: load them from node_modules at run time.
  serverExternalPackages: ['chdb', '@clickhouse/client'],
  // `next dev` blocks /_next/* for 127.0.0.1 unless allowed (Playwright uses it).
  allowedDevOrigins: ['127.0.0.1'],
  poweredByHeader: false,
};

export default nextConfig;
