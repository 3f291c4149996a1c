import { describe, expect, it } from 'vitest';
import { Outbox, OUTBOX_KEY, type KeyValue } from '../../components/classroom/outbox.ts';

const memory = (): KeyValue & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

const answer = (id: string, room = 'ABCDEF') => ({
  id,
  room,
  exercise: 'sigmoid-derivative-in-z',
  seed: '1',
  answer: 'z',
});

describe('Outbox', () => {
  it('keeps answers in order until each is removed, and survives a new instance (a reload)', () => {
    const storage = memory();
    const outbox = new Outbox(storage);
    outbox.add(answer('a1'));
    outbox.add(answer('a2'));
    outbox.add(answer('b1', 'GHJKMN'));
    const reloaded = new Outbox(storage);
    expect(reloaded.pending('ABCDEF').map((a) => a.id)).toEqual(['a1', 'a2']);
    reloaded.remove('a1');
    expect(new Outbox(storage).pending().map((a) => a.id)).toEqual(['a2', 'b1']);
  });

  it('adds an answer with the same id once', () => {
    const outbox = new Outbox(memory());
    outbox.add(answer('a1'));
    outbox.add(answer('a1'));
    expect(outbox.pending()).toHaveLength(1);
  });

  it('reads damaged storage as empty and drops malformed entries', () => {
    const storage = memory();
    storage.data.set(OUTBOX_KEY, '{not json');
    expect(new Outbox(storage).pending()).toEqual([]);
    storage.data.set(OUTBOX_KEY, JSON.stringify([answer('ok'), { id: 3 }, { ...answer('bad'), answer: [0.5] }]));
    expect(new Outbox(storage).pending().map((a) => a.id)).toEqual(['ok']);
  });
});

describe('Outbox and assignments', () => {
  it('keeps the assignment an answer belongs to through a reload, and drops an entry whose assignment is not an id', () => {
    const storage = memory();
    new Outbox(storage).add({ ...answer('a1'), assignment: 3 });
    expect(new Outbox(storage).pending()).toEqual([{ ...answer('a1'), assignment: 3 }]);
    storage.data.set(
      OUTBOX_KEY,
      JSON.stringify([{ ...answer('a2'), assignment: 'three' }, { ...answer('a3'), assignment: 0 }, answer('a4')]),
    );
    expect(new Outbox(storage).pending().map((a) => a.id)).toEqual(['a4']);
  });
});
