/**
 * The *Log opportunity* sidebar's server side. `apiOpportunityForm` gives the pipeline and a customer's
 * opportunities; `apiSaveOpportunity` validates with the form's schema, then under the document lock appends or
 * updates the row and records a stage change in Stage history; `apiDealFromOpportunity` writes the deal of a won
 * opportunity (once). A rep works only on customers they own, as in Log deal (findEditableCustomer).
 */
import { nextId } from '../../core/forms/customers';
import { issuesToFieldErrors } from '../../core/forms/errors';
import { toSheetRecord } from '../../core/forms/records';
import { FORM_FIELDS, makeDealFormSchema } from '../../core/forms/schemas';
import { customerOpportunities, type CardOpportunity } from '../../core/opportunities/card';
import { makeOpportunityFormSchema, OPPORTUNITY_FIELDS } from '../../core/opportunities/schema';
import { findStage, stageKey, type PipelineStage } from '../../core/opportunities/stages';
import { lastRecordedStages } from '../../core/opportunities/records';
import { sameEmail } from '../../core/roles';
import { cell } from '../../core/table';
import { listLabel } from '../../../templates/lists';
import { openSheet, type SheetTable } from '../adapters/workbook';
import { executionContext } from '../context';
import { requireWritable } from '../protections';
import { formsContext, withDocumentLock, type FormsContext } from '../forms/context';
import { findEditableCustomer } from '../forms/customer-access';
import { zonedInstant } from '../forms/dates';
import { appendRecord, openTable, writeCells } from '../forms/sheets';
import { customerTierUpdate } from '../forms/tiering';
import type { FieldErrors } from '../forms/types';
import { appendHistory, readListsAndPipeline } from './workbook';

export interface OpportunityForm {
  /** Stages in pipeline order with their default probability (%), labels as the workbook shows them. */
  pipeline: PipelineStage[];
  /** The customer's opportunities, open first ([] without a customer). */
  opportunities: CardOpportunity[];
  /** The customer's owner: a new opportunity's owner unless a manager picks another rep. */
  owner: string;
}

export type SaveOpportunityResult =
  | {
      status: 'saved';
      id: string;
      row: number;
      name: string;
      created: boolean;
      /** The stage as written, and whether it closed the opportunity as won (the sidebar then offers the deal). */
      stage: string;
      won: boolean;
      stageChanged: boolean;
      dealId: string;
    }
  | { status: 'invalid'; errors: FieldErrors };

export type DealFromOpportunityResult =
  | {
      status: 'created';
      opportunityId: string;
      dealId: string;
      row: number;
      totalPurchases: number;
      tier: string;
    }
  | { status: 'refused'; message: string };

function openOpportunities(ctx: FormsContext): SheetTable {
  return openSheet(ctx.spreadsheet, 'opportunities', ctx.t, ctx.language, ['id', 'customerId', 'stage']);
}

function openHistory(ctx: FormsContext): SheetTable {
  return openSheet(ctx.spreadsheet, 'stageHistory', ctx.t, ctx.language, ['opportunityId', 'toStage']);
}

function rowIndexOf(table: SheetTable, id: string): number {
  const wanted = id.trim().toLowerCase();
  if (wanted === '') return -1;
  const column = table.table.columns.id as number;
  return table.table.rows.findIndex(
    (row) =>
      String(row[column] ?? '')
        .trim()
        .toLowerCase() === wanted,
  );
}

/**
 * The pipeline and, for a customer the user may work on, their opportunities.
 * @param request.customerId the picked customer ('' for none yet).
 * @returns the form's data; a customer the user may not see gives no opportunities.
 */
export function apiOpportunityForm(request?: { customerId?: string }): OpportunityForm {
  const ctx = formsContext();
  const { pipeline } = readListsAndPipeline(ctx.spreadsheet, ctx.language);
  const customerId = String(request?.customerId ?? '').trim();
  if (customerId === '') return { pipeline: pipeline.stages, opportunities: [], owner: '' };
  const customers = openTable(ctx.spreadsheet, 'customers', ctx.t, ctx.language, ['id']);
  const found = findEditableCustomer(ctx, customers, customerId);
  if ('error' in found) return { pipeline: pipeline.stages, opportunities: [], owner: '' };
  const opportunities = openOpportunities(ctx);
  return {
    pipeline: pipeline.stages,
    opportunities: customerOpportunities(opportunities.table, found.summary.id, pipeline, ctx.formatDate),
    owner: found.summary.owner,
  };
}

