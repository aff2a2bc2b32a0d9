import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { splitStatements } from './sql-statements.js';
import { listMigrations } from './migrate.js';

describe('splitStatements', () => {
  it('splits on top-level semicolons and trims each statement', () => {
    expect(splitStatements('SELECT 1;\n  SELECT 2 ;SELECT 3')).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
  });

  it('keeps a semicolon inside a string, an E-string, a quoted identifier or parentheses', () => {
    const script = `INSERT INTO t VALUES ('a;''b', E'c\\';d', "e;""f", (SELECT 1; ));\nSELECT U&'x;'`;
    expect(splitStatements(script)).toEqual([`INSERT INTO t VALUES ('a;''b', E'c\\';d', "e;""f", (SELECT 1; ))`, `SELECT U&'x;'`]);
  });

  it('reads a backslash in a plain string as itself', () => {
    expect(splitStatements(`SELECT 'a\\'; SELECT 2`)).toEqual([`SELECT 'a\\'`, 'SELECT 2']);
  });

  it('keeps dollar-quoted bodies whole, with or without a tag, and tells them from $1 and names with $', () => {
    const fn = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  RAISE EXCEPTION 'no; $$ here';
END;
$body$`;
    expect(splitStatements(`${fn};\nDO $$ BEGIN PERFORM 1; END $$;\nSELECT a$b$ FROM t WHERE x = $1; SELECT 2`)).toEqual([
      fn,
      'DO $$ BEGIN PERFORM 1; END $$',
      'SELECT a$b$ FROM t WHERE x = $1',
      'SELECT 2',
    ]);
  });

  it('ignores semicolons in line comments and in nested block comments, which stay with the statement they precede', () => {
    const script = `-- header; still a comment\nSELECT 1 /* a; /* nested; */ still; */ + 1; -- next;\nSELECT 2`;
    expect(splitStatements(script)).toEqual([
      '-- header; still a comment\nSELECT 1 /* a; /* nested; */ still; */ + 1',
      '-- next;\nSELECT 2',
    ]);
  });

  it('drops statements that are empty or only comments', () => {
    expect(splitStatements(';;\n-- only a comment;\n/* and; this */;\nSELECT 1;;  \n-- the end\n')).toEqual(['SELECT 1']);
  });

  it('keeps the BEGIN ATOMIC body of a SQL-standard function together, CASE … END included', () => {
    const fn = `CREATE OR REPLACE FUNCTION g(x int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;
  SELECT x;
END`;
    expect(splitStatements(`BEGIN; ${fn}; COMMIT;`)).toEqual(['BEGIN', fn, 'COMMIT']);
  });

  it('refuses an unterminated string, identifier, dollar quote or comment, naming the line', () => {
    expect(() => splitStatements(`SELECT 1;\nSELECT 'x`)).toThrow('unterminated string at line 2');
    expect(() => splitStatements(`SELECT "x`)).toThrow('unterminated quoted identifier at line 1');
    expect(() => splitStatements(`SELECT 1;\n\nDO $x$ BEGIN END $y$`)).toThrow('unterminated dollar-quoted string $x$ at line 3');
    expect(() => splitStatements(`SELECT 1 /* /* */`)).toThrow('unterminated comment at line 1');
  });

  it('splits joined statements back into the same statements, whatever literals and comments they hold', () => {
    const tricky = fc.string({ unit: fc.constantFrom(';', "'", '"', '$', '-', '/', '*', '\\', 'E', 'a', '_', '1', ' ', '\n') });
    const word = fc.constantFrom('SELECT', 'x', 'a$b', '$1', '1', '+', '=', 'E', 'end', 'begin');
    const plainString = tricky.map((s) => `'${s.replaceAll("'", "''")}'`);
    const escapeString = tricky.map((s) => `E'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`);
    const identifier = tricky.map((s) => `"${s.replaceAll('"', '""')}"`);
    const dollarQuoted = fc
      .tuple(fc.constantFrom('', 'body', 'x_1', 'é'), tricky)
      .filter(([tag, body]) => `${body}$${tag}$`.indexOf(`$${tag}$`) === body.length)
      .map(([tag, body]) => `$${tag}$${body}$${tag}$`);
    const lineComment = tricky.map((s) => `-- ${s.replaceAll('\n', ' ')}\n`);
    const { blockComment } = fc.letrec<{ blockComment: string }>((tie) => ({
      blockComment: fc
        .array(
          fc.oneof(
            { depthSize: 'small' },
            tricky.map((s) => s.replace(/[/*]/g, '.')),
            tie('blockComment'),
          ),
          { maxLength: 3 },
        )
        .map((parts) => `/*${parts.join(' ')}*/`),
    }));
    const fragment = fc.oneof(word, plainString, escapeString, identifier, dollarQuoted, lineComment, blockComment);
    const statement = fc
      .tuple(fc.array(fragment, { maxLength: 8 }), word)
      .map(([fragments, last]) => [...fragments, last].join(' ').trim());
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 6 }), (statements) => {
        expect(splitStatements(statements.join(';\n'))).toEqual(statements);
      }),
      { numRuns: 300 },
    );
  });

  it('splits every migration into the statements PostgreSQL itself finds in it', async () => {
    // PGlite's exec runs a script as one simple query and answers once per statement: the server's own count.
    const pglite = await PGlite.create({ extensions: { ltree, pg_trgm, btree_gist } });
    try {
      for (const migration of listMigrations()) {
        const statements = splitStatements(migration.sql);
        const results = await pglite.exec(migration.sql);
        expect({ migration: migration.name, statements: statements.length }).toEqual({
          migration: migration.name,
          statements: results.length,
        });
      }
    } finally {
      await pglite.close();
    }
  });
});
