import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * JSON logs. Message text, tokens and personal data never go in at info level:
 * log ids (event, employee) and outcomes, not what people typed.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ['text', '*.text', 'token', '*.token', 'authorization', '*.authorization'],
      remove: true,
    },
  });
}
