import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

/**
 * The web chat page: pick a person (the demo) or be the signed-in one, chat, fill in forms, click
 * card buttons; the conversation stays live. `csrf`: the session's token, sent with every POST.
 */
export const pageHtml = (csrf?: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="csrf" content="${csrf ?? ''}">
<title>Workplace assistant</title>
<style>${PAGE_STYLE}</style></head><body data-live="connecting">
<header><strong>Workplace assistant</strong><label>as <select id="who" aria-label="person"></select></label><span id="live">●</span>${csrf ? '<button id="sign-out" type="button">退出 · Sign out</button>' : ''}</header>
<main id="log" aria-live="polite"><button id="below" type="button">↓</button></main>
<form id="send"><input id="text" autocomplete="off" placeholder="帮助 / help"><input id="files" type="file" multiple aria-label="附件 · attach files"><button>Send</button></form>
<script>${PAGE_SCRIPT}</script></body></html>`;
