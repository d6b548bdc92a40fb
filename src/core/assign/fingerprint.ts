/**
 * What a plan's fingerprint covers, so Confirm can tell whether the plan it re-made under the lock is the one the
 * manager previewed. Edits elsewhere in the sheet (notes, phone numbers) do not change it; a new lead, an owner
 * typed by hand, a rep going away or another run in between do. The hashing itself is the server's
 * (Utilities.computeDigest, native in Apps Script): a hash written in script ran a character at a time over the
 * ~2.5 MB of text of 50 000 leads, 42 % of a confirm's CPU on a first, unoptimised call — which every Apps Script
 * execution is.
 */
import type { AssignmentPlan } from './plan';

/** The plan as one text: every assignment and every lead left unassigned, in order. */
export function planFingerprintText(plan: AssignmentPlan): string {
  const parts: string[] = [];
  for (const a of plan.assignments)
    parts.push(`${a.row}\u0001${a.customerId}\u0001${a.fromRep}\u0001${a.toRep}\u0001${a.pool}`);
  parts.push('\u0002');
  for (const u of plan.unassigned) parts.push(`${u.row}\u0001${u.customerId}\u0001${u.reason.code}`);
  return parts.join('\u0003');
}
