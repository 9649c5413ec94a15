import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { Employee } from '../../db/models/employee.js';
import { useTestApp } from '../helpers/app.js';
import { launchChromium } from '../helpers/browser.js';

const app = useTestApp();

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
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
    // the demo's morning digest came first, then this notice; both marked as notifications
    const notices = page.locator('.entry.notice');
    await expect
      .poll(() => notices.locator('h3, .msg').allTextContents())
      .toEqual([expect.stringMatching(/^早安，陈杰 · 今日摘要/), '有 1 个待审批']);
    expect(await notices.locator('.meta').first().textContent()).toMatch(/^通知 · /);
    await page.close();
  });
});

/** A page of its own browser context (its own storage), opened as `email`, following live. */
async function openLive(email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app.current.url}/web`);
  await page.locator(`#who option[value="${email}"]`).waitFor({ state: 'attached' });
  await page.selectOption('#who', email);
  await page.locator('body[data-live="open"]').waitFor({ state: 'attached' });
  return { page, context };
}

describe('the /web page live, two people in two browsers', () => {
  it('leave by text, approved from the live card: both pages show the decision in place', async () => {
    const employee = await openLive('zhang.min@demo.example');
    const manager = await openLive('wang.fang@demo.example');
    // a marker that a reload would wipe
    await employee.page.evaluate(() => Object.assign(window, { stayed: true }));
    await manager.page.evaluate(() => Object.assign(window, { stayed: true }));

    await send(employee.page, '请假 下周一 事假 家里有事');
    const filed = employee.page.locator('.entry.bot .card h3').filter({ hasText: /AP-\d+/ });
    await filed.first().waitFor();
    const no = ((await filed.first().textContent()) ?? '').match(/AP-\d+/)?.[0] ?? '';
    expect(no).toMatch(/^AP-\d+$/);

    // the manager's card arrives live, with its buttons
    const cardsOf = (page: typeof manager.page) => page.locator('.card').filter({ hasText: no });
    const live = cardsOf(manager.page);
    await live.getByRole('button', { name: '同意', exact: true }).waitFor({ timeout: 5000 });
    await live.getByRole('button', { name: '同意', exact: true }).click();

    // the manager's copy is redrawn where it stood: decided, no buttons, still one card
    await live.and(manager.page.locator('.status-approved')).waitFor({ timeout: 3000 });
    expect(await cardsOf(manager.page).count()).toBe(1);
    expect(await live.getByRole('button').count()).toBe(0);
    // the employee is told with one decided card, no copy twice
    const decided = cardsOf(employee.page).and(employee.page.locator('.status-approved'));
    await decided.waitFor({ timeout: 3000 });
    expect(await decided.count()).toBe(1);
    for (const { page } of [employee, manager])
      expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);

    // a reload keeps the conversation, decided as it was
    const before = await employee.page.locator('.entry').count();
    await employee.page.reload();
    await employee.page.locator('body[data-live="open"]').waitFor({ state: 'attached' });
    expect(await employee.page.locator('.entry').count()).toBe(before);
    expect(await cardsOf(employee.page).and(employee.page.locator('.status-approved')).count()).toBe(1);
    expect(await employee.page.locator('.entry.me .msg').allTextContents()).toContain(
      '请假 下周一 事假 家里有事',
    );
    await employee.context.close();
    await manager.context.close();
  });

  it('marks what came while the page was closed as new, and keeps a reader where they scrolled', async () => {
    const { page, context } = await openLive('zhou.qiang@demo.example');
    const people = await app.current.get('/web/api/people');
    expect(people.json.people.some((p: { email: string }) => p.email === 'zhou.qiang@demo.example')).toBe(
      true,
    );
    const id = (await Employee.findOne({ email: 'zhou.qiang@demo.example' }).lean())?._id;
    await page.close();
    await app.current.notify(String(id), { text: 'while you were away' });

    const again = await context.newPage();
    await again.goto(`${app.current.url}/web`);
    await again.locator('body[data-live="open"]').waitFor({ state: 'attached' });
    const marker = again.locator('.new-marker + .entry.notice .msg');
    await expect.poll(() => marker.textContent()).toBe('while you were away');

    // a long unbroken line wraps inside its bubble
    await app.current.notify(String(id), { text: 'x'.repeat(600) });
    const long = again.locator('.entry .msg').filter({ hasText: 'xxxxxxxx' });
    await long.waitFor();
    expect(await long.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);

    // scrolled up: a new notice does not move the view
    for (let i = 0; i < 15; i++) await app.current.notify(String(id), { text: `filler ${i}` });
    await again.locator('.msg', { hasText: 'filler 14' }).waitFor();
    await again.evaluate(() => {
      document.getElementById('log')?.scrollTo(0, 0);
    });
    await app.current.notify(String(id), { text: 'one more' });
    await again.locator('.msg', { hasText: 'one more' }).waitFor();
    expect(await again.evaluate(() => document.getElementById('log')?.scrollTop)).toBe(0);
    await again.locator('#below.show').waitFor();
    await context.close();
  });
});

describe('forms and charts in the page', () => {
  it('a bare command opens its form; a field error shows beside the field, the fix files the request', async () => {
    const before = await ApprovalRequest.countDocuments({ type: 'leave' });
    const page = await openAs('li.wei@demo.example');
    await send(page, '请假');
    const form = page.locator('form.form').last();
    await expect.poll(() => form.locator('h3').textContent()).toBe('请假');
    expect(await form.locator('.required').count()).toBeGreaterThan(0);
    await form.locator('select[name=kind]').selectOption('annual');
    await form.locator('input[name=from]').fill('2026-12-10');
    await form.locator('input[name=to]').fill('2026-12-08');
    await form.locator('textarea[name=reason]').fill('回老家');
    await form.getByRole('button', { name: '提交' }).click();
    const errors = form.locator('.field-error:not(:empty)');
    await errors.first().waitFor();
    expect(await form.locator('[aria-invalid=true]').count()).toBeGreaterThan(0);
    expect(await ApprovalRequest.countDocuments({ type: 'leave' })).toBe(before);

    await form.locator('input[name=to]').fill('2026-12-11');
    await form.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.locator('form.form').count()).toBe(0);
    const filed = page.locator('.entry.bot .card h3').filter({ hasText: /^请假 AP-\d+/ });
    await filed.first().waitFor();
    expect(await ApprovalRequest.countDocuments({ type: 'leave' })).toBe(before + 1);

    // the answer is kept: a reload shows it again
    await page.reload();
    await page.locator('body[data-live="open"]').waitFor({ state: 'attached' });
    await filed.first().waitFor();
    await page.close();
  });

  it('analytics show a chart that renders, with the numbers beside it', async () => {
    const page = await openAs('li.wei@demo.example');
    await send(page, '客户分析 城市');
    const chart = page.locator('.card img.chart').last();
    await chart.waitFor();
    await expect
      .poll(() => chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(100);
    expect(await chart.getAttribute('alt')).toBe('客户分析 · 按城市');
    expect(await page.locator('.card .body').last().textContent()).toMatch(/深圳\s+\d+/);
    await page.close();
  });
});
