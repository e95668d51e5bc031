/** One record read from a file: its value, or why it could not be read, and the line it starts on. */
export type RawRecord = { line: number; value: unknown; error?: undefined } | { line: number; error: string; value?: undefined };

export type RecordSource = AsyncIterable<RawRecord>;
