/**
 * Renders the static assets in public/ from app/icon.svg (the one drawn
 * source): the favicon set (favicon.ico, apple-touch-icon.png, icon-192.png,
 * icon-512.png) and the social-preview card (og.png, 1200×630) shown where a
 * link to Flashback is shared. Run after changing the icon:
 *   npx tsx scripts/assets/render-public.ts
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';

const root = path.resolve(import.meta.dirname, '../..');
const icon = await readFile(path.join(root, 'app/icon.svg'), 'utf8');

const card = `<!doctype html><html><body style="margin:0;width:1200px;height:630px;background:#0b1120;color:#e5e7eb;font-family:system-ui,sans-serif;display:flex;flex-direction:column;justify-content:center;padding:0 96px;box-sizing:border-box">
<div style="display:flex;align-items:center;gap:28px"><div style="width:120px;height:120px">${icon.replace('<svg ', '<svg width="120" height="120" ')}</div>
<div style="font-size:88px;font-weight:700;letter-spacing:-2px">Flashback</div></div>
<div style="margin-top:36px;font-size:40px;color:#9ca3af;line-height:1.3">Time-travel debugging for trading systems:<br>metrics, security events, anomalies and traces<br>on one timeline, straight from ClickHouse.</div>
<svg width="1008" height="90" style="margin-top:44px" viewBox="0 0 1008 90"><polyline fill="none" stroke="#60a5fa" stroke-width="5" stroke-linejoin="round" points="0,70 120,62 240,66 360,58 420,20 470,80 540,60 660,64 780,52 900,56 1008,50"/><line x1="445" y1="0" x2="445" y2="90" stroke="#f472b6" stroke-width="6"/></svg>
</body></html>`;

/** An ICO file holding one PNG image (Windows Vista+ and every browser read PNG-in-ICO). */
function ico(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // offset of the image
  return Buffer.concat([header, png]);
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const renderIcon = async (size: number) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<body style="margin:0">${icon.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
    return page.screenshot({ omitBackground: true });
  };
  await writeFile(path.join(root, 'public/favicon.ico'), ico(await renderIcon(32), 32));
  for (const [name, size] of [['apple-touch-icon.png', 180], ['icon-192.png', 192], ['icon-512.png', 512]] as const) {
    await writeFile(path.join(root, 'public', name), await renderIcon(size));
  }
  await page.setViewportSize({ width: 1200, height: 630 });
  await page.setContent(card);
  await writeFile(path.join(root, 'public/og.png'), await page.screenshot());
} finally {
  await browser.close();
}
