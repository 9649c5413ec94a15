import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';

const full = {
  LARK_APP_ID: 'cli_x',
  LARK_APP_SECRET: 'secret-value',
  LARK_VERIFICATION_TOKEN: 'token-value',
};

describe('Lark configuration', () => {
  it('is off without any Lark variable', () => {
    expect(loadConfig({}).lark).toBeUndefined();
  });

  it('is on with app id, secret and token; feishu and webhook by default', () => {
    expect(loadConfig(full).lark).toEqual({
      appId: 'cli_x',
      appSecret: 'secret-value',
      verificationToken: 'token-value',
      encryptKey: undefined,
      domain: 'https://open.feishu.cn',
      connection: 'webhook',
    });
    expect(loadConfig({ ...full, LARK_DOMAIN: 'lark' }).lark?.domain).toBe('https://open.larksuite.com');
    expect(loadConfig({ ...full, LARK_DOMAIN: 'http://127.0.0.1:9/' }).lark?.domain).toBe(
      'http://127.0.0.1:9',
    );
    const ws = { ...full, LARK_APP_ID: 'cli_a1b2c3d4e5f60718', LARK_CONNECTION: 'ws', LARK_ENCRYPT_KEY: 'k' };
    expect(loadConfig(ws).lark).toMatchObject({ connection: 'ws', encryptKey: 'k' });
    // the SDK's long connection quietly never connects for other ids: refuse to start instead
    expect(() => loadConfig({ ...ws, LARK_APP_ID: 'cli_x' })).toThrow(
      /LARK_APP_ID must be cli_ and 16 hex digits .* for LARK_CONNECTION=ws/,
    );
  });

  it('names every missing variable of a partial setup, never echoing secrets', () => {
    expect(() => loadConfig({ LARK_APP_ID: 'cli_x' })).toThrow(
      /LARK_APP_SECRET is required when Lark is configured; LARK_VERIFICATION_TOKEN is required/,
    );
    expect(() => loadConfig({ LARK_ENCRYPT_KEY: 'only-a-key' })).toThrow(/LARK_APP_ID is required/);
    let message = '';
    try {
      loadConfig({ ...full, LARK_DOMAIN: 'ftp://x', LARK_CONNECTION: 'socket', LARK_APP_SECRET: '' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/LARK_DOMAIN must be feishu, lark or an http\(s\):\/\/ base URL/);
    expect(message).toMatch(/LARK_CONNECTION/);
    expect(message).toMatch(/LARK_APP_SECRET is required/);
    expect(message).not.toContain('token-value');
  });
});
