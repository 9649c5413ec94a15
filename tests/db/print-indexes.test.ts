import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { asTable, declaredIndexes } from '../../db/declared-indexes.js';

const run = promisify(execFile);

type Listed = {
  collection: string;
  model: string;
  keys: Record<string, number>;
  options: Record<string, unknown>;
};

describe('npm run indexes', () => {
  it('lists the indexes of every model file, read from the schemas', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'db/print-indexes.ts', '--json']);
    const listed = JSON.parse(stdout) as Listed[];
    expect(listed).toContainEqual({
      collection: 'approvals',
      model: 'ApprovalRequest',
      keys: { no: 1 },
      options: { unique: true },
    });
    // a field-level `index: true` is listed too
    expect(listed).toContainEqual({ collection: 'claims', model: 'Claim', keys: { at: 1 }, options: {} });
    // every model file with an index of its own shows up (counters, job cursors… have only `_id`)
    const withIndexes: string[] = [];
    for (const file of await readdir('db/models')) {
      const exported = Object.values(await import(`../../db/models/${file}`));
      for (const value of exported)
        if (value instanceof Function && 'schema' in value && value.schema instanceof mongoose.Schema)
          if (value.schema.indexes().length > 0)
            withIndexes.push((value as mongoose.Model<unknown>).modelName);
    }
    expect([...new Set(listed.map((i) => i.model))].sort()).toEqual(withIndexes.sort());
  });

  // in this process: the script's own process is tested once, above
  it('prints one aligned line per index by default', async () => {
    expect(asTable(await declaredIndexes())).toMatch(/^approvals +\{ no: 1 \} +unique: true$/m);
  });
});
