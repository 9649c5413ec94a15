import type { z } from 'zod';

/**
 * One error type for everything the app decides to refuse. Branch on `code`, never on message text.
 * `userMessage` is safe to show to the person who caused it; everything else stays in logs.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Shown to the person; a `{ 'zh-CN', en }` pair is picked by their language. */
    readonly userMessage?: string | Record<'zh-CN' | 'en', string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('internal', message);
}

/** True when the failure is the database being out of reach, not a bad query. */
export function isStoreUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (/^Mongo(Network|ServerSelection|NotConnected|PoolCleared|Topology)/.test(err.name)) return true;
  // mongoose's own wording when a command is issued while disconnected
  return (
    err.name === 'MongooseError' && /buffering timed out|not connected|client was closed/i.test(err.message)
  );
}

/** The first zod issue as "field message", for one-line replies. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  return issue.path.length > 0 ? `${issue.path.join('.')} ${issue.message}` : issue.message;
}
