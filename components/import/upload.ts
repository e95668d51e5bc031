import type { ApiErrorBody } from '@/lib/api/errors';
import type { ImportResponse } from '@/lib/api/types';

/**
 * Sends one file to POST /api/import as the request body. XMLHttpRequest
 * rather than fetch: it reports upload progress, which a large file needs.
 */

export type UploadState =
  | { phase: 'uploading'; file: string; fraction: number }
  | { phase: 'importing'; file: string }
  | { phase: 'done'; file: string; summary: ImportResponse }
  | { phase: 'failed'; file: string; message: string };

export function uploadFile(file: File, onState: (state: UploadState) => void): () => void {
  const xhr = new XMLHttpRequest();
  xhr.open('POST', `/api/import?name=${encodeURIComponent(file.name)}`);
  xhr.setRequestHeader('Content-Type', 'application/octet-stream');
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) onState({ phase: 'uploading', file: file.name, fraction: e.loaded / e.total });
  };
  // The body has arrived: the server is reading and writing it now.
  xhr.upload.onload = () => onState({ phase: 'importing', file: file.name });
  xhr.onload = () => {
    let body: unknown;
    try {
      body = JSON.parse(xhr.responseText);
    } catch {
      body = null;
    }
    if (xhr.status === 200) onState({ phase: 'done', file: file.name, summary: body as ImportResponse });
    else onState({ phase: 'failed', file: file.name, message: (body as ApiErrorBody | null)?.error?.message ?? `The import failed (HTTP ${xhr.status}).` });
  };
  xhr.onerror = () => onState({ phase: 'failed', file: file.name, message: 'The upload did not reach Flashback; is the server running?' });
  onState({ phase: 'uploading', file: file.name, fraction: 0 });
  xhr.send(file);
  return () => xhr.abort();
}
