import { type DestinationStream, pino } from 'pino';
import pretty from 'pino-pretty';
import { currentRequestId } from './request-context.js';

export type Logger = pino.Logger;
export type LogFormat = 'json' | 'pretty';

/**
 * JSON lines for machines (production), readable lines for a person at a terminal (development).
 * Message text, tokens and personal data never go in at info level: log ids (event, employee) and
 * outcomes, not what people typed. Every line written while a request runs carries its `reqId`.
 */
export function createLogger(level: string, format: LogFormat = 'json', to?: DestinationStream): Logger {
  const options = {
    level,
    base: undefined,
    redact: {
      paths: ['text', '*.text', 'token', '*.token', 'authorization', '*.authorization'],
      remove: true,
    },
    mixin: () => {
      const reqId = currentRequestId();
      return reqId ? { reqId } : {};
    },
  };
  if (format === 'json') return to ? pino(options, to) : pino(options);
  // in-process and synchronous: a worker-thread transport could lose the last lines of a crash
  return pino(
    options,
    pretty({ sync: true, colorize: !to && process.stdout.isTTY, translateTime: 'HH:MM:ss', destination: to }),
  );
}
