import { ADMIN_TOKEN, useTestApp } from './app.js';
import { useLarkStub } from './lark.js';
import { slackEnv, useSlackStub } from './slack.js';

/**
 * The app with Slack and Lark both on, each against its stand-in, and a way to bind an employee's
 * account on either. `name` keeps each file's Lark credentials its own.
 */
export function useBothPlatforms(name: string) {
  const slack = useSlackStub();
  // read when the app starts: both stubs' URLs are only known once they listen
  const env: Record<string, string> = {
    LARK_APP_ID: `cli_${name}`,
    LARK_APP_SECRET: `secret-${name}`,
    LARK_VERIFICATION_TOKEN: `token-${name}`,
  };
  Object.defineProperties(env, Object.getOwnPropertyDescriptors(slackEnv(slack)));
  const lark = useLarkStub(env, {});
  const app = useTestApp(env);
  const bind = (platform: string, teamId: string, userId: string, email: string) =>
    app.current.post(
      '/api/identities',
      { platform, teamId, userId, email },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );
  return { slack, lark, app, bind };
}
