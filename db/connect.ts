import mongoose from 'mongoose';

/**
 * Connects mongoose. Commands are not buffered: when the store is away, a call fails within
 * `timeoutMs` and the user is told to retry, instead of hanging past a platform's 3 s limit.
 */
export async function connectDb(
  uri: string,
  opts: { dbName?: string; timeoutMs: number },
): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  return mongoose.connect(uri, {
    dbName: opts.dbName,
    bufferCommands: false,
    serverSelectionTimeoutMS: opts.timeoutMs,
    autoIndex: true,
  });
}

/** Resolves true when the database answers a ping within `timeoutMs`. */
export async function pingDb(timeoutMs: number): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((res) => {
    timer = setTimeout(() => res(false), timeoutMs);
  });
  try {
    return await Promise.race([
      db
        .admin()
        .ping()
        .then(() => true)
        .catch(() => false),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function disconnectDb(): Promise<void> {
  await mongoose.disconnect();
}

/** Builds every model's indexes before the app takes traffic (unique ones guard the writes). */
export async function ensureIndexes(): Promise<void> {
  await Promise.all(Object.values(mongoose.models).map((model) => model.init()));
}
