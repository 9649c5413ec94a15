import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Upload } from './models/upload.js';

export type UploadInfo = {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  uploadedBy: string;
  requests: string[];
};

const infoOf = (doc: {
  _id: string;
  name: string;
  mimeType: string;
  size: number;
  uploadedBy: string;
  requests?: string[] | null;
}): UploadInfo => ({
  id: doc._id,
  name: doc.name,
  mimeType: doc.mimeType,
  size: doc.size,
  uploadedBy: doc.uploadedBy,
  requests: doc.requests ?? [],
});

/**
 * Uploaded files on disk, named by their SHA-256 (the same bytes twice are kept once), each
 * upload a small document keyed by a random id. Disk rather than GridFS: GridFS reads chunks by
 * `files_id`, a filter the embedded store's SQLite backend does not push down, so every download
 * would decode the whole chunk collection. Several app instances need `dir` on shared storage.
 */
export function uploadStore(dir: string) {
  const pathOf = (sha256: string) => join(dir, sha256);
  const aside = (sha256: string, why: string) => `${pathOf(sha256)}.${randomBytes(6).toString('hex')}.${why}`;
  return {
    /**
     * The document first, then the bytes if they are not there: pruning (below) takes bytes only
     * when no document names them, so saved bytes always have the document that keeps them.
     */
    async save(
      file: { name: string; mimeType: string; bytes: Uint8Array },
      uploadedBy: string,
      at: Date,
    ): Promise<UploadInfo> {
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      await mkdir(dir, { recursive: true });
      const doc = {
        _id: randomBytes(16).toString('base64url'),
        sha256,
        name: file.name,
        mimeType: file.mimeType,
        size: file.bytes.byteLength,
        uploadedBy,
        requests: [],
        createdAt: at,
      };
      await Upload.create(doc);
      const exists = await stat(pathOf(sha256)).then(
        () => true,
        () => false,
      );
      if (!exists) {
        // written aside then renamed: a reader never sees half a file
        const temp = aside(sha256, 'part');
        await writeFile(temp, file.bytes);
        await rename(temp, pathOf(sha256));
      }
      return infoOf(doc);
    },

    async find(id: string): Promise<UploadInfo | null> {
      const doc = await Upload.findById(id).lean();
      return doc ? infoOf(doc) : null;
    },

    async bytes(id: string): Promise<Buffer | null> {
      const doc = await Upload.findById(id).lean();
      return doc ? readFile(pathOf(doc.sha256)).catch(() => null) : null;
    },

    /**
     * Deletes uploads made before `before` that no request names (sent and never attached), at
     * most `max`, and the bytes no upload names any more. Attached ones stay as long as their
     * requests, which are kept for good. Bytes are moved aside before the last check for a
     * document naming them, and put back if a new upload of the same file came meanwhile.
     */
    async prune(before: Date, max: number): Promise<number> {
      // uploads from before `requests` was kept have none: null matches a missing field
      const unused = { createdAt: { $lt: before }, $or: [{ requests: { $size: 0 } }, { requests: null }] };
      const old = await Upload.find(unused, { _id: 1, sha256: 1 }).sort({ createdAt: 1 }).limit(max).lean();
      let deleted = 0;
      // each by `_id` and still unattached: a request may have taken it since the read
      for (const u of old) deleted += (await Upload.deleteOne({ _id: u._id, ...unused })).deletedCount;
      const shas = [...new Set(old.map((u) => u.sha256))];
      const moved = new Map<string, string>();
      for (const sha of shas) {
        const to = aside(sha, 'gone');
        if (
          await rename(pathOf(sha), to).then(
            () => true,
            () => false,
          )
        )
          moved.set(sha, to);
      }
      if (moved.size === 0) return deleted;
      const kept = await Upload.find({ sha256: { $in: [...moved.keys()] } }, { sha256: 1 }).lean();
      const stillNamed = new Set(kept.map((u) => u.sha256));
      for (const [sha, to] of moved) await (stillNamed.has(sha) ? rename(to, pathOf(sha)) : unlink(to));
      return deleted;
    },
  };
}

export type UploadStore = ReturnType<typeof uploadStore>;

/** Records the request web uploads were attached to: its readers may then download them. */
export async function markUploadsUsed(
  attachments: { platform: string; fileId?: string | null }[],
  no: string,
) {
  const ids = attachments.flatMap((a) => (a.platform === 'web' && a.fileId ? [a.fileId] : []));
  for (const id of ids) await Upload.updateOne({ _id: id }, { $addToSet: { requests: no } });
}
