/**
 * Splits a migration file into its statements, so that each runs as a query of its own: Citus refuses a
 * multi-statement query that touches a distributed table, and PGlite's extended protocol takes one statement.
 *
 * A small lexer, not a parser. A `;` ends a statement unless it is inside a quoted string ('…' with '' escapes,
 * E'…' with backslash escapes), a quoted identifier ("…"), a dollar-quoted body ($$…$$, $tag$…$tag$), a comment
 * (-- to the end of the line, nested /* … *\/), parentheses, or the BEGIN ATOMIC … END body of a SQL-standard
 * CREATE FUNCTION / PROCEDURE (the rule psql follows: psqlscan.l). Statements holding only comments are dropped.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let hasCode = false;
  let parenDepth = 0;
  let beginDepth = 0;
  let words: string[] = [];
  let i = 0;

  const endStatement = (end: number) => {
    if (hasCode) statements.push(script.slice(start, end).trim());
    start = end + 1;
    hasCode = false;
    parenDepth = 0;
    beginDepth = 0;
    words = [];
  };

  while (i < script.length) {
    const c = script[i]!;
    const next = script[i + 1];
    if (c === '-' && next === '-') {
      const newline = script.indexOf('\n', i);
      i = newline < 0 ? script.length : newline + 1;
      continue;
    }
    if (c === '/' && next === '*') {
      i = skipBlockComment(script, i);
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === ';' && parenDepth === 0 && beginDepth === 0) {
      endStatement(i);
      i++;
      continue;
    }
    hasCode = true;
    if (c === "'") {
      i = skipQuoted(script, i, "'", false);
    } else if (c === '"') {
      i = skipQuoted(script, i, '"', false);
    } else if (c === '$' && !isIdentifierPart(script[i - 1])) {
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(script);
      if (tag) {
        const close = script.indexOf(tag[0], i + tag[0].length);
        if (close < 0) throw new Error(`unterminated dollar-quoted string ${tag[0]} at line ${lineOf(script, i)}`);
        i = close + tag[0].length;
      } else {
        i++;
      }
    } else if (isIdentifierStart(c)) {
      let end = i + 1;
      while (end < script.length && isIdentifierPart(script[end])) end++;
      const word = script.slice(i, end).toLowerCase();
      if (word === 'e' && script[end] === "'") {
        i = skipQuoted(script, end, "'", true);
        continue;
      }
      if (words.length < 4) words.push(word);
      if (parenDepth === 0 && startsRoutineDefinition(words)) {
        if (word === 'begin') beginDepth++;
        else if (word === 'case' && beginDepth > 0) beginDepth++;
        else if (word === 'end' && beginDepth > 0) beginDepth--;
      }
      i = end;
    } else {
      if (c === '(') parenDepth++;
      else if (c === ')' && parenDepth > 0) parenDepth--;
      i++;
    }
  }
  endStatement(script.length);
  return statements;
}

/** $$ or $tag$: a tag is an identifier without $ (a $ after a digit is a parameter such as $1). */
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

function isIdentifierStart(c: string): boolean {
  return /[A-Za-z_\u0080-\uffff]/.test(c);
}

function isIdentifierPart(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
}

/** CREATE [OR REPLACE] FUNCTION|PROCEDURE: the statements whose BEGIN ATOMIC body may hold semicolons. */
function startsRoutineDefinition(words: string[]): boolean {
  const [first, second, third, fourth] = words;
  if (first !== 'create') return false;
  const routine = (word: string | undefined) => word === 'function' || word === 'procedure';
  return routine(second) || (second === 'or' && third === 'replace' && routine(fourth));
}

/** The index after the closing quote of the string or identifier opened at `open`; a doubled quote is part of it. */
function skipQuoted(script: string, open: number, quote: "'" | '"', backslashEscapes: boolean): number {
  let i = open + 1;
  while (i < script.length) {
    const c = script[i];
    if (backslashEscapes && c === '\\') {
      i += 2;
    } else if (c === quote) {
      if (script[i + 1] !== quote) return i + 1;
      i += 2;
    } else {
      i++;
    }
  }
  const what = quote === '"' ? 'quoted identifier' : 'string';
  throw new Error(`unterminated ${what} at line ${lineOf(script, open)}`);
}

/** The index after the end of the (nested) block comment opened at `open`. */
function skipBlockComment(script: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < script.length) {
    if (script[i] === '/' && script[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (script[i] === '*' && script[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  throw new Error(`unterminated comment at line ${lineOf(script, open)}`);
}

function lineOf(script: string, index: number): number {
  return script.slice(0, index).split('\n').length;
}
