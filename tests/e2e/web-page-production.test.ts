import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { launchChromium } from '../helpers/browser.js';

// the web chat as production serves it: sign-in required
const production = useTestApp({
  NODE_ENV: 'production',
  WEB_CHAT: 'on',
  WEB_SESSION_SECRET: 'p'.repeat(40),
  PUBLIC_URL: 'https://chat.example.com',
});
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the page in production mode', () => {
  it('refuses a visitor who has not signed in: the page sends them to sign in, the API answers 401', async () => {
    const page = await browser.newPage();
    await page.goto(`${production.current.url}/web`);
    expect(new URL(page.url()).pathname).toBe('/web/sign-in');
    await page.getByRole('button', { name: /Send link/ }).waitFor();
    const status = await page.evaluate(async () => {
      const res = await fetch('/web/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ employee: 'li.wei@demo.example', text: 'help' }),
      });
      return res.status;
    });
    expect(status).toBe(401);
    await page.close();
  });
});
