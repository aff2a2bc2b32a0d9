import { describe, expect, it } from 'vitest';
import { createTodoRegistry, type TodoSource } from './todos.js';

const source = (key: string): TodoSource => ({ key, action: 'member.write', count: async () => 0 });

describe('the to-do registry', () => {
  it('keeps sources in order of registration, refuses a key twice, and forgets a source when asked', () => {
    const todos = createTodoRegistry();
    const forgetA = todos.register(source('a.waiting'));
    todos.register(source('b.waiting'));
    expect(todos.sources().map((s) => s.key)).toEqual(['a.waiting', 'b.waiting']);
    expect(() => todos.register(source('a.waiting'))).toThrow(/registered twice/);
    forgetA();
    expect(todos.sources().map((s) => s.key)).toEqual(['b.waiting']);
    todos.register(source('a.waiting'));
    expect(todos.sources().map((s) => s.key)).toEqual(['b.waiting', 'a.waiting']);
  });
});
