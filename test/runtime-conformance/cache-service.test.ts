/** Conformance of CacheService to developers.google.com/apps-script/reference/cache/cache. */
import { run, runtimeWith } from './helpers';

const code = String.raw`
function cacheReturns() { var c = CacheService.getScriptCache(); return [c.put('a', '1'), c.remove('a'), c.putAll({ b: '2' }), c.removeAll(['b'])]; }
`;

describe('CacheService', () => {
  // reference/cache/cache#put(String,String): returns void, which Apps Script hands to the script as null
  // (not documented; issue 11 §1 observation). The same for remove, putAll and removeAll.
  it('Cache.put/remove/putAll/removeAll return null', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'cacheReturns')).toEqual([null, null, null, null]);
  });
});
