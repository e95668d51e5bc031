import { NextResponse } from 'next/server';
import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { describeIssues, searchParamsToObject } from '@/lib/api/input';
import { jsonAnswer } from '@/lib/api/json-answer';
import { errorResponse } from '@/lib/api/route';
import type { ImportResponse } from '@/lib/api/types';
import { INGEST_TABLES } from '@/lib/clickhouse/ingest-rows';
import { ImportOptionsError, parseImportArgs } from '@/lib/ingest/cli-options';
import { importFile, UnknownFormatError } from '@/lib/ingest/import-file';
import { FORMAT_NAMES } from '@/lib/ingest/types';
import { assertImportAllowed, assertSameOrigin, importMaxBytes, receiveUpload } from '@/lib/ingest/upload';
import { importedWindow } from '@/lib/ingest/window';

// Import from the browser: the request body is one file, loaded through the ingest door like `npm run import`.
export const dynamic = 'force-dynamic';

const input = z.object({
  name: z.string().min(1).max(200),
  format: z.enum(FORMAT_NAMES).optional(),
  service: z.string().max(200).optional(),
  table: z.enum(['metrics', 'security', 'anomalies']).optional(),
  map: z.string().max(1000).optional(),
  at: z.string().max(40).optional(),
});

/** The query's options in the CLI's grammar, so both read --map and --at the same way. */
function options(q: z.infer<typeof input>) {
  const argv = ['upload', ...(q.map ? ['--map', q.map] : []), ...(q.at ? ['--at', q.at] : [])];
  try {
    const { map, atMs } = parseImportArgs(argv);
    return { format: q.format, service: q.service, table: q.table, map, atMs };
  } catch (error) {
    if (error instanceof ImportOptionsError) throw new ApiError('invalid_input', error.message.replace(/--/g, ''));
    throw error;
  }
}

export async function POST(request: Request): Promise<NextResponse> {
  try {
    assertImportAllowed();
    assertSameOrigin(request);
    const parsed = input.safeParse(searchParamsToObject(new URL(request.url).searchParams));
    if (!parsed.success) throw new ApiError('invalid_input', describeIssues(parsed.error));
    const upload = await receiveUpload(request, parsed.data.name, importMaxBytes());
    try {
      const summary = await importFile(upload.file, { ...options(parsed.data), displayName: parsed.data.name });
      const tables = INGEST_TABLES.flatMap((table) => {
        const t = summary.tables[table];
        return t ? [{ table, rows: t.rows, alreadyImported: t.alreadyImported, from: t.fromMs, to: t.toMs }] : [];
      });
      if (tables.length === 0 && summary.rejected > 0) {
        const first = summary.issues[0];
        throw new ApiError('unprocessable', `${parsed.data.name} holds no importable ${summary.format} records: ${summary.rejected} rejected, the first at line ${first?.line}: ${first?.message}`);
      }
      const body: ImportResponse = {
        file: summary.file,
        format: summary.format,
        records: summary.records,
        tables,
        rejected: summary.rejected,
        issues: summary.issues.slice(0, 20),
        skipped: summary.skipped,
        window: importedWindow(summary.tables),
      };
      return jsonAnswer(body);
    } finally {
      await upload.dispose();
    }
  } catch (error) {
    if (error instanceof UnknownFormatError) return errorResponse(new ApiError('unprocessable', error.message.replace('pass --format', 'choose a format')));
    return errorResponse(error);
  }
}
