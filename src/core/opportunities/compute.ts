/**
 * The opportunity figures of the Dashboard, from one read of Opportunities and one of Stage history. Pure.
 *
 * Definitions (README → Opportunities):
 *  - open: stage neither won nor lost; value = expected amount in the Settings currency (Settings exchange rates;
 *    an amount in a currency without a rate is left out of the sums and counted in `unconverted`);
 *  - weighted = value × probability ÷ 100 (probability typed, else the stage's default from Lists);
 *  - forecast by month / quarter of the expected close date (open opportunities; no date → its own row);
 *  - win rate = won ÷ (won + lost), per owner and overall; null when nothing is closed;
 *  - days in a stage: for every recorded change, the days from entering a stage to the next change of the same
 *    opportunity (calendar days in the spreadsheet's zone); averaged per stage over stays that have ended;
 *  - slipped: open, with an expected close date before today.
 */
import { monthKey, quarterKey } from '../dashboard/days';
import type { OpportunityRecord, StageChange } from './records';
import type { Pipeline } from './stages';

export interface StageValue {
  key: string;
  label: string;
  count: number;
  value: number;
  weighted: number;
}

export interface PeriodForecast {
  /** 'yyyy-MM' or 'yyyy-Qn'; '' for opportunities without an expected close date. */
  period: string;
  count: number;
  value: number;
  weighted: number;
}

export interface RepPipeline {
  /** Lower-case e-mail; '' for opportunities without an owner. */
  email: string;
  name: string;
  open: number;
  value: number;
  weighted: number;
  won: number;
  lost: number;
  /** won ÷ (won + lost), or null when none is closed. */
  winRate: number | null;
}

export interface StageDuration {
  key: string;
  label: string;
  /** Ended stays measured. */
  stays: number;
  /** Average days, or null when no stay has ended. */
  averageDays: number | null;
}

export interface SlippedOpportunity {
  id: string;
  row: number;
  customerId: string;
  customer: string;
  owner: string;
  stageLabel: string;
  expectedCloseDay: number;
  daysLate: number;
  value: number | null;
}

export interface OpportunityDashboard {
  byStage: StageValue[];
  byMonth: PeriodForecast[];
  byQuarter: PeriodForecast[];
  byRep: RepPipeline[];
  total: RepPipeline;
  durations: StageDuration[];
  slipped: SlippedOpportunity[];
  /** Open opportunities whose amount could not be converted (no exchange rate). */
  unconverted: number;
}

export interface OpportunityDashboardInput {
  opportunities: readonly OpportunityRecord[];
  history: readonly StageChange[];
  pipeline: Pipeline;
  /** Today as a day number of the spreadsheet's zone. */
  today: number;
  /** Rep e-mail (lower-case) → name, in the Reps sheet's order. */
  reps?: ReadonlyMap<string, string>;
  /** Customer id → name shown in the slipped list. */
  customerNames?: ReadonlyMap<string, string>;
}

function emptyRep(email: string, name: string): RepPipeline {
  return { email, name, open: 0, value: 0, weighted: 0, won: 0, lost: 0, winRate: null };
}

function addPeriod(map: Map<string, PeriodForecast>, period: string, value: number, weighted: number): void {
  const slot = map.get(period) ?? { period, count: 0, value: 0, weighted: 0 };
  slot.count += 1;
  slot.value += value;
  slot.weighted += weighted;
  map.set(period, slot);
}

/** Periods in order, the undated row last. */
function periods(map: Map<string, PeriodForecast>): PeriodForecast[] {
  return [...map.values()].sort((a, b) =>
    a.period === '' ? 1 : b.period === '' ? -1 : a.period.localeCompare(b.period),
  );
}

