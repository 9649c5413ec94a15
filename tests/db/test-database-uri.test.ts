import { describe, expect, it } from 'vitest';
import { withDatabase } from '../helpers/db.js';

// TEST_MONGODB_URI may be any server's URI; each test file still gets a database of its own there.
describe('withDatabase', () => {
  it.each([
    ['mongodb://127.0.0.1:27017', 'mongodb://127.0.0.1:27017/t_1'],
    ['mongodb://127.0.0.1:27017/', 'mongodb://127.0.0.1:27017/t_1'],
    ['mongodb://h1:27017,h2:27017/app?replicaSet=rs0', 'mongodb://h1:27017,h2:27017/t_1?replicaSet=rs0'],
    // credentials keep authenticating where they did: the URI's database, else admin
    [
      'mongodb://u:p%40ss@h1,h2/app?replicaSet=rs0',
      'mongodb://u:p%40ss@h1,h2/t_1?replicaSet=rs0&authSource=app',
    ],
    [
      'mongodb+srv://u:p@cluster0.example.net/?retryWrites=true',
      'mongodb+srv://u:p@cluster0.example.net/t_1?retryWrites=true&authSource=admin',
    ],
    ['mongodb://u:p@h/app?authSource=users', 'mongodb://u:p@h/t_1?authSource=users'],
  ])('%s → %s', (uri, expected) => {
    expect(withDatabase(uri, 't_1')).toBe(expected);
  });

  it('refuses what is not a MongoDB URI', () => {
    expect(() => withDatabase('postgres://h/db', 't_1')).toThrow('Not a MongoDB URI');
  });
});
