import 'server-only';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '@/lib/api/errors';
import { readConnectionConfig } from '@/lib/config';

/**
 * What the upload route checks before it reads a byte, and how it stores the
 * body: in a temporary file, counted as it streams in, so the size limit
 * holds even without a Content-Length and memory stays flat.
 */

export function importMaxBytes(): number {
  const mb = Number(process.env.FLASHBACK_IMPORT_MAX_MB ?? 512);
  return Number.isFinite(mb) && mb > 0 ? mb * 1e6 : 512e6;
}

/** On for the embedded engine (a local, single-user setup); against a server only when the operator says so. */
export function assertImportAllowed(): void {
  if (readConnectionConfig().kind === 'embedded' || process.env.FLASHBACK_ALLOW_IMPORT === '1') return;
  throw new ApiError('forbidden', 'Import from the browser is off against a ClickHouse server; the operator turns it on with FLASHBACK_ALLOW_IMPORT=1 (or use npm run import).');
}

/**
 * Same-origin only. Browsers say where a request comes from in
 * Sec-Fetch-Site (every current one) and Origin (on every POST); the Origin
 * must name the host the browser addressed (Host, or X-Forwarded-Host behind
 * a proxy). A cross-site form can only post form types, never
 * application/octet-stream, so the type is checked too. Tools that send
 * neither header (curl) are not browsers and carry no one's cookies.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host;
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = 'invalid';
  }
  if ((site && site !== 'same-origin' && site !== 'none') || (originHost !== null && originHost !== host)) {
    throw new ApiError('forbidden', 'Uploads are accepted from Flashback\'s own pages only.');
  }
  if (request.headers.get('content-type')?.split(';')[0]?.trim() !== 'application/octet-stream') {
    throw new ApiError('invalid_input', 'Send the file as the request body with Content-Type: application/octet-stream.');
  }
}

/** Streams the body into a temporary file; the caller removes the directory (`dispose`). */
export async function receiveUpload(request: Request, name: string, maxBytes: number): Promise<{ file: string; dispose: () => Promise<void> }> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const tooLarge = () => new ApiError('payload_too_large', `The file is larger than the import limit of ${Math.round(maxBytes / 1e6)} MB (FLASHBACK_IMPORT_MAX_MB); use npm run import for larger files.`);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) throw new ApiError('invalid_input', 'The request has no body: send the file as the body.');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'flashback-upload-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  // Only the base name, with anything odd replaced: the name is the user's, the directory ours.
  const file = path.join(dir, path.basename(name).replace(/[^\w.-]/g, '_') || 'upload');
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? tooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>), count, createWriteStream(file));
  } catch (error) {
    await dispose();
    throw error instanceof ApiError ? error : new ApiError('invalid_input', 'The upload was interrupted before the file arrived whole.');
  }
  return { file, dispose };
}
