import { setTimeout as delay } from 'node:timers/promises';
import type { Reply } from '../../src/bot/types.js';
import type { Logger } from '../../src/logger.js';
import { createChartImages } from '../chart-images.js';
import type { SlackApi } from './api.js';
import { type SlackMessage, toSlackMessage } from './render.js';

/**
 * A fresh upload is scanned by Slack before a block may show it; until then a message naming it
 * is refused with `invalid_blocks` (slackapi/python-slack-sdk#1521, java-slack-sdk#1349: about a
 * second). One wait, one retry.
 */
const PROCESSING_MS = 1500;

/**
 * Sends replies with their chart as an image block (`slack_file` by id). The image is uploaded
 * shared nowhere: the bot that uploaded it may show it in a block, and no public URL is needed
 * (Socket Mode deployments have none). If the chart cannot be drawn or uploaded, or Slack still
 * refuses the block, the card goes with its numbers only.
 * @example await sendWithChart(reply, (m) => api.postMessage({ channel, ...m }))
 */
export function createChartSender(api: SlackApi, log: Logger, processingMs = PROCESSING_MS) {
  const images = createChartImages((png) => api.uploadImage(png, 'chart.png'), log);

  return async function sendWithChart<T>(reply: Reply, send: (m: SlackMessage) => Promise<T>): Promise<T> {
    const chart = 'card' in reply ? reply.card.chart : undefined;
    const fileId = chart ? await images.idOf(chart) : null;
    if (!chart || !fileId) return send(toSlackMessage(reply));
    const withImage = toSlackMessage(reply, fileId);
    try {
      return await send(withImage);
    } catch (err) {
      if (slackError(err) !== 'invalid_blocks') throw err;
    }
    await delay(processingMs);
    try {
      return await send(withImage);
    } catch (err) {
      log.warn(
        { err: slackError(err) ?? (err as Error)?.name },
        'slack refused the chart image; numbers only',
      );
      images.forget(chart);
      return send(toSlackMessage(reply));
    }
  };
}
export type ChartSender = ReturnType<typeof createChartSender>;

/** The Web API's error code (`invalid_blocks`), when Slack answered with one. */
function slackError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
