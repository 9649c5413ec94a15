import { z } from 'zod';

/**
 * False for text with C0 controls (NUL, tabs, line breaks), DEL, or the bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069): invisible in a name, they make it
 * look like another one ("gpj.exe" shown as "exe.jpg") or cut it short in logs and exports.
 */
export function isPlainText(text: string): boolean {
  for (const ch of text) {
    const n = ch.codePointAt(0) ?? 0;
    if (n < 0x20 || n === 0x7f || (n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069)) return false;
  }
  return true;
}

export const PLAIN_TEXT_PROBLEM = 'must not contain control or text-direction characters';

/** A name people type or import (employee, customer, product): trimmed, 1..max, plain text. */
export const plainName = (max: number) =>
  z.string('is required').trim().min(1, 'is required').max(max).refine(isPlainText, PLAIN_TEXT_PROBLEM);
