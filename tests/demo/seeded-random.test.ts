import { createSeededRandom } from '../../src/demo/seeded-random';

describe('seeded random', () => {
  test('same seed, same sequence; another seed, another sequence', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    for (const x of seqA) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  test('int covers both bounds and nothing else', () => {
    const rng = createSeededRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  test('weighted never draws a zero weight and follows the weights', () => {
    const rng = createSeededRandom(11);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) {
      const k = rng.weighted<keyof typeof counts>([
        ['a', 3],
        ['b', 1],
        ['c', 0],
      ]);
      counts[k]++;
    }
    expect(counts.c).toBe(0);
    expect(counts.a / 10_000).toBeGreaterThan(0.72);
    expect(counts.a / 10_000).toBeLessThan(0.78);
  });

  test('sample returns distinct items in their original order', () => {
    const rng = createSeededRandom(5);
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    for (let i = 0; i < 50; i++) {
      const s = rng.sample(items, 4);
      expect(s).toHaveLength(4);
      expect(new Set(s).size).toBe(4);
      const positions = s.map((x) => items.indexOf(x));
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
    }
    expect(rng.sample(items, 10)).toEqual(items);
  });
});
