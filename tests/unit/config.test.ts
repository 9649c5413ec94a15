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
    expect(loadConfig({ NODE_ENV: 'production', WEB_CHAT: 'on' }).webChat).toBe(true);
    expect(() => loadConfig({ WEB_CHAT: 'yes' })).toThrow(/WEB_CHAT/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ MONGODB_URI: '', PORT: '' }).port).toBe(3000);
  });
});
