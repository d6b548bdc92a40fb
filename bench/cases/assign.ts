/**
 * Issue 5 bench: SalesDesk → Assign leads confirming 10 000 and 50 000 new leads over 20 reps, region matching and
 * the senior rule on (so several pools rotate). Service calls stay constant in the row count (one read per sheet,
 * one owner write, one log append, one properties write, one mail per rep); the modelled time is far under the
 * 6-minute limit. The preview is made in setup (not measured) for its token, as the sidebar would.
 */
import type { LocalRuntime } from '../../runtime';
import { assignRuntime, leads, MANAGER, type Row } from '../../test/integration/assign/fixture';
import type { BenchCase } from '../types';

const REGIONS = ['East China', 'North China', 'South China', 'Central China'];

function reps(): Row[] {
  return Array.from({ length: 20 }, (_, i) => ({
    name: `Rep ${i + 1}`,
    email: `rep${i + 1}@example.com`,
    active: i !== 19,
    role: i % 5 === 0 ? 'Senior rep' : 'Rep',
    weight: 1 + (i % 3),
    capacity: '',
    regions: `${REGIONS[i % 4]}, ${REGIONS[(i + 1) % 4]}`,
  }));
}

function assignCase(count: number): BenchCase {
  let token = '';
  return {
    name: `assign ${count.toLocaleString('en').replace(/,/g, ' ')} leads (confirm: plan, owners, log, pointers, mails)`,
    rows: count,
    async setup(): Promise<LocalRuntime> {
      const rt = await assignRuntime(
        {
          reps: reps(),
          customers: leads(count),
          settings: { assignMatchRegion: true, seniorMinPotentialValue: 80_000 },
          spareRows: 10,
        },
        { mailQuota: 1500 },
      );
      const preview = rt.execute<{ token: string }>('apiPreviewAssignment', [], { user: MANAGER });
      if (preview.error) throw preview.error;
      token = preview.value!.token;
      return rt;
    },
    run: (rt) => {
      const result = rt.execute<{ status: string }>('apiConfirmAssignment', [token], { user: MANAGER });
      if (result.error) throw result.error;
      if (result.value?.status !== 'done')
        throw new Error(`assign bench: confirm said ${result.value?.status}`);
      return result;
    },
  };
}

// 200 000 leads: issue 12's large case (it depends on the confirm fix for large plans; a crash is reported as a failed case).
export const cases: BenchCase[] = [assignCase(10_000), assignCase(50_000), assignCase(200_000)];
