/**
 * Weighted round robin with state that survives between runs. Each pick adds every candidate's weight to its current
 * weight (as nginx's smooth round robin does), chooses by earliest deadline (see pickNext), and takes the total weight
 * off the winner. A rep of weight 2 is then chosen twice as often as a rep of weight 1, interleaved rather than in
 * bursts, and after n picks each rep's count stays strictly within one of n × weight / total.
 *
 * The state is a map rep e-mail → current weight per pool, serialised as JSON into a document property. Keying by
 * e-mail (not by position) is what keeps fairness when reps are added or removed: a new rep starts at 0 (the mean,
 * since current weights of a fixed set sum to 0), everyone else keeps what they had.
 */

/** Current weights of one pool, by lower-case rep e-mail. */
export type PoolPointer = Record<string, number>;

/** Every pool's pointer, by pool key. */
export type RotationState = Record<string, PoolPointer>;

export interface Candidate {
  email: string;
  weight: number;
}

/** Weights are summed many thousands of times; rounding keeps the stored JSON short and the sums exact enough. */
function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/**
 * Picks one candidate and advances the pool's pointer in place.
 *
 * The pointer holds each rep's lag scaled by the total weight: current = total × (n × weight / total − count), the
 * number nginx's smooth round robin keeps. Nginx then takes the highest current weight; that greedy rule lets a
 * rep fall a whole lead or more behind its share (weights 1 1 1 1 4 4: after 9 picks one of the weight-4 reps has 2
 * where 3 are due, and 8 reps can reach 1.09 behind), because two heavy reps can both come due at the same pick.
 * Scheduling instead by earliest deadline (the uniprocessor Pfair rule) keeps every rep strictly within one lead of
 * its share at every pick: a rep may take its next lead once that no longer puts it a whole lead ahead
 * (current + weight > 0), and among those the one whose next lead falls due first — the fewest picks until its lag
 * reaches one lead, ceil((total − current) / weight) — is chosen. Ties go to the candidate listed first (the Reps
 * sheet's order), so a plan is deterministic. The stored state is the same, so pointers saved by earlier versions
 * carry on.
 * @returns the chosen e-mail, or null when there is no candidate with a positive weight.
 */
export function pickNext(pointer: PoolPointer, candidates: readonly Candidate[]): string | null {
  const count = candidates.length;
  let total = 0;
  for (let i = 0; i < count; i++) if (candidates[i].weight > 0) total += candidates[i].weight;
  if (!(total > 0)) return null;
  // Each rep's position read once (a pick runs for every lead: 50 000 × the pool's reps).
  const currents = new Array<number>(count);
  let best = -1;
  let bestDeadline = Infinity;
  let fallback = -1;
  let fallbackCurrent = -Infinity;
  for (let i = 0; i < count; i++) {
    const candidate = candidates[i];
    if (!(candidate.weight > 0)) continue;
    const current = pointer[candidate.email] ?? 0;
    currents[i] = current;
    // The most-behind rep, used only when a joined/changed pool leaves nobody eligible.
    if (current > fallbackCurrent) {
      fallbackCurrent = current;
      fallback = i;
    }
    if (current + candidate.weight <= 1e-9) continue;
    const deadline = Math.ceil((total - current) / candidate.weight - 1e-9);
    if (deadline < bestDeadline) {
      bestDeadline = deadline;
      best = i;
    }
  }
  const chosen = best >= 0 ? best : fallback;
  if (chosen < 0) return null;
  for (let i = 0; i < count; i++) {
    const candidate = candidates[i];
    if (!(candidate.weight > 0)) continue;
    const next = tidy(currents[i] + candidate.weight);
    pointer[candidate.email] = i === chosen ? tidy(next - total) : next;
  }
  return candidates[chosen].email;
}

/** A deep copy, so a plan never changes the state it was given. */
export function cloneRotation(state: RotationState): RotationState {
  const copy: RotationState = {};
  for (const [pool, pointer] of Object.entries(state)) copy[pool] = { ...pointer };
  return copy;
}

/**
 * Reads a stored pointer. Anything unreadable (hand-edited, from an older version) starts the pool afresh rather
 * than failing the run: fairness restarts for that pool only.
 */
export function parsePointer(json: string | null | undefined): PoolPointer {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    const weights =
      parsed && typeof parsed === 'object' && 'weights' in parsed
        ? (parsed as { weights: unknown }).weights
        : parsed;
    if (!weights || typeof weights !== 'object' || Array.isArray(weights)) return {};
    const pointer: PoolPointer = {};
    for (const [email, value] of Object.entries(weights as Record<string, unknown>)) {
      if (typeof value === 'number' && Number.isFinite(value)) pointer[email.toLowerCase()] = value;
    }
    return pointer;
  } catch {
    return {};
  }
}

/** The stored form of a pool's pointer (versioned so a later format can still read it). */
export function serialisePointer(pointer: PoolPointer): string {
  const sorted: PoolPointer = {};
  for (const email of Object.keys(pointer).sort()) sorted[email] = pointer[email];
  return JSON.stringify({ v: 1, weights: sorted });
}

/**
 * Drops reps who are no longer on the Reps sheet, so a departed rep's weight does not linger in the property
 * (9 KB per value). Reps still listed but away or inactive keep their place for when they return.
 */
export function prunePointer(pointer: PoolPointer, knownEmails: ReadonlySet<string>): PoolPointer {
  const kept: PoolPointer = {};
  for (const [email, value] of Object.entries(pointer)) if (knownEmails.has(email)) kept[email] = value;
  return kept;
}
