import { afterAll, beforeAll, inject } from 'vitest';
import type { Flow } from '../../src/bot/flow.js';
import type { Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { type RunningApp, startApp } from '../../src/start-app.js';
import { testNow } from './clock.js';
import { testDbName, testDbUri } from './db.js';
import { copyDemoTemplate } from './demo-template.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export type TestApp = RunningApp & {
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
};

/**
 * The real app over real HTTP on a free port, with the demo company in its own database, on the
 * tests' clock (helpers/clock.ts) unless `options.now` gives another. The demo comes from the
 * run's template (helpers/demo-template.ts) where the app would seed the same: the tests' clock,
 * every flow's migrations, the template's currency.
 */
export function useTestApp(
  env: Record<string, string> = {},
  options: { flows?: Flow[]; now?: Clock } = {},
): { current: TestApp } {
  const holder = {} as { current: TestApp };
  beforeAll(async () => {
    const dbName = testDbName();
    const config = loadConfig({
      MONGODB_URI: testDbUri(dbName),
      PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      // tests drive jobs themselves; tests/e2e/scheduler.test.ts turns it on
      SCHEDULER: 'off',
      // no quiet hours: reminders sent from real-time tests must not depend on the time of day
      QUIET_HOURS: '00:00-00:00',
      ADMIN_TOKEN,
      ...env,
    });
    const demoInStore =
      config.seedDemo &&
      !options.now &&
      !options.flows &&
      (await copyDemoTemplate(inject('storeUri'), inject('demoTemplate'), dbName, config.currency));
    const app = await startApp(config, createLogger(config.logLevel), undefined, {
      now: testNow,
      demoInStore,
      ...options,
    });
    holder.current = { ...app, ...httpClient(app.url) };
  });
  afterAll(async () => {
    await holder.current?.stop();
  });
  return holder;
}

export function httpClient(base: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
  return {
    post: (path: string, body: unknown, headers?: Record<string, string>) =>
      call('POST', path, body, headers),
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
  };
}
