import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { THEME_BOOT_SCRIPT } from '@/lib/client/theme-script';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'Flashback',
  description: 'Time-travel debugger for trading-system observability data in ClickHouse',
  // The absolute base of shared-link previews; without it they resolve against the request's host.
  ...(process.env.FLASHBACK_PUBLIC_URL ? { metadataBase: new URL(process.env.FLASHBACK_PUBLIC_URL) } : {}),
  // app/icon.svg is the favicon; these are the raster forms (public/, rendered by scripts/assets/render-public.ts).
  icons: {
    icon: [{ url: '/favicon.ico', sizes: '32x32' }, { url: '/icon-192.png', sizes: '192x192', type: 'image/png' }, { url: '/icon-512.png', sizes: '512x512', type: 'image/png' }],
    apple: '/apple-touch-icon.png',
  },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Applies the stored or system theme before the first paint (no flash of the wrong theme). */}
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body className="font-sans antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
