import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Writes a synthetic OTLP/JSON traces file of about `bytes` bytes, as the
 * collector's file exporter does (one ExportTraceServiceRequest a line, 50
 * spans each, hex ids), streamed so the generator itself stays small.
 * Returns how many spans it wrote.
 */
export async function writeOtlpFile(file: string, bytes: number, startMs = Date.UTC(2024, 0, 1)): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  let spans = 0;
  let line = 0;
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  while (written < bytes) {
    const base = startMs + line * 100;
    const request = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: `svc-${line % 7}` } }, { key: 'host.name', value: { stringValue: `host-${line % 13}` } }] },
          scopeSpans: [
            {
              scope: { name: 'bench', version: '1.0.0' },
              spans: Array.from({ length: 50 }, (_, i) => ({
                traceId: hex(line, 32),
                spanId: hex(line * 50 + i + 1, 16),
                parentSpanId: i === 0 ? '' : hex(line * 50 + 1, 16),
                name: `op-${i % 10}`,
                kind: 1 + (i % 5),
                startTimeUnixNano: `${base + i}000000`,
                endTimeUnixNano: `${base + i + 1 + (i % 17)}000000`,
                attributes: [{ key: 'http.route', value: { stringValue: `/orders/${i % 23}` } }, { key: 'attempt', value: { intValue: String(i % 3) } }],
                status: { code: i % 29 === 0 ? 2 : 0 },
              })),
            },
          ],
        },
      ],
    };
    const text = `${JSON.stringify(request)}\n`;
    written += Buffer.byteLength(text);
    spans += 50;
    line += 1;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return spans;
}
