import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
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
  return {
    async save(
      file: { name: string; mimeType: string; bytes: Uint8Array },
      uploadedBy: string,
      at: Date,
    ): Promise<UploadInfo> {
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      await mkdir(dir, { recursive: true });
      const exists = await stat(pathOf(sha256)).then(
        () => true,
        () => false,
      );
      if (!exists) {
        // written aside then renamed: a reader never sees half a file
        const temp = `${pathOf(sha256)}.${randomBytes(6).toString('hex')}.part`;
        await writeFile(temp, file.bytes);
        await rename(temp, pathOf(sha256));
      }
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
