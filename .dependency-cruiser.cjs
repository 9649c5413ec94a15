/**
 * The module rules of DESIGN.md, checked in CI (`npm run deps`):
 * adapters translate, flows decide, the core (src/bot) holds no storage, and a flow is a module
 * whose folder shows one face (its index.ts or api.ts) to everyone else.
 */
const FACE = '^flows/[^/]+/(index|api)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'flow-private',
      comment: "Another flow's files are private: go through its index.ts or api.ts.",
      severity: 'error',
      from: { path: '^flows/([^/]+)/' },
      to: { path: '^flows/[^/]+/', pathNot: ['^flows/$1/', FACE] },
    },
    {
      name: 'wiring-uses-faces',
      comment: 'The app wiring and the admin API reach flows through their faces too.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^flows/[^/]+/', pathNot: [FACE] },
    },
    {
      name: 'core-is-pure',
      comment: 'The bot core (src/bot) imports neither storage nor flows: both are injected.',
      severity: 'error',
      from: { path: '^src/bot/' },
      to: { path: '^(db|flows|adapters)/' },
    },
    {
      name: 'storage-below-the-core',
      comment: 'db/ knows nothing of the bot, the flows or the adapters (the kernel it may use: errors, logger, clock).',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(flows|adapters)/|^src/(?!errors|logger|clock)' },
    },
    {
      name: 'adapters-translate',
      comment: 'Adapters translate: no flows, no storage.',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^(flows|db)/' },
    },
    {
      name: 'flows-are-platform-free',
      comment: 'Flows never see an adapter or a platform SDK.',
      severity: 'error',
      from: { path: '^(flows|src/bot|db)/' },
      to: { path: '^adapters/|node_modules/(@slack|@larksuiteoapi)/' },
    },
    {
      name: 'sdk-in-adapters-only',
      comment: 'Platform SDKs are used only in adapters/.',
      severity: 'error',
      from: { path: '^(?!adapters/|tests/|bench/)' },
      to: { path: 'node_modules/(@slack|@larksuiteoapi)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles between modules.',
      severity: 'error',
      from: { path: '^(src|flows|db|adapters)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(tests|bench|node_modules)/' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
