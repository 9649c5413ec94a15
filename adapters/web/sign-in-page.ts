import { PAGE_STYLE } from './page-style.js';

const shell = (body: string, script = '') => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Workplace assistant · 登录 Sign in</title><style>${PAGE_STYLE}
.sign-in{margin:10vh auto;max-width:26rem;width:92%}.sign-in input{width:100%;padding:8px;margin:8px 0}</style></head>
<body><header><strong>Workplace assistant</strong></header><main class="sign-in card">${body}</main>${script}</body></html>`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Asks for an e-mail; the link goes to that person's Slack or Lark, never to this page. */
export const signInPage = () =>
  shell(
    `<h3>登录 · Sign in</h3>
<p>输入工作邮箱，登录链接会通过 Slack / 飞书 发给你。<br>Enter your work e-mail; a sign-in link is sent to you in Slack or Lark.</p>
<form id="ask"><input id="email" type="email" required autocomplete="email" placeholder="name@company.com" aria-label="e-mail">
<button class="primary">发送链接 · Send link</button></form><p id="sent" role="status"></p>`,
    `<script>
document.getElementById('ask').onsubmit = async (e) => {
  e.preventDefault();
  const res = await fetch('/web/auth/link', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: document.getElementById('email').value }) });
  document.getElementById('sent').textContent = res.ok
    ? '如果这个邮箱属于本公司的同事，登录链接已发到其 Slack / 飞书（15 分钟内有效）。 If that address is someone here, a link is on its way to their Slack or Lark (valid 15 minutes).'
    : '请输入有效的邮箱。 Enter a valid e-mail.';
};
</script>`,
  );

/** The link's landing page: one button that uses the token (a preview fetch does not). */
export const redeemPage = (token: string, problem?: 'used') =>
  shell(
    problem
      ? `<h3>链接无效 · Link not valid</h3><p>链接已用过或已过期。 This link was used or has expired.</p><p><a href="/web/sign-in">重新获取 · Get a new one</a></p>`
      : `<h3>登录 · Sign in</h3><form method="post" action="/web/auth/redeem"><input type="hidden" name="token" value="${escapeHtml(token)}"><button class="primary">进入聊天 · Open the chat</button></form>`,
  );
