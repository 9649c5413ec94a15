import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { useTestApp } from '../helpers/app.js';

const CHROMIUM = '/usr/bin/chromium';
const app = useTestApp();
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // the machine has no network: background services would only fail noisily
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
});

/** The page, as `email` picked from the people list. */
async function openAs(email: string) {
  const page = await browser.newPage();
  await page.goto(`${app.current.url}/web`);
  await page.locator(`#who option[value="${email}"]`).waitFor({ state: 'attached' });
  await page.selectOption('#who', email);
  return page;
}

async function send(page: Awaited<ReturnType<typeof openAs>>, text: string) {
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
}

describe('the /web page in a real browser', () => {
  it('chats in Chinese and follows a card button', async () => {
    const page = await openAs('zhang.min@demo.example');
    await send(page, '帮助');
    const card = page.locator('.card').last();
    await expect.poll(() => card.locator('h3').textContent()).toBe('我能帮你做这些');

    await card.getByRole('button', { name: '个人' }).click();
    await expect.poll(() => page.locator('.card').last().locator('h3').textContent()).toBe('个人');
    await expect.poll(() => page.locator('.card').last().locator('dt').first().textContent()).toBe('我是谁');
    await page.close();
  });

  it('shows a friendly line for text it does not understand, in English', async () => {
    const page = await openAs('bob.smith@demo.example');
    await send(page, 'book a meeting room');
    await expect
      .poll(() => page.locator('.card h3').last().textContent())
      .toMatch(/^I didn't get "book a meeting room"/);
    await page.close();
  });

  it('a natural sentence becomes a confirmation card; Submit files the request', async () => {
    const before = await ApprovalRequest.countDocuments({ type: 'expense' });
    const page = await openAs('alice.chen@demo.example');
    await send(page, 'I paid 86 dollars for a taxi to the Contoso office, can I get that back?');
    const card = page.locator('.card').last();
    await expect.poll(() => card.locator('h3').textContent()).toMatch(/^Please confirm:/);
    await expect.poll(() => card.locator('dd').allTextContents()).toContain('86.00 USD');
    expect(await ApprovalRequest.countDocuments({ type: 'expense' })).toBe(before);

    await card.getByRole('button', { name: 'Submit' }).click();
    await expect
      .poll(() => page.locator('.card').last().locator('h3').textContent())
      .toMatch(/^Expense AP-\d+/);
    const filed = await ApprovalRequest.findOne({ type: 'expense' }).sort({ _id: -1 }).lean();
    expect(filed?.data).toMatchObject({ amount: 86, currency: 'USD', category: 'taxi' });
    expect(await ApprovalRequest.countDocuments({ type: 'expense' })).toBe(before + 1);
    await page.close();
  });

  it('shows notifications from the inbox', async () => {
    const people = await app.current.get('/api/employees?department=Engineering', {
      authorization: 'Bearer test-admin-token-0123456789',
    });
    const chen = people.json.employees.find((e: { email: string }) => e.email === 'chen.jie@demo.example');
    await app.current.notify(chen.id, { text: '有 1 个待审批' });
    const page = await openAs('chen.jie@demo.example');
    // the demo's morning digest came first, then this notice
    await expect
      .poll(() => page.locator('.notice').allTextContents())
      .toEqual([expect.stringMatching(/^早安，陈杰 · 今日摘要/), '有 1 个待审批']);
    await page.close();
  });
});
