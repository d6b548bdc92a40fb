/**
 * Seam to the list catalogue and tiering core (issue 4: templates/lists.ts and src/core tiering): whether a deal
 * status label means "won", and a customer's tier label after their totals change.
 */
import type { CustomerTotals } from '../../core/forms/updates';

const WON_LABELS = ['won', 'closed won', '成交', '已成交', '赢单'];

export function isWonStatus(label: unknown): boolean {
  return WON_LABELS.includes(
    String(label ?? '')
      .trim()
      .toLowerCase(),
  );
}

function numberSetting(settings: Record<string, unknown>, key: string, fallback: number): number {
  const value = Number(settings[key]);
  return Number.isFinite(value) && String(settings[key] ?? '').trim() !== '' ? value : fallback;
}

function daysBetween(fromDay: string, today: string): number {
  return Math.round((Date.parse(today) - Date.parse(fromDay)) / 86_400_000);
}

const TIER_LABELS: Record<string, { en: string; 'zh-CN': string }> = {
  vip: { en: 'VIP', 'zh-CN': 'VIP' },
  active: { en: 'Active', 'zh-CN': '活跃' },
  potential: { en: 'Potential', 'zh-CN': '潜在' },
  lost: { en: 'Lost', 'zh-CN': '流失' },
};

/**
 * The tier label (as Lists shows it) of a customer with `totals`, as of `today`.
 * VIP: total ≥ tierVipMinAmount or orders ≥ tierVipMinOrders; Active: last purchase within tierActiveMaxDays;
 * Lost: no purchase or contact for tierLostAfterDays; else Potential.
 */
export function tierLabel(
  totals: CustomerTotals,
  lastContact: string,
  today: string,
  settings: Record<string, unknown>,
  tierList: readonly string[],
): string {
  let code = 'potential';
  if (
    totals.totalPurchases >= numberSetting(settings, 'tierVipMinAmount', 100_000) ||
    totals.orderCount >= numberSetting(settings, 'tierVipMinOrders', 10)
  )
    code = 'vip';
  else if (
    totals.lastPurchase &&
    daysBetween(totals.lastPurchase, today) <= numberSetting(settings, 'tierActiveMaxDays', 90)
  )
    code = 'active';
  else {
    const latest = [totals.lastPurchase, lastContact].filter(Boolean).sort().pop();
    if (latest && daysBetween(latest, today) > numberSetting(settings, 'tierLostAfterDays', 180))
      code = 'lost';
  }
  const labels = TIER_LABELS[code];
  return tierList.find((label) => label === labels['zh-CN'] || label === labels.en) ?? labels.en;
}
