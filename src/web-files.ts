import type { WebFiles } from '../adapters/web/files.js';
import { type UploadInfo, uploadStore } from '../db/uploads.js';
import { maySeeRequest } from '../flows/approvals/api.js';
import { readDirectory } from '../flows/org/api.js';
import type { IncomingFile } from './bot/types.js';

const asFile = (u: UploadInfo): IncomingFile => ({
  platform: 'web',
  id: u.id,
  name: u.name,
  size: u.size,
  mimeType: u.mimeType,
  url: `/web/api/files/${u.id}`,
});

/**
 * The web chat's uploads, kept under `dir` (DATA_DIR/uploads). Who uploaded a file may read it;
 * once it is on a request, so may everyone who may see that request (requester, approvers, CC,
 * admins and HR, managers above the requester).
 */
export function webFiles(dir: string): WebFiles {
  const store = uploadStore(dir);
  async function mayRead(upload: UploadInfo, readerId: string): Promise<boolean> {
    if (upload.uploadedBy === readerId) return true;
    const reader = (await readDirectory()).byId(readerId);
    if (!reader) return false;
    const viewer = { id: readerId, roles: reader.roles };
    for (const no of upload.requests) if (await maySeeRequest(no, viewer)) return true;
    return false;
  }
  return {
    save: async (employeeId, file, at) => asFile(await store.save(file, employeeId, at)),
    async ofSender(employeeId, ids) {
      const found = await Promise.all(ids.map((id) => store.find(id)));
      return found.every((u) => u?.uploadedBy === employeeId) ? (found as UploadInfo[]).map(asFile) : null;
    },
    async open(readerId, id) {
      const upload = await store.find(id);
      if (!upload) return null;
      if (!(await mayRead(upload, readerId))) return 'forbidden';
      const bytes = await store.bytes(id);
      return bytes && { name: upload.name, mimeType: upload.mimeType, bytes };
    },
  };
}
