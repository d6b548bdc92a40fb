/**
 * Code.js's catalogue (scripts/build.ts catalogueModule): `findMessage` finds every text of the merged catalogue
 * by its binary search over the blocks' whole keys and the scan inside a block, finds nothing for a key it lacks,
 * and agrees with the tables `allCatalogs` builds; also for catalogues of a block's size give or take one.
 */
import { catalogueModule } from '../../scripts/build';
import { mergedCatalogue, type MergedCatalogue } from '../../scripts/catalogue-split';

interface Module {
  allCatalogs(): { en: Record<string, string>; 'zh-CN': Record<string, string> }[];
  findMessage(locale: string, key: string): string | undefined;
}

function load(catalogue: MergedCatalogue): Module {
  const code = catalogueModule(catalogue)
    .split('\n')
    .filter((line) => !line.startsWith('export {'))
    .join('\n')
    .replace(/^export function/gm, 'function');
  return new Function(`${code}\nreturn { allCatalogs, findMessage };`)() as Module;
}

function expectExact(catalogue: MergedCatalogue): void {
  const module = load(catalogue);
  const keys = Object.keys(catalogue);
  const wrong = keys.filter(
    (key) =>
      module.findMessage('en', key) !== catalogue[key][0] ||
      module.findMessage('zh-CN', key) !== catalogue[key][1],
  );
  expect(wrong).toEqual([]);
  const absent = ['', '!', '~~~', ...keys.flatMap((key) => [`${key}.x`, `${key}0`, key.slice(0, -1)])].filter(
    (key) => !(key in catalogue),
  );
  expect(absent.filter((key) => module.findMessage('en', key) !== undefined)).toEqual([]);
  const [tables] = module.allCatalogs();
  expect(Object.keys(tables.en).sort()).toEqual([...keys].sort());
  expect(keys.every((key) => tables['zh-CN'][key] === catalogue[key][1])).toBe(true);
}

it('finds every text of the merged catalogue, in both languages, and nothing else', () => {
  const catalogue = mergedCatalogue();
  expect(Object.keys(catalogue).length).toBeGreaterThan(100);
  expectExact(catalogue);
});

it.each([1, 2, 31, 32, 33, 64, 65, 97])('works for a catalogue of %i keys (block edges)', (count) => {
  const catalogue: MergedCatalogue = {};
  for (let i = 0; i < count; i++)
    catalogue[`area${i % 3}.item.${String(i).padStart(3, '0')}`] = [`E${i}`, `Z${i}`];
  expectExact(catalogue);
});
