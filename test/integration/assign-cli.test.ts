/**
 * `salesdesk assign` through the built bundle: --preview --json writes nothing, a confirm run saves the owners into
 * --out, a rep is refused; and a Chinese workbook is assigned with its reasons in Chinese.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalRuntime } from '../../runtime';
import { parseArgs } from '../../cli/args';
import { command } from '../../cli/commands/assign';
import { SHEETS } from '../../templates';
// Every run at the fixture's fixed time: its out-of-office dates must not depend on the day the suite runs.
import {
  assignRuntime,
  assignState,
  DEFAULT_REPS,
  leads,
  MANAGER,
  NOW,
  records,
  type Row,
} from './assign/fixture';

async function cli(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io = { stdout: (text: string) => void (out += text), stderr: (text: string) => void (out += text) };
  const code = await command.run(parseArgs(['assign', '--now', NOW, ...argv]), io);
  return { code, out };
}

describe('salesdesk assign', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-assign-'));
  const input = path.join(dir, 'in.xlsx');
  const output = path.join(dir, 'out.xlsx');

  beforeAll(async () => {
    const rt = await assignRuntime({ reps: DEFAULT_REPS, customers: leads(6) });
    await rt.saveXlsx(input);
  });

  it('--preview --json shows the plan and writes nothing', async () => {
    const before = fs.readFileSync(input);
    const { code, out } = await cli(['--in', input, '--as', MANAGER, '--preview', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.preview).toMatchObject({ total: 6, assigned: 6, unassigned: 0 });
    expect(json.cost.serviceCalls).toBeGreaterThan(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it('confirms and saves --out with the owners; --json reports counts, mails and cost', async () => {
    const { code, out } = await cli(['--in', input, '--out', output, '--as', MANAGER, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.result).toMatchObject({ status: 'done', assigned: 6, unassigned: 0 });
    expect(json.result.mail.sent).toHaveLength(3);
    expect(json.cost.confirm.serviceCalls).toBeGreaterThan(0);
    const saved = await LocalRuntime.fromXlsx(output);
    const owners = records(saved, 'customers').map((c) => c.owner);
    expect(owners).toEqual([
      'ann@example.com',
      'bob@example.com',
      'ann@example.com',
      'cui@example.com',
      'ann@example.com',
      'bob@example.com',
    ]);
    expect(records(saved, 'assignmentLog')).toHaveLength(6);
    // The rotation and the undo data travel with the file (the state sheet), unlike document properties.
    expect(assignState(saved).rotation.team).toBeDefined();
    expect(assignState(saved).lastRun?.count).toBe(6);
  });

  it('refuses a rep', async () => {
    await expect(cli(['--in', input, '--as', 'bob@example.com', '--json'])).rejects.toThrow(
      'Only a manager can do this',
    );
  });
});

describe('a Chinese workbook', () => {
  it('finds sheets and columns by their Chinese names and writes reasons in Chinese', async () => {
    const reps = DEFAULT_REPS.map((rep): Row => ({
      ...rep,
      role: rep.role === 'Senior rep' ? '资深销售' : '销售代表',
    }));
    const rt = await assignRuntime({
      language: 'zh-CN',
      reps: reps.map((rep) => ({ ...rep, regions: rep.regions === 'East China' ? '华东' : rep.regions })),
      customers: leads(3, 1, (i) => ({
        region: i === 1 ? '华东' : '华南',
        customerType: '潜在客户',
        stage: '初次接触',
      })),
      settings: { locale: 'zh-CN', assignMatchRegion: true },
    });
    const plan = rt.call<{ token: string; summary: string }>('apiPreviewAssignment', undefined, {
      user: MANAGER,
    });
    expect(plan.summary).toBe('共 3 条线索，将分配 3 条，0 条暂不分配。');
    rt.call('apiConfirmAssignment', plan.token, { user: MANAGER });
    const log = records(rt, 'assignmentLog', 'zh-CN');
    expect(log.map((l) => [l.toRep, l.pool, l.reason])).toEqual([
      ['ann@example.com', 'region:east', '在符合条件的销售中轮流分配：区域“华东”'],
      ['ann@example.com', 'team', '没有符合区域“华南”的销售，改为在全体销售中分配'],
      ['bob@example.com', 'team', '没有符合区域“华南”的销售，改为在全体销售中分配'],
    ]);
    expect(rt.workbook.sheetValues(SHEETS.customers.names['zh-CN'])[1]).toContain('ann@example.com');
  });
});
