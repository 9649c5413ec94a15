import { takeOverStaleImports } from '../../db/import-jobs.js';
import type { JobSpec } from '../bot/flow.js';
import type { ImportSpec } from '../csv-import.js';
import { type ImportRunDeps, runImport } from './run-import.js';

/**
 * The scheduled sweep that finishes imports whose process died: each job silent for two minutes
 * is taken over by one instance and resumed from its last committed slice (writes are idempotent
 * by natural key, so the slice it was in is simply written again).
 */
export function resumeImportsJob(specs: readonly ImportSpec[], deps: ImportRunDeps): JobSpec {
  return {
    name: 'imports.resume',
    every: '1 minute',
    async run({ now }) {
      const taken = await takeOverStaleImports(now);
      for (const job of taken) {
        const spec = specs.find((s) => s.kind === job.kind);
        if (spec) await runImport(spec, job, deps);
      }
      return { resumed: taken.length };
    },
  };
}
