import * as inspector from 'node:inspector';
import * as fs from 'node:fs';
import { cases } from './cases';
async function main() {
  const c = cases[Number(process.argv[2])];
  const rt = await c.setup();
  const s = new inspector.Session(); s.connect();
  const post = (m: string, p?: object) => new Promise<any>((res, rej) => s.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
  await post('Profiler.enable'); await post('Profiler.setSamplingInterval', { interval: 100 }); await post('Profiler.start');
  const r = await c.run(rt);
  const { profile } = await post('Profiler.stop');
  fs.writeFileSync(process.argv[3], JSON.stringify(profile));
  console.log('cpu', r.cpuMs, 'runtime', r.runtimeCpuMs, 'script', r.cpuMs - r.runtimeCpuMs);
}
main();
