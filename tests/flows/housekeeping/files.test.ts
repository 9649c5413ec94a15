import { mkdtempSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createImportJob, endImportJob, readImportFile } from '../../../db/import-jobs.js';
import { ImportFile, ImportJob } from '../../../db/models/import-job.js';
import { Upload } from '../../../db/models/upload.js';
import { markUploadsUsed, uploadStore } from '../../../db/uploads.js';
import { pruneFilesJob } from '../../../flows/housekeeping/index.js';
import { useTestDb } from '../../helpers/db.js';
import { recordingReminders } from '../../helpers/reminders.js';

useTestDb();

const NOW = new Date('2026-12-02T02:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 24 * 3_600_000);
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** The job as the scheduler runs it, with this test's clock and folder. */
const runJob = (dir: string, now = NOW) =>
  pruneFilesJob(dir, 30).run({
    now,
    notify: async () => [],
    update: async () => {},
    reminders: recordingReminders(),
  });

describe('housekeeping: old import jobs and uploads', () => {
  it('deletes uploads never attached once past the retention; attached, recent and shared bytes stay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prune-uploads-'));
    const store = uploadStore(dir);
    const file = (text: string) => ({
      name: `${text}.pdf`,
      mimeType: 'application/pdf',
      bytes: bytesOf(text),
    });
    const abandoned = await store.save(file('abandoned'), 'e1', daysAgo(40));
    const attached = await store.save(file('receipt'), 'e1', daysAgo(40));
    await markUploadsUsed([{ platform: 'web', fileId: attached.id }], 'AP-1001');
    const recent = await store.save(file('recent'), 'e1', daysAgo(10));
    // the same bytes sent twice: the old copy goes, the bytes stay for the new one
    const sharedOld = await store.save(file('shared'), 'e2', daysAgo(45));
    const sharedNew = await store.save(file('shared'), 'e2', daysAgo(5));
    // an upload from before requests were kept on it
    await Upload.collection.insertOne({
      _id: 'legacy-upload' as never,
      sha256: 'f'.repeat(64),
      name: 'legacy.pdf',
      mimeType: 'application/pdf',
      size: 1,
      uploadedBy: 'e3',
      createdAt: daysAgo(90),
    });
    expect(await readdir(dir)).toHaveLength(4);

    expect(await runJob(dir)).toMatchObject({ uploads: 3 });
    expect(await store.find('legacy-upload')).toBeNull();
    expect(await store.find(abandoned.id)).toBeNull();
    expect(await store.find(sharedOld.id)).toBeNull();
    expect(await store.bytes(attached.id)).toEqual(Buffer.from('receipt'));
    expect(await store.bytes(recent.id)).toEqual(Buffer.from('recent'));
    expect(await store.bytes(sharedNew.id)).toEqual(Buffer.from('shared'));
    expect(await readdir(dir)).toHaveLength(3);

    // a rerun finds nothing more
    expect(await runJob(dir)).toMatchObject({ uploads: 0 });
    expect(await Upload.countDocuments({ _id: { $in: [attached.id, recent.id, sharedNew.id] } })).toBe(3);

    // the bytes of a pruned upload sent again are saved again
    const again = await store.save(file('abandoned'), 'e1', NOW);
    expect(await store.bytes(again.id)).toEqual(Buffer.from('abandoned'));
  });

  it('deletes import jobs that ended before the retention, and files a crash left; running ones stay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prune-imports-'));
    const ended = async (csv: string, state: 'done' | 'failed', at: Date) => {
      const { job } = await createImportJob('customers', csv, null, at);
      await endImportJob(job, state, [], at);
      return job._id;
    };
    const oldDone = await ended('a,b\n1,2', 'done', daysAgo(40));
    const oldFailed = await ended('a,b\n3,4', 'failed', daysAgo(31));
    const recentDone = await ended('a,b\n5,6', 'done', daysAgo(29));
    const running = (await createImportJob('customers', 'a,b\n7,8', null, daysAgo(40))).job._id;
    // ended, but the process died before it dropped the file
    const leftover = await ended('a,b\n9,0', 'done', daysAgo(2));
    await ImportFile.create({ _id: leftover, csv: 'a,b\n9,0' });

    expect(await runJob(dir)).toMatchObject({ imports: { jobs: 2, files: 1 } });
    const jobs = (await ImportJob.find({}, { _id: 1 }).lean()).map((j) => j._id).sort();
    expect(jobs).toEqual([recentDone, running, leftover].sort());
    expect(jobs).not.toContain(oldDone);
    expect(jobs).not.toContain(oldFailed);
    expect(await readImportFile(running)).toBe('a,b\n7,8');
    expect(await readImportFile(leftover)).toBeNull();

    // two days later the one that ended 29 days ago is past the retention too
    expect(await runJob(dir, new Date(NOW.getTime() + 2 * 24 * 3_600_000))).toMatchObject({
      imports: { jobs: 1, files: 0 },
    });
    expect(await ImportJob.findById(recentDone).lean()).toBeNull();
  });
});
