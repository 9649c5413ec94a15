import { spawn } from 'node:child_process';

/** `npm start` as a person runs it: the real entry point in its own process. */
export function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d: Buffer) => {
    out.stdout += d;
  });
  child.stderr?.on('data', (d: Buffer) => {
    out.stderr += d;
  });
  // 'close', not 'exit': only then has everything the process printed been read
  const exited = new Promise<number | null>((res) => child.once('close', (code) => res(code)));
  return { child, out, exited };
}

export async function waitFor(
  read: () => string,
  pattern: RegExp,
  exited: Promise<unknown>,
): Promise<RegExpMatchArray> {
  const deadline = performance.now() + 30_000;
  let done = false;
  void exited.then(() => {
    done = true;
  });
  while (performance.now() < deadline && !done) {
    const m = read().match(pattern);
    if (m) return m;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`did not see ${pattern} in: ${read()}`);
}