/**
 * Logs a new opportunity or saves an existing one (input.id).
 * @param input the form's values (strings): id, customerId, source, description, stage, probability, expectedClose,
 *   amount, currency, owner, nextStep, nextStepDate, reason.
 * @returns 'saved' with the id and whether the stage changed / is won, or 'invalid' (nothing written).
 * @throws Error (localised) when a sheet is missing, a sheet is protected from the user, or the lock is busy.
 */
export function apiSaveOpportunity(input: Record<string, string>): SaveOpportunityResult {
  const ctx = formsContext();
  const { t } = ctx;
  const { lists, pipeline } = readListsAndPipeline(ctx.spreadsheet, ctx.language);
  const parsed = makeOpportunityFormSchema(t, lists).safeParse(input ?? {});
  if (!parsed.success) return { status: 'invalid', errors: issuesToFieldErrors(parsed.error.issues) };
  const data = parsed.data as Record<string, unknown>;

  return withDocumentLock(t, (): SaveOpportunityResult => {
    const customers = openTable(ctx.spreadsheet, 'customers', t, ctx.language, ['id']);
    const found = findEditableCustomer(ctx, customers, String(data.customerId));
    if ('error' in found) return { status: 'invalid', errors: { customerId: found.error } };
    const { summary } = found;
    const opportunities = openOpportunities(ctx);
    const history = openHistory(ctx);

    const id = String(data.id ?? '');
    const index = rowIndexOf(opportunities, id);
    if (id !== '' && index < 0) return { status: 'invalid', errors: { id: t('opps.err.notFound', { id }) } };
    const existing = index >= 0 ? opportunities.table.rows[index] : null;
    if (
      existing &&
      String(cell(opportunities.table, existing, 'customerId'))
        .trim()
        .toLowerCase() !== summary.id.toLowerCase()
    )
      return { status: 'invalid', errors: { id: t('opps.err.otherCustomer', { id, customer: summary.id }) } };

    // The owner: a manager may pick any rep; a rep's opportunities are theirs.
    let owner = String(data.owner ?? '');
    if (!ctx.isManager) {
      if (owner !== '' && !sameEmail(owner, ctx.user))
        return { status: 'invalid', errors: { owner: t('opps.err.ownerIsYou') } };
      owner = ctx.user;
    } else if (owner === '') {
      owner = existing ? String(cell(opportunities.table, existing, 'owner')) : summary.owner || ctx.user;
    }

    const stageCode = String(data.stage);
    const stage =
      findStage(pipeline, stageCode) ??
      findStage(pipeline, listLabel('opportunityStage', stageCode, ctx.language));
    const record = toSheetRecord('opportunities', OPPORTUNITY_FIELDS, data, ctx.language, (local) =>
      zonedInstant(local, ctx.timeZone),
    );
    // A stage the Lists sheet names is written as Lists shows it (a team's own label too).
    if (stage) record.stage = stage.label;
    if (record.probability === '' || record.probability === undefined)
      record.probability = stage ? stage.probability : '';
    const now = new Date();
    const previousStage = existing ? cell(opportunities.table, existing, 'stage') : '';
    const stageChanged = !existing || stageKey(previousStage) !== stageKey(record.stage);

    requireWritable(executionContext(), stageChanged ? ['opportunities', 'stageHistory'] : ['opportunities']);
    let oppId = id;
    let row: number;
    if (existing) {
      row = opportunities.table.firstRow + index;
      writeCells(opportunities, row, { ...record, owner, updated: now });
    } else {
      oppId = nextId(
        opportunities.table.rows.map((r) => cell(opportunities.table, r, 'id')),
        'O-',
      );
      row = appendRecord(opportunities, {
        ...record,
        id: oppId,
        customerId: summary.id,
        owner,
        created: zonedInstant(ctx.formatDate(now), ctx.timeZone),
        updated: now,
      });
    }
    // Recorded once per change: a trigger or another save that already recorded this stage is not repeated.
    const last = lastRecordedStages(history.table).get(oppId.toLowerCase());
    if (stageChanged && last?.key !== stageKey(record.stage))
      appendHistory(history, [
        {
          time: now,
          opportunityId: oppId,
          fromStage: String(previousStage ?? ''),
          toStage: String(record.stage),
          by: ctx.user,
          via: 'sidebar',
        },
      ]);
    const dealId = existing ? String(cell(opportunities.table, existing, 'dealId') ?? '').trim() : '';
    return {
      status: 'saved',
      id: oppId,
      row,
      name: summary.company || summary.contact || summary.id,
      created: !existing,
      stage: String(record.stage),
      won: (stage?.closed ?? '') === 'won',
      stageChanged,
      dealId,
    };
  });
}

