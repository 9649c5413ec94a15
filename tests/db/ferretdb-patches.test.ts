import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPatch } from '../../db/embedded/apply-patch.js';
import { cachedBinaryPath, readPatches } from '../../db/embedded/build-ferretdb.js';

const SOURCE = ['package metadata', '', 'const (', '\tIDColumn = "a->\'$._id\'"', ')', ''].join('\n');

const DIFF = [
  'Subject: a description above the diff is ignored',
  '---',
  'diff --git a/meta/metadata.go b/meta/metadata.go',
  '--- a/meta/metadata.go',
  '+++ b/meta/metadata.go',
  '@@ -2,4 +2,5 @@ package metadata',
  ' ',
  ' const (',
  '-\tIDColumn = "a->\'$._id\'"',
  '+\t// the indexed expression',
  '+\tIDColumn = "a->\'_id\'"',
  ' )',
  '',
].join('\n');

let root: string;
const file = () => join(root, 'meta', 'metadata.go');

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'apply-patch-'));
  await mkdir(join(root, 'meta'));
  await writeFile(file(), SOURCE);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('applyPatch', () => {
  it('replaces the hunk, keeping the rest of the file', async () => {
    await applyPatch(root, DIFF);
    expect(await readFile(file(), 'utf8')).toBe(
      [
        'package metadata',
        '',
        'const (',
        '\t// the indexed expression',
        '\tIDColumn = "a->\'_id\'"',
        ')',
        '',
      ].join('\n'),
    );
  });

  it('reads a blank context line whose leading space was trimmed', async () => {
    const trimmed = DIFF.replace('\n \n', '\n\n');
    expect(trimmed).not.toBe(DIFF);
    await applyPatch(root, trimmed);
    expect(await readFile(file(), 'utf8')).toContain('IDColumn = "a->\'_id\'"');
  });

  it('stops, naming the hunk, when the lines to change are not there (already patched, or a new version)', async () => {
    await applyPatch(root, DIFF);
    const patched = await readFile(file(), 'utf8');
    await expect(applyPatch(root, DIFF)).rejects.toThrow(
      'meta/metadata.go @@ -2,4 +2,5 @@: the lines to change are not there',
    );
    expect(await readFile(file(), 'utf8')).toBe(patched);
  });

  it('refuses lines that occur more than once instead of guessing', async () => {
    await writeFile(file(), SOURCE + SOURCE.slice(SOURCE.indexOf('\n') + 1));
    await expect(applyPatch(root, DIFF)).rejects.toThrow('occur more than once');
  });

  it('refuses a diff cut short or holding no change', async () => {
    await expect(applyPatch(root, DIFF.split('\n').slice(0, -3).join('\n'))).rejects.toThrow('is cut short');
    await expect(applyPatch(root, 'just words\n')).rejects.toThrow('holds no file changes');
  });
});

describe('the cached FerretDB build', () => {
  it('is named by its patches, so adding or editing one makes every machine rebuild', async () => {
    const patches = await readPatches();
    expect(patches.map((p) => p.name)).toEqual([
      '0001-sqlite-filter-id-with-the-indexed-expression.patch',
      '0002-update-close-each-statement-iterator.patch',
    ]);
    const path = cachedBinaryPath('/cache', patches);
    expect(path).toMatch(/^\/cache\/ferretdb-v1\.24\.0-p2-[0-9a-f]{8}\/ferretdb$/);
    const edited = patches.map((p) => ({ ...p, diff: `${p.diff}\n` }));
    expect(cachedBinaryPath('/cache', edited)).not.toBe(path);
    expect(cachedBinaryPath('/cache', [])).toMatch(/ferretdb-v1\.24\.0-p0-/);
  });
});
