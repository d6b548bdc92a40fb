/**
 * Label → code for the few list values the dashboard depends on (won deals, purchased stage, lost customers,
 * tiers), in either language. The template's list catalogue (templates/lists.ts) is the full source; until it
 * is wired in here, these are the labels the template ships, so a zh-CN workbook's 已成交 counts as won.
 */
import { normaliseHeader } from '../table';
import type { ListCodeOf } from './compute';

const KNOWN: Record<string, Record<string, string[]>> = {
  dealStatus: {
    won: ['won', 'closed won', 'paid', 'completed', '已成交', '成交', '赢单', '已付款', '已完成'],
    lost: ['lost', 'closed lost', 'cancelled', '丢单', '已取消', '输单'],
  },
  stage: {
    firstContact: ['first contact', 'initial contact', '初次接触', '初步接触'],
    intent: ['intent', 'interested', '有意向', '意向'],
    negotiating: ['negotiating', 'negotiation', '洽谈中', '谈判中'],
    purchased: ['purchased', 'won', '已购买', '已成交', '成交'],
  },
  customerType: {
    potential: ['potential', '潜在客户', '潜在'],
    existing: ['existing', '现有客户', '老客户', '已有客户'],
    lost: ['lost', '流失客户', '已流失', '流失'],
  },
  tier: {
    vip: ['vip', 'vip客户'],
    active: ['active', '活跃', '活跃客户'],
    potential: ['potential', '潜在', '潜在客户'],
    lost: ['lost', '流失', '流失客户'],
  },
};

let index: Map<string, string> | undefined;
/** The labels' index, built on first use: not in the global code every execution (each custom function) runs. */
function labelIndex(): Map<string, string> {
  if (!index) {
    index = new Map<string, string>();
    for (const [list, codes] of Object.entries(KNOWN)) {
      for (const [code, labels] of Object.entries(codes)) {
        index.set(`${list}|${normaliseHeader(code)}`, code);
        for (const label of labels) index.set(`${list}|${normaliseHeader(label)}`, code);
      }
    }
  }
  return index;
}

/** The built-in code of a label, or undefined. */
export const builtInCodeOf: ListCodeOf = (listKey, label) =>
  labelIndex().get(`${listKey}|${normaliseHeader(label)}`);

/** Tries each resolver in turn (the template's catalogue first, then the built-in labels). */
export function chainCodeOf(...resolvers: ListCodeOf[]): ListCodeOf {
  return (listKey, label) => {
    for (const resolve of resolvers) {
      const code = resolve(listKey, label);
      if (code !== undefined) return code;
    }
    return undefined;
  };
}
