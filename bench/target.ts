// A server for the benchmark, in its own process so the load generator does not share its event
// loop: `app` is the real service (its env as JSON: adapters on against stub APIs), `raw` a bare
// hono endpoint doing one driver insert, `slack-api` the stub Slack Web API.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { MongoClient } from 'mongodb';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startApp } from '../src/start-app.js';
import { startSlackStub } from '../tests/helpers/slack-stub.js';

const [kind, uri, envJson] = process.argv.slice(2);
if (kind === 'slack-api') {
  // in its own process so it takes no CPU from the app or autocannon
  const stub = await startSlackStub({ record: false });
  console.log(stub.url);
} else if (!uri || (kind !== 'app' && kind !== 'raw')) {
  throw new Error('usage: target.ts app <mongodb uri> [env json] | raw <mongodb uri> | slack-api');
} else if (kind === 'app') {
  const env = envJson ? (JSON.parse(envJson) as Record<string, string>) : {};
  const config = loadConfig({ MONGODB_URI: uri, PORT: '0', LOG_LEVEL: 'silent', ...env });
  const app = await startApp(config, createLogger('silent'));
  console.log(app.url);
} else {
  const client = await new MongoClient(uri).connect();
  const events = client.db().collection('raw_events');
  const app = new Hono().post('/insert', async (c) => {
    const body = await c.req.json();
    await events.insertOne({ at: new Date(), body });
    return c.json({ ok: true });
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    console.log(`http://127.0.0.1:${info.port}`);
  });
  process.on('SIGTERM', () => server.close(() => client.close().then(() => process.exit(0))));
}
