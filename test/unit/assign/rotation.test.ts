/** Smooth weighted round robin: interleaving, fairness within one lead, state that survives runs and rep changes. */
import fc from 'fast-check';
import { parsePointer, pickNext, serialisePointer, type PoolPointer } from '../../../src/core/assign';

describe('smooth weighted round robin', () => {
  it('interleaves a 5:1:1 pool as nginx does (a a b a c a a)', () => {
    const pointer: PoolPointer = {};
    const candidates = [
      { email: 'a', weight: 5 },
      { email: 'b', weight: 1 },
      { email: 'c', weight: 1 },
    ];
    const picks = Array.from({ length: 7 }, () => pickNext(pointer, candidates));
    expect(picks.join(' ')).toBe('a a b a c a a');
  });

  it('gives nobody a lead when no candidate has a positive weight', () => {
    expect(pickNext({}, [{ email: 'a', weight: 0 }])).toBeNull();
    expect(pickNext({}, [])).toBeNull();
  });

  it('keeps each share within one pick of its weight, at every prefix, across runs split anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
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
