/** What the rep forms' server functions return to the sidebars (plain JSON: google.script.run cannot carry Date). */
import type { CustomerSummary, DuplicateReason } from '../../core/forms/customers';
import type { CustomerCard } from '../../core/forms/card';

export type FieldErrors = Record<string, string>;

export interface DuplicateInfo {
  id: string;
  company: string;
  contact: string;
  row: number;
  owner: string;
  reasons: DuplicateReason[];
}

export interface SaveCustomerRequest {
  customer: Record<string, string>;
  /** True after the user saw the duplicate warning and chose "save anyway". */
  allowDuplicate?: boolean;
}

export type SaveCustomerResult =
  | { status: 'saved'; id: string; row: number; name: string }
  | { status: 'invalid'; errors: FieldErrors }
  | { status: 'duplicate'; matches: DuplicateInfo[] };

export type SaveFollowUpResult =
  | { status: 'saved'; id: string; row: number; name: string; nextFollowUp: string }
  | { status: 'invalid'; errors: FieldErrors };

export type SaveDealResult =
  | {
      status: 'saved';
      id: string;
      row: number;
      name: string;
      totalPurchases: number;
      orderCount: number;
      tier: string;
    }
  | { status: 'invalid'; errors: FieldErrors };

export interface CustomerList {
  /** The customers the user may pick (their own; every customer for a manager), newest contact first. */
  customers: CustomerSummary[];
  /** True when the list covers every customer (managers), false when only the user's own. */
  all: boolean;
  /** Customer id of the row selected in the sheet, when it is one the user may pick (pre-selects it). */
  selectedId: string;
  /** How many customers the user may pick in all; more than `customers.length` when the list was cut. */
  total: number;
  /** True when only the most recent part is listed: searches then go to the server (apiSearchCustomers). */
  truncated: boolean;
}

export interface CustomerSearchResult {
  /** The best matches, best first (at most 30). */
  customers: CustomerSummary[];
  /** How many matched in all. */
  total: number;
}

export type CardResult = { status: 'ok'; card: CustomerCard } | { status: 'noSelection'; message: string };