/**
 * Writes the deal of a won opportunity: customer, expected amount and currency, today, status won, a note naming
 * the opportunity; the customer's totals and tier follow (as Log deal does); the deal id goes into the
 * opportunity so it is never written twice.
 * @param request.id the opportunity id.
 */
export function apiDealFromOpportunity(request: { id: string }): DealFromOpportunityResult {
  const ctx = formsContext();
  const { t } = ctx;
  const id = String(request?.id ?? '').trim();
  const { lists, pipeline } = readListsAndPipeline(ctx.spreadsheet, ctx.language);
  return withDocumentLock(t, (): DealFromOpportunityResult => {
    const opportunities = openOpportunities(ctx);
    const index = rowIndexOf(opportunities, id);
    if (index < 0) return { status: 'refused', message: t('opps.err.notFound', { id }) };
    const row = opportunities.table.rows[index];
    const get = (key: string) => cell(opportunities.table, row, key);
    const customers = openTable(ctx.spreadsheet, 'customers', t, ctx.language, ['id']);
    const found = findEditableCustomer(ctx, customers, String(get('customerId')));
    if ('error' in found) return { status: 'refused', message: found.error };
    if (findStage(pipeline, get('stage'))?.closed !== 'won')
      return { status: 'refused', message: t('opps.err.notWon', { id }) };
    const existingDeal = String(get('dealId') ?? '').trim();
    if (existingDeal !== '')
      return { status: 'refused', message: t('opps.err.hasDeal', { id, deal: existingDeal }) };

    const today = ctx.formatDate(new Date());
    const amount = get('amount');
    const dealInput = {
      customerId: found.summary.id,
      amount: typeof amount === 'number' ? String(amount) : String(amount ?? ''),
      currency: String(get('currency') ?? ''),
      date: today,
      status: listLabel('dealStatus', 'won', ctx.language) ?? 'won',
      notes: t('opps.dealNote', { id }),
    };
    const parsed = makeDealFormSchema(t, lists).safeParse(dealInput);
    if (!parsed.success)
      return { status: 'refused', message: Object.values(issuesToFieldErrors(parsed.error.issues))[0] ?? '' };

    requireWritable(executionContext(), ['deals', 'customers', 'opportunities']);
    const deals = openTable(ctx.spreadsheet, 'deals', t, ctx.language, ['customerId', 'amount', 'status']);
    const dealId = nextId(
      deals.table.rows.map((r) => cell(deals.table, r, 'id')),
      'D-',
    );
    const now = new Date();
    appendRecord(deals, {
      ...toSheetRecord(
        'deals',
        FORM_FIELDS.deal,
        parsed.data as Record<string, unknown>,
        ctx.language,
        (local) => zonedInstant(local, ctx.timeZone),
      ),
      id: dealId,
      customerId: found.summary.id,
      rep: String(get('owner') ?? '').trim() || ctx.user,
      updatedBy: ctx.user,
      updatedAt: now,
    });
    const update = customerTierUpdate(
      ctx,
      deals.table,
      found.summary.id,
      cell(customers.table, customers.table.rows[found.index], 'lastContact'),
      now,
    );
    writeCells(customers, found.summary.row, { ...update.cells, updatedBy: ctx.user, updatedAt: now });
    const sheetRow = opportunities.table.firstRow + index;
    writeCells(opportunities, sheetRow, { dealId, updated: now });
    return {
      status: 'created',
      opportunityId: id,
      dealId,
      row: sheetRow,
      totalPurchases: Math.round(update.summary.total * 100) / 100,
      tier: String(update.cells.tier),
    };
  });
}
