import { createHash } from 'node:crypto';
import type { Chart } from '../src/bot/types.js';
import { chartPng } from '../src/charts/chart-png.js';
import type { Logger } from '../src/logger.js';

/** Charts remembered per adapter; a card updated a few times hits it, old ones fall out. */
const REMEMBERED = 200;

/**
 * A chart drawn as PNG and uploaded once: the platform's id for the image (Slack file id, Lark
 * image key), or null when drawing or uploading failed, so the card goes with its numbers only.
 * The same chart again (a card updated by a click, the same report asked twice) reuses the id
 * instead of uploading it again; a failure is not remembered, the next card tries afresh.
 * @example const key = await images.idOf(card.chart) // null → send the card without the image
 */
export function createChartImages(upload: (png: Buffer) => Promise<string>, log: Logger) {
  const ids = new Map<string, Promise<string>>();

  async function idOf(chart: Chart): Promise<string | null> {
    const key = keyOf(chart);
    let id = ids.get(key);
    if (!id) {
      id = chartPng(chart).then(upload);
      ids.set(key, id);
      if (ids.size > REMEMBERED) ids.delete(ids.keys().next().value as string);
    }
    try {
      return await id;
    } catch (err) {
      ids.delete(key);
      // the error's name only: messages of API errors can quote the request
      log.warn({ err: (err as Error)?.name ?? typeof err, chart: chart.kind }, 'chart image not uploaded');
      return null;
    }
  }

  /** The platform refused the image after all (a file it no longer has): upload it afresh next time. */
  function forget(chart: Chart): void {
    ids.delete(keyOf(chart));
  }

  return { idOf, forget };
}
const keyOf = (chart: Chart) => createHash('sha256').update(JSON.stringify(chart)).digest('base64url');

export type ChartImages = ReturnType<typeof createChartImages>;
