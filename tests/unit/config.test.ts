import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('gives working defaults for the embedded store', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      webChat: true,
      seedDemo: true,
      env: 'development',
    });
    expect(config.mongodbUri).toBeUndefined();
    expect(config.adminToken).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('takes the company currency as an ISO 4217 code, CNY unless set', () => {
    expect(loadConfig({}).currency).toBe('CNY');
    expect(loadConfig({ CURRENCY: ' usd ' }).currency).toBe('USD');
    expect(() => loadConfig({ CURRENCY: 'RMB' })).toThrow(
      /^Invalid configuration: CURRENCY must be an ISO 4217 currency code, like CNY, USD or EUR \(got "RMB"\)$/,
    );
  });

  it('names the bad variable in one line', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/^Invalid configuration: PORT .*\(got "abc"\)$/);
  });

  it('reports every problem at once and never echoes secrets', () => {
    let message = '';
    try {
      loadConfig({ PORT: '70000', ADMIN_TOKEN: 'short-secret', MONGODB_URI: 'postgres://x' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('PORT');
    expect(message).toContain('ADMIN_TOKEN must be at least 16 characters');
    expect(message).toContain('MONGODB_URI must start with mongodb://');
    expect(message).not.toContain('short-secret');
    expect(message).not.toContain('postgres://x');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('turns the web chat off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).webChat).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', WEB_CHAT: 'on' })).toThrow(
      'Invalid configuration: WEB_SESSION_SECRET is required in production with WEB_CHAT=on; PUBLIC_URL is required in production with WEB_CHAT=on',
    );
    const signIn = { WEB_SESSION_SECRET: 's'.repeat(32), PUBLIC_URL: 'https://chat.example.com/' };
    expect(loadConfig({ NODE_ENV: 'production', WEB_CHAT: 'on', ...signIn })).toMatchObject({
      webChat: true,
      webAuth: 'sign-in',
      publicUrl: 'https://chat.example.com',
      warnings: [],
    });
    expect(loadConfig({}).webAuth).toBe('demo');
    expect(() => loadConfig({ WEB_CHAT: 'yes' })).toThrow(/WEB_CHAT/);
  });

  it('production seeds no demo company unless forced, and warns about the web chat', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ seedDemo: false, warnings: [] });
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'on' })).toThrow(
      'Invalid configuration: SEED_DEMO=on is refused in production (it creates a demo admin); set SEED_DEMO=force to seed anyway',
    );
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'force' })).toMatchObject({
      seedDemo: true,
      warnings: ['SEED_DEMO=force in production: the demo company and its admin are seeded'],
    });
    expect(loadConfig({ NODE_ENV: 'production', WEB_CHAT: 'on', WEB_AUTH: 'demo' }).warnings).toEqual([
      'WEB_AUTH=demo in production: anyone who reaches /web can act as any employee, the admin too',
    ]);
    expect(loadConfig({ WEB_CHAT: 'on', SEED_DEMO: 'on' }).warnings).toEqual([]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ MONGODB_URI: '', PORT: '' }).port).toBe(3000);
  });
});

describe('loadConfig: Slack', () => {
  const secret = 'slack-signing-secret-123';
  it('turns Slack on with the signing secret and bot token, defaulting the command', () => {
    expect(loadConfig({}).slack).toBeUndefined();
    expect(
      loadConfig({
        SLACK_SIGNING_SECRET: secret,
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_API_URL: 'http://127.0.0.1:9/api',
      }).slack,
    ).toEqual({
      signingSecret: secret,
      botToken: 'xoxb-1',
      appToken: undefined,
      command: '/assistant',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
  });

  it('names the missing half and never echoes a secret', () => {
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: secret })).toThrow(
      /^Invalid configuration: SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET is set$/,
    );
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toThrow(
      /SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN, SLACK_APP_TOKEN is set/,
    );
    let message = '';
    try {
      loadConfig({ SLACK_SIGNING_SECRET: 'short', SLACK_BOT_TOKEN: 'xoxp-user', SLACK_COMMAND: 'assistant' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/SLACK_SIGNING_SECRET must be at least 8/);
    expect(message).toMatch(/SLACK_BOT_TOKEN must start with xoxb-/);
    expect(message).toMatch(/SLACK_COMMAND must look like \/assistant \(got "assistant"\)/);
    expect(message).not.toMatch(/short|xoxp-user/);
  });
});
