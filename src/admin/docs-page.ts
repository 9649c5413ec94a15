import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The two files of Swagger UI the page needs, served from the installed package (no CDN). */
export const DOCS_ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const;
export type DocsAsset = keyof typeof DOCS_ASSETS;

const cache = new Map<DocsAsset, Promise<string>>();

export function docsAsset(name: DocsAsset): Promise<string> {
  let text = cache.get(name);
  if (!text) {
    const dir = (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();
    text = readFile(join(dir, name), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** The browsable reference: Swagger UI over /api/openapi.json; "Authorize" takes the admin token. */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Admin API — workplace assistant</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script>
window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', deepLinking: true });
</script>
</body>
</html>`;
