import {
  markHeld,
  markSent,
  parseState,
  planSends,
  serializeState,
  EMPTY_STATE,
} from '../../../src/core/reminders';

const reps = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    key: `rep${String(i).padStart(2, '0')}@x.com`,
    urgency: 100 - i,
    summary: false,
  }));

describe('send plan', () => {
  it('never sends twice a day and catches up the ones the quota held back', () => {
    let state = EMPTY_STATE;
    const sentPerDay: string[][] = [];
    const lastDay: Record<string, string> = {};
    const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'];
    for (const day of days) {
      const sent: string[] = [];
      // A retried trigger the same day: the daily quota (5 recipients) is shared by both runs.
      for (let attempt = 0; attempt < 2; attempt++) {
        const plan = planSends(reps(12), state, day, 5 - sent.length);
        state = plan.state;
        for (const key of plan.send) {
          sent.push(key);
          state = markSent(state, key, day);
        }
      }
      sentPerDay.push(sent);
      for (const key of sent) lastDay[key] = day;
    }
    // Day 1: the 5 most urgent; day 2: the 7 held back are owed first, then day 3 the last 2 before anyone else.
    for (const sent of sentPerDay) {
      expect(new Set(sent).size).toBe(sent.length);
      expect(sent.length).toBe(5);
    }
    // Everyone was reached within three days.
    expect(Object.keys(lastDay).sort()).toEqual(reps(12).map((r) => r.key));
    expect(sentPerDay[0]).toEqual(
      reps(12)
        .slice(0, 5)
        .map((r) => r.key),
    );
    expect(sentPerDay[1]).toEqual(
      reps(12)
        .slice(5, 10)
        .map((r) => r.key),
    );
    expect(sentPerDay[2].slice(0, 2)).toEqual(
      reps(12)
        .slice(10, 12)
        .map((r) => r.key),
    );
  });

  it('runs twice the same day: the second sends nothing', () => {
    const first = planSends(reps(3), EMPTY_STATE, '2026-11-23', 10);
    let state = first.state;
    for (const key of first.send) state = markSent(state, key, '2026-11-23');
    const second = planSends(reps(3), state, '2026-11-23', 10);
    expect(second.send).toEqual([]);
    expect(second.alreadySent).toHaveLength(3);
    expect(second.state.pending).toEqual([]);
  });

  it('keeps errors pending, survives damaged JSON, and prunes old dates', () => {
    const plan = planSends(reps(2), EMPTY_STATE, '2026-11-23', 1);
    expect(plan.state.pending.map((p) => p.reason)).toEqual(['queued', 'quota']);
    const failed = markHeld(plan.state, plan.send[0], 'error', 'Invalid email');
    expect(failed.pending[0]).toMatchObject({ reason: 'error', error: 'Invalid email' });
    const stored = serializeState({
      ...failed,
      lastSent: { 'a@x.com': '2026-01-01', 'b@x.com': '2026-11-22' },
    });
    const back = parseState(stored.lastSent, stored.pending);
    expect(back.pending).toEqual(failed.pending);
    expect(planSends([], back, '2026-11-23', 5).state.lastSent).toEqual({ 'b@x.com': '2026-11-22' });
    expect(parseState('{not json', 'null')).toEqual(EMPTY_STATE);
    expect(parseState('{"a":5,"b":"2026-11-23"}', '[{"key":1},{"key":"x","since":"2026-11-20"}]')).toEqual({
      lastSent: { b: '2026-11-23' },
      pending: [{ key: 'x', since: '2026-11-20', reason: 'queued' }],
    });
  });

  it('a zero quota sends nothing and loses nobody', () => {
    const plan = planSends(reps(3), EMPTY_STATE, '2026-11-23', 0);
    expect(plan.send).toEqual([]);
    expect(plan.state.pending.map((p) => p.key)).toEqual(reps(3).map((r) => r.key));
  });
});