export function computeOpportunityDashboard(input: OpportunityDashboardInput): OpportunityDashboard {
  const { pipeline, today } = input;
  const byStage = new Map<string, StageValue>();
  for (const stage of pipeline.stages)
    if (stage.closed === '')
      byStage.set(stage.key, { key: stage.key, label: stage.label, count: 0, value: 0, weighted: 0 });
  const byMonth = new Map<string, PeriodForecast>();
  const byQuarter = new Map<string, PeriodForecast>();
  const reps = new Map<string, RepPipeline>();
  for (const [email, name] of input.reps ?? []) reps.set(email, emptyRep(email, name));
  const repOf = (email: string): RepPipeline => {
    let rep = reps.get(email);
    if (!rep) reps.set(email, (rep = emptyRep(email, email)));
    return rep;
  };
  const slipped: SlippedOpportunity[] = [];
  let unconverted = 0;

  for (const opp of input.opportunities) {
    const rep = repOf(opp.owner);
    if (opp.closed === 'won') {
      rep.won += 1;
      continue;
    }
    if (opp.closed === 'lost') {
      rep.lost += 1;
      continue;
    }
    if (opp.amount !== null && opp.baseAmount === null) unconverted += 1;
    const value = opp.baseAmount ?? 0;
    const weighted = (value * opp.probability) / 100;
    rep.open += 1;
    rep.value += value;
    rep.weighted += weighted;
    const stageSlot = byStage.get(opp.stage) ?? {
      key: opp.stage,
      label: opp.stageLabel,
      count: 0,
      value: 0,
      weighted: 0,
    };
    stageSlot.count += 1;
    stageSlot.value += value;
    stageSlot.weighted += weighted;
    byStage.set(opp.stage, stageSlot);
    const close = opp.expectedCloseDay;
    addPeriod(byMonth, close === null ? '' : monthKey(close), value, weighted);
    addPeriod(byQuarter, close === null ? '' : quarterKey(close), value, weighted);
    if (close !== null && close < today)
      slipped.push({
        id: opp.id,
        row: opp.row,
        customerId: opp.customerId,
        customer: input.customerNames?.get(opp.customerId) ?? opp.customerId,
        owner: opp.owner,
        stageLabel: opp.stageLabel,
        expectedCloseDay: close,
        daysLate: today - close,
        value: opp.baseAmount,
      });
  }

  const total = emptyRep('', '');
  for (const rep of reps.values()) {
    const closed = rep.won + rep.lost;
    rep.winRate = closed > 0 ? rep.won / closed : null;
    total.open += rep.open;
    total.value += rep.value;
    total.weighted += rep.weighted;
    total.won += rep.won;
    total.lost += rep.lost;
  }
  total.winRate = total.won + total.lost > 0 ? total.won / (total.won + total.lost) : null;
  // Reps with nothing at all are left out; the no-owner row goes last.
  const byRep = [...reps.values()].filter((rep) => rep.email !== '' && rep.open + rep.won + rep.lost > 0);
  const nobody = reps.get('');
  if (nobody && nobody.open + nobody.won + nobody.lost > 0) byRep.push(nobody);

  slipped.sort((a, b) => b.daysLate - a.daysLate || a.row - b.row);
  return {
    byStage: [...byStage.values()],
    byMonth: periods(byMonth),
    byQuarter: periods(byQuarter),
    byRep,
    total,
    durations: stageDurations(input.history, pipeline),
    slipped,
    unconverted,
  };
}

/**
 * Average days in each stage from the recorded changes (oldest first): a stay starts with a change into a stage
 * and ends with the opportunity's next change. Stays still going are not counted.
 */
export function stageDurations(history: readonly StageChange[], pipeline: Pipeline): StageDuration[] {
  const sums = new Map<string, { label: string; days: number; stays: number }>();
  for (const stage of pipeline.stages) sums.set(stage.key, { label: stage.label, days: 0, stays: 0 });
  const current = new Map<string, StageChange>();
  for (const change of history) {
    const id = change.opportunityId.toLowerCase();
    const previous = current.get(id);
    if (previous && previous.to !== '') {
      const slot = sums.get(previous.to) ?? { label: previous.toLabel, days: 0, stays: 0 };
      slot.days += Math.max(0, change.day - previous.day);
      slot.stays += 1;
      sums.set(previous.to, slot);
    }
    current.set(id, change);
  }
  const closedKeys = new Set(pipeline.stages.filter((s) => s.closed !== '').map((s) => s.key));
  return [...sums.entries()]
    .filter(([key, slot]) => !closedKeys.has(key) || slot.stays > 0)
    .map(([key, slot]) => ({
      key,
      label: slot.label,
      stays: slot.stays,
      averageDays: slot.stays > 0 ? slot.days / slot.stays : null,
    }));
}
