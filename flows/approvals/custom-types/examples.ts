import { readFile } from 'node:fs/promises';
import { saveDefinition } from './store.js';

/** The two example types shipped as files: what an admin would upload, loaded for the demo company. */
export const EXAMPLE_FILES = ['seal-use.json', 'purchase-request.json'].map(
  (name) => new URL(`../examples/${name}`, import.meta.url),
);

/**
 * Stores the examples as version 1 (or finds them unchanged). They are checked like any upload;
 * only the keyword clash with other commands is left to tests/flows/approvals/custom-types.test.ts,
 * as the seed does not see the command registry.
 */
export async function seedExampleTypes(now: Date): Promise<void> {
  for (const file of EXAMPLE_FILES) {
    const saved = await saveDefinition(JSON.parse(await readFile(file, 'utf8')), [], now);
    if (!saved.ok) throw new Error(`example ${file.pathname}: ${JSON.stringify(saved.problems)}`);
  }
}
