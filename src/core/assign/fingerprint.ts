/**
 * A short fingerprint of what a plan would write, so Confirm can tell whether the plan it re-made under the lock is
 * the one the manager previewed. Edits elsewhere in the sheet (notes, phone numbers) do not change it; a new lead,
 * an owner typed by hand, a rep going away or another run in between do.
 */
import type { AssignmentPlan } from './plan';

/** FNV-1a over UTF-16 code units, two lanes with different seeds for a 64-bit result (hex). Not cryptographic. */
export function fnv64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193) >>> 0;
    b = (b + (a >>> 7)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export function planFingerprint(plan: AssignmentPlan): string {
  const parts: string[] = [];
  for (const a of plan.assignments)
    parts.push(`${a.row}\u0001${a.customerId}\u0001${a.fromRep}\u0001${a.toRep}\u0001${a.pool}`);
  parts.push('\u0002');
  for (const u of plan.unassigned) parts.push(`${u.row}\u0001${u.customerId}\u0001${u.reason.code}`);
  return fnv64(parts.join('\u0003'));
}
