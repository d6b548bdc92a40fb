/** Smooth weighted round robin: interleaving, fairness within one lead, state that survives runs and rep changes. */
import fc from 'fast-check';
import { parsePointer, pickNext, serialisePointer, type PoolPointer } from '../../../src/core/assign';

describe('smooth weighted round robin', () => {
  it('interleaves a 5:1:1 pool by earliest deadline (a a a b a a c, then again)', () => {
    const pointer: PoolPointer = {};
    const candidates = [
      { email: 'a', weight: 5 },
      { email: 'b', weight: 1 },
      { email: 'c', weight: 1 },
    ];
    const picks = Array.from({ length: 14 }, () => pickNext(pointer, candidates));
    expect(picks.join(' ')).toBe('a a a b a a c a a a b a a c');
  });

  it('gives nobody a lead when no candidate has a positive weight', () => {
    expect(pickNext({}, [{ email: 'a', weight: 0 }])).toBeNull();
    expect(pickNext({}, [])).toBeNull();
  });

  it('keeps each share within one pick of its weight, at every prefix, across runs split anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 9 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }),
        (weights, runSizes) => {
          const candidates = weights.map((weight, i) => ({ email: `r${i}@x.com`, weight }));
          const total = weights.reduce((a, b) => a + b, 0);
          const counts = new Map<string, number>();
          let stored = serialisePointer({});
          let picks = 0;
          let worst = 0;
          for (const size of runSizes) {
            const pointer = parsePointer(stored); // every run starts from the stored JSON
            for (let i = 0; i < size; i++) {
              const email = pickNext(pointer, candidates)!;
              counts.set(email, (counts.get(email) ?? 0) + 1);
              picks++;
              for (const c of candidates) {
                const ideal = (picks * c.weight) / total;
                worst = Math.max(worst, Math.abs((counts.get(c.email) ?? 0) - ideal));
              }
            }
            stored = serialisePointer(pointer);
          }
          return worst < 1;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays strictly within one lead where nginx\u2019s greedy rule falls a whole lead behind', () => {
    // The counterexample fast-check once found for the greedy rule: after 9 picks of 1 1 1 1 4 4, both weight-4 reps
    // are due 3 leads; the greedy rule had given one of them only 2.
    const candidates = [1, 1, 1, 1, 4, 4].map((weight, i) => ({ email: `r${i}`, weight }));
    const pointer: PoolPointer = {};
    const counts = new Map<string, number>();
    for (let n = 1; n <= 9; n++) {
      const email = pickNext(pointer, candidates)!;
      counts.set(email, (counts.get(email) ?? 0) + 1);
    }
    expect(counts.get('r4')).toBe(3);
    expect(counts.get('r5')).toBe(3);
  });

  it('keeps the others\u2019 state when a rep joins or leaves', () => {
    const pointer: PoolPointer = { 'a@x.com': 2, 'b@x.com': -1, 'c@x.com': -1 };
    pickNext(pointer, [
      { email: 'a@x.com', weight: 1 },
      { email: 'b@x.com', weight: 1 },
      { email: 'd@x.com', weight: 1 },
    ]);
    expect(pointer['c@x.com']).toBe(-1); // left alone while away
    expect(pointer['d@x.com']).toBe(1); // new rep starts from 0
    expect(pointer['a@x.com']).toBe(0); // 2 + 1 - 3: a was due and got it
  });

  it('reads a corrupt stored pointer as a fresh pool', () => {
    expect(parsePointer('{nope')).toEqual({});
    expect(parsePointer(JSON.stringify({ v: 1, weights: { 'A@X.com': 1, bad: 'x' } }))).toEqual({
      'a@x.com': 1,
    });
  });
});
