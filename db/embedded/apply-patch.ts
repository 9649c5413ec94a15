import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../src/errors.js';

type Hunk = { header: string; before: string[]; after: string[] };
type FilePatch = { path: string; hunks: Hunk[] };

/**
 * Applies a unified diff (as `git diff` writes it) to the tree under `root`, strictly: each
 * hunk's old lines must occur exactly once in the file, verbatim, or nothing is written and the
 * build stops naming the hunk.
 *
 * Why not `git apply` or `patch`: neither is guaranteed where Go is (Debian's golang package
 * pulls in neither), `patch` applies with fuzz by default, and `git apply` run inside some other
 * repository silently skips paths outside the current folder. Our patches are few and small.
 * @example await applyPatch(src, await readFile('db/embedded/patches/0001-….patch', 'utf8'))
 */
export async function applyPatch(root: string, diff: string): Promise<void> {
  const files = parseDiff(diff);
  if (files.length === 0) throw new AppError('store.patch_failed', 'the patch holds no file changes');
  const patched = new Map<string, string>();
  for (const file of files) {
    const path = join(root, file.path);
    let text = patched.get(path) ?? (await readFile(path, 'utf8'));
    for (const hunk of file.hunks) text = applyHunk(text, hunk, file.path);
    patched.set(path, text);
  }
  for (const [path, text] of patched) {
    // files copied out of the Go module cache are read-only
    await chmod(path, 0o644);
    await writeFile(path, text);
  }
}

function applyHunk(text: string, hunk: Hunk, path: string): string {
  const before = `${hunk.before.join('\n')}\n`;
  const lines = `\n${text}`;
  const at = lines.indexOf(`\n${before}`);
  if (at < 0 || lines.indexOf(`\n${before}`, at + 1) >= 0)
    throw new AppError(
      'store.patch_failed',
      `${path} ${hunk.header}: the lines to change ${at < 0 ? 'are not there' : 'occur more than once'}`,
    );
  const after = `${hunk.after.join('\n')}\n`;
  return `${text.slice(0, at)}${after}${text.slice(at + before.length)}`;
}

/** Reads `--- a/x`, `+++ b/x` and `@@ -l,n +l,m @@` hunks; the counts say where a hunk ends. */
function parseDiff(diff: string): FilePatch[] {
  const lines = diff.split('\n');
  const files: FilePatch[] = [];
  for (let i = 0; i < lines.length; i++) {
    const target = lines[i + 1]?.match(/^\+\+\+ b\/(.+)$/);
    if (lines[i]?.startsWith('--- ') && target?.[1]) {
      files.push({ path: target[1], hunks: [] });
      i++;
      continue;
    }
    const header = lines[i]?.match(/^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/);
    const file = files.at(-1);
    if (!header || !file) continue;
    const hunk: Hunk = { header: header[0], before: [], after: [] };
    let oldLeft = Number(header[1] ?? 1);
    let newLeft = Number(header[2] ?? 1);
    while (oldLeft > 0 || newLeft > 0) {
      i++;
      const line = lines[i];
      if (line === undefined)
        throw new AppError('store.patch_failed', `${file.path} ${hunk.header} is cut short`);
      // an empty line is a blank context line whose leading space an editor trimmed
      const [mark, body] = line === '' ? [' ', ''] : [line[0], line.slice(1)];
      if (mark === ' ' || mark === '-') {
        hunk.before.push(body);
        oldLeft--;
      }
      if (mark === ' ' || mark === '+') {
        hunk.after.push(body);
        newLeft--;
      }
      if (mark !== ' ' && mark !== '-' && mark !== '+')
        throw new AppError('store.patch_failed', `${file.path} ${hunk.header}: unexpected line "${line}"`);
    }
    file.hunks.push(hunk);
  }
  return files;
}
