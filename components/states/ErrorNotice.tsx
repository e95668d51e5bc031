import type { ReactNode } from 'react';

/**
 * An API failure shown where it happened: the server's message (it says what
 * to change or that ClickHouse is down) and a Retry. Every panel, lane, the
 * overview, the inspector and the waterfall use this one notice.
 */
export function ErrorNotice({
  message,
  onRetry,
  testId,
  retryTestId = `${testId}-retry`,
  className = '',
  compact = false,
  children,
}: {
  message: string;
  onRetry: () => void;
  testId: string;
  retryTestId?: string;
  className?: string;
  /** For a one-line header: the message truncates (full text on hover) and Retry is a text link. */
  compact?: boolean;
  /** Further actions beside Retry (e.g. Cancel). */
  children?: ReactNode;
}) {
  return (
    <div data-testid={testId} role="alert" className={`flex max-w-full items-center gap-x-3 gap-y-1 ${compact ? '' : 'flex-wrap text-xs'} ${className}`}>
      <span className={`min-w-0 text-danger ${compact ? 'truncate' : ''}`} data-testid={`${testId}-message`} title={message}>
        {message}
      </span>
      <button type="button" data-testid={retryTestId} onClick={onRetry} className={compact ? 'shrink-0 underline' : 'btn shrink-0'}>
        Retry
      </button>
      {children}
    </div>
  );
}
