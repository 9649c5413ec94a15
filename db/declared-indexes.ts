import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mongoose from 'mongoose';

export type DeclaredIndex = {
  collection: string;
  model: string;
  keys: Record<string, unknown>;
  options: Record<string, unknown>;
};

const MODELS_DIR = fileURLToPath(new URL('./models/', import.meta.url));

/** Loads every model file, so a model added tomorrow is listed without touching this script. */
async function loadModels(): Promise<mongoose.Model<unknown>[]> {
  const files = (await readdir(MODELS_DIR)).filter((f) => f.endsWith('.ts')).sort();
  for (const file of files) await import(pathToFileURL(`${MODELS_DIR}${file}`).href);
  return Object.values(mongoose.models);
}

/** Every index the model files declare, by collection; what `npm run indexes` prints. */
export async function declaredIndexes(): Promise<DeclaredIndex[]> {
  const models = await loadModels();
  return models
    .flatMap((model) =>
      model.schema.indexes().map(([keys, options]) => ({
        collection: model.collection.collectionName,
        model: model.modelName,
        keys: keys as Record<string, unknown>,
        // mongoose adds `background` to every index; it changes nothing on MongoDB ≥ 4.2
        options: Object.fromEntries(Object.entries(options ?? {}).filter(([name]) => name !== 'background')),
      })),
    )
    .sort((a, b) => a.collection.localeCompare(b.collection));
}

/** One aligned line per index: collection, keys, options. */
export function asTable(indexes: DeclaredIndex[]): string {
  const show = (o: Record<string, unknown>) =>
    Object.entries(o)
      .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
      .join(', ');
  const rows = indexes.map((i) => [i.collection, `{ ${show(i.keys)} }`, show(i.options)]);
  const widths = [0, 1].map((c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)));
  return rows
    .map(([collection = '', keys = '', options = '']) =>
      `${collection.padEnd(widths[0] ?? 0)}  ${keys.padEnd(widths[1] ?? 0)}  ${options}`.trimEnd(),
    )
    .join('\n');
}
