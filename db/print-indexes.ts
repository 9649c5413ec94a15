// `npm run indexes [-- --json]`: every index the models declare, read from their mongoose schemas
// (no database needed). The app builds these itself at start-up; this list is for reviewing a
// production MongoDB (sizes, shard keys, TTL). Every collection also has its `_id` index.
import { asTable, declaredIndexes } from './declared-indexes.js';

const indexes = await declaredIndexes();
console.log(process.argv.includes('--json') ? JSON.stringify(indexes, null, 2) : asTable(indexes));
