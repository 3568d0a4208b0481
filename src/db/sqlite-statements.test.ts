import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite-statements.js';

describe('SQLite statements with rows made from arrays', () => {
  let sqlite: SqliteDatabase.Database;

  beforeEach(() => {
    sqlite = new SqliteDatabase(':memory:');
    sqlite.exec(`create table people (id text primary key, name text, age integer, note text);
      insert into people values ('a', 'Ada', 36, null), ('b', 'Bo', 41, 'x');`);
  });
  afterEach(() => sqlite.close());

  it('answers the same rows as better-sqlite3 builds itself, columns in order', () => {
    const cached = withStatementCache(sqlite);
    const query = 'select *, age * 2 as twice from people order by id';
    const rows = cached.prepare(query).all([]);
    expect(rows).toEqual(sqlite.prepare(query).all());
    expect(Object.keys(rows[0] ?? {})).toEqual(['id', 'name', 'age', 'note', 'twice']);
  });

  it('keeps the last of two columns of one name, as better-sqlite3 does', () => {
    const query = "select name as v, 'later' as v from people where id = ?";
    expect(withStatementCache(sqlite).prepare(query).all(['a'])).toEqual(
      sqlite.prepare(query).all('a'),
    );
    expect(withStatementCache(sqlite).prepare(query).all(['a'])).toEqual([{ v: 'later' }]);
  });

  it('makes a column named __proto__ an own property, never the prototype', () => {
    const [row] = withStatementCache(sqlite).prepare("select 'p' as __proto__, 1 as one").all([]);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe('p');
  });

  it('sees a column added after the statement was first run', () => {
    const cached = withStatementCache(sqlite);
    const query = "select * from people where id = 'a'";
    expect(cached.prepare(query).all([])).toEqual([{ id: 'a', name: 'Ada', age: 36, note: null }]);
    sqlite.exec("alter table people add column city text default 'Oslo'");
    expect(cached.prepare(query).all([])).toEqual([
      { id: 'a', name: 'Ada', age: 36, note: null, city: 'Oslo' },
    ]);
  });

  it('iterates rows as objects, and hands a statement being iterated out only once', () => {
    const cached = withStatementCache(sqlite);
    const query = 'select id from people order by id';
    const seen: unknown[] = [];
    for (const row of cached.prepare(query).iterate([])) {
      seen.push(row);
      // The same SQL while the first is iterated gets a statement of its own.
      expect(cached.prepare(query).all([])).toEqual([{ id: 'a' }, { id: 'b' }]);
    }
    expect(seen).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('runs writes and reports what they changed', () => {
    const cached = withStatementCache(sqlite);
    const result = cached.prepare('update people set age = age + 1').run([]);
    expect(Number(result.changes)).toBe(2);
    expect(cached.prepare('select age from people order by id').all([])).toEqual([
      { age: 37 },
      { age: 42 },
    ]);
  });
});
