import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FEATURES_VERSION, featuresOf } from './features.js';

const require = createRequire(import.meta.url);
type Container = {
  use(x: unknown): void;
  registerConfiguration(tag: string, settings: Record<string, unknown>, overwrite?: boolean): void;
  register(name: string, x: unknown, singleton?: boolean): void;
  get(name: string): NlpEngine;
};
type NlpEngine = {
  settings: Record<string, unknown>;
  addLanguage(locale: string): void;
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<unknown>;
  process(locale: string, text: string): Promise<{ classifications: { intent: string; score: number }[] }>;
  export(minified?: boolean): string;
  import(model: string): void;
};
const core = require('@nlpjs/core') as {
  containerBootstrap(): Promise<Container>;
  Tokenizer: new (container: unknown, shouldTokenize?: boolean) => object;
  BaseStemmer: new (container: unknown) => object;
  Normalizer: new (container: unknown) => object;
};
const { Nlp } = require('@nlpjs/nlp') as { Nlp: unknown };

export type Example = { text: string; intent: string };
export type Ranked = { intent: string; score: number }[];

/**
 * Our features go in as space-separated words, so NLP.js's own pipeline steps must pass them
 * through unchanged: we register a "language" whose tokenizer splits on spaces and whose
 * normalizer and stemmer do nothing.
 */
const LOCALE = 'zh';
class SpaceTokenizer extends core.Tokenizer {
  name = 'tokenizer-zh';
  innerTokenize(text: string): string[] {
    return text.split(' ').filter(Boolean);
  }
}
class NoStemmer extends core.BaseStemmer {
  name = 'stemmer-zh';
  stemWord(word: string): string {
    return word;
  }
}
class NoNormalizer extends core.Normalizer {
  name = 'normalizer-zh';
  normalize(text: string): string {
    return text;
  }
}

/**
 * An intent classifier learnt from example sentences: NLP.js's neural NLU (one perceptron per
 * intent over bag-of-feature inputs; weights start at zero, so training is deterministic — the
 * same examples give the same model). Trained models are cached on disk by a hash of the
 * examples, so a restart or the next test file loads one in milliseconds instead of training.
 */
export class IntentClassifier {
  private constructor(private readonly engine: NlpEngine) {}

  static async load(examples: Example[], cacheDir: string): Promise<IntentClassifier> {
    const engine = await newEngine();
    const key = createHash('sha256')
      .update(JSON.stringify([FEATURES_VERSION, examples]))
      .digest('hex')
      .slice(0, 16);
    const file = join(cacheDir, `nlu-${key}.json`);
    const cached = await readFile(file, 'utf8').catch(() => null);
    if (cached) {
      engine.import(cached);
      return new IntentClassifier(engine);
    }
    for (const e of examples) engine.addDocument(LOCALE, featuresOf(e.text).join(' ') || 'xempty', e.intent);
    await engine.train();
    await mkdir(cacheDir, { recursive: true });
    // written whole then renamed: a concurrent start never reads half a model
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, engine.export(true));
    await rename(tmp, file);
    return new IntentClassifier(engine);
  }

  /** Intents by score, best first. */
  async classify(text: string): Promise<Ranked> {
    const words = featuresOf(text).join(' ');
    if (!words) return [];
    const result = await this.engine.process(LOCALE, words);
    return result.classifications.filter((c) => c.intent !== 'None').sort((a, b) => b.score - a.score);
  }
}

async function newEngine(): Promise<NlpEngine> {
  const container = await core.containerBootstrap();
  // NLP.js's defaults for every NLU, with its per-epoch training log turned off
  container.registerConfiguration('nlu-??', {
    keepStopwords: true,
    nonefeatureValue: 1,
    nonedeltaMultiplier: 1.2,
    spellCheck: false,
    spellCheckDistance: 1,
    filterZeros: true,
    log: false,
  });
  container.use(Nlp);
  container.register('tokenizer-zh', SpaceTokenizer, true);
  container.register('stemmer-zh', NoStemmer, true);
  container.register('normalizer-zh', NoNormalizer, true);
  const engine = container.get('nlp');
  engine.settings.autoSave = false;
  engine.settings.log = false;
  engine.addLanguage(LOCALE);
  return engine;
}
