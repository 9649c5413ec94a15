/**
 * `npm run screenshots`: the main screens of the web chat as PNGs under docs/screenshots/, taken
 * in Debian's Chromium from a fresh demo company on the embedded store (a temporary folder), at
 * the tests' fixed date. CJK text needs a CJK font installed (Debian: fonts-noto-cjk).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { signInPage } from '../adapters/web/sign-in-page.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startApp } from '../src/start-app.js';
import { launchChromium } from './helpers/browser.js';
import { testNow } from './helpers/clock.js';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
const VIEW = { width: 900, height: 640 };

const dataDir = await mkdtemp(join(tmpdir(), 'assistant-screens-'));
const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, SCHEDULER: 'off', LOG_LEVEL: 'silent' });
const app = await startApp(config, createLogger(config.logLevel), () => {}, { now: testNow });
const browser = await launchChromium();
await mkdir(OUT, { recursive: true });

async function openAs(email: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEW });
  await page.goto(`${app.url}/web`);
  await page.locator(`#who option[value="${email}"]`).waitFor({ state: 'attached' });
  await page.selectOption('#who', email);
  await page.locator('body[data-live="open"]').waitFor({ state: 'attached' });
  return page;
}
async function say(page: Page, text: string, wait: string) {
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
  await page.locator(wait).last().waitFor();
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(OUT, `${name}.png`) });

try {
  const employee = await openAs('zhang.min@demo.example');
  await say(employee, '请假 下周一 事假 家里有事', '.entry.bot .card');
  await shot(employee, 'chat-leave');

  const manager = await openAs('wang.fang@demo.example');
  await manager.locator('.card button.primary').last().waitFor();
  await shot(manager, 'manager-card');

  const form = await openAs('li.wei@demo.example');
  await say(form, '请假', 'form.form');
  await form.selectOption('form.form select[name=kind]', 'annual');
  await form.fill('form.form input[name=from]', '2026-12-10');
  await form.fill('form.form input[name=to]', '2026-12-08');
  await form.click('form.form button.primary');
  await form.locator('.field-error:not(:empty)').first().waitFor();
  await shot(form, 'form-errors');

  const chart = await openAs('li.wei@demo.example');
  await say(chart, '客户分析 负责人', '.card img.chart');
  await chart.locator('.card img.chart').last().scrollIntoViewIfNeeded();
  await shot(chart, 'analytics-chart');

  const english = await openAs('alice.chen@demo.example');
  await say(english, 'customer analytics by industry', '.card img.chart');
  await shot(english, 'analytics-chart-en');

  const signIn = await browser.newPage({ viewport: VIEW });
  await signIn.setContent(signInPage());
  await shot(signIn, 'sign-in');
  console.error(`screenshots in ${OUT}`);
} finally {
  await browser.close();
  await app.stop();
  await rm(dataDir, { recursive: true, force: true });
}
