import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../src/errors.js';

export type EmbeddedStore = {
  uri: string;
  port: number;
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>;
  /** Settles when the server's process ends, for whatever reason, with how it ended. */
  exited: Promise<StoreExit>;
};

export type StoreExit = { code: number | null; signal: NodeJS.Signals | null };

/**
 * The wrapper ties FerretDB's life to our stdin pipe: when this process exits for any reason
 * (even SIGKILL) the pipe closes, `cat` returns, and the store is stopped. It also makes a
 * graceful stop a matter of closing stdin.
 */
const WRAPPER =
  'exec 3<&0; "$0" "$@" </dev/null & child=$!; (cat <&3 >/dev/null; kill $child 2>/dev/null) & exec 3<&-; wait $child';

/**
 * Starts FerretDB with the SQLite backend on a free loopback port, data under `dataDir`.
 * @example const store = await startFerretdb({ bin, dataDir: './data/ferretdb' }); await store.stop();
 */
export async function startFerretdb(opts: {
  bin: string;
  dataDir: string;
  port?: number;
}): Promise<EmbeddedStore> {
  await mkdir(opts.dataDir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const child = spawn(
    'bash',
    [
      '-c',
      WRAPPER,
      opts.bin,
      '--handler=sqlite',
      `--sqlite-url=file:${opts.dataDir}/`,
      `--state-dir=${opts.dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    { stdio: ['pipe', 'ignore', 'pipe'], detached: true },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<StoreExit>((res) => child.once('exit', (code, signal) => res({ code, signal })));
  await waitForPort(port, exited, () => stderr);
  return { uri: `mongodb://127.0.0.1:${port}`, port, stop: () => stopChild(child, exited), exited };
}

async function stopChild(child: ChildProcess, exited: Promise<StoreExit>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
  const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!done && child.pid) {
    process.kill(-child.pid, 'SIGKILL');
    await exited;
  }
}

async function waitForPort(port: number, exited: Promise<StoreExit>, stderr: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    if (gone)
      throw new AppError('store.start_failed', `FerretDB exited at start-up: ${stderr().trim().slice(-500)}`);
    if (await canConnect(port)) return;
    await sleep(50);
  }
  throw new AppError('store.start_failed', `FerretDB did not listen on 127.0.0.1:${port} within 30 s`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((res) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      res(true);
    });
    socket.once('error', () => res(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => res(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
