/**
 * Texts and template data only rare operations need, read from the project file `rare-data.html` instead of being
 * compiled into Code.js at the start of every execution (issue 12). The build (scripts/rare-data.ts) moves there:
 *  - the template's set-up texts: column help (header notes, validation help) and Settings descriptions, which only
 *    Set up workbook writes. Code.js has `setupText(i)` where the template writes each such `L(en, zh)` pair: a
 *    Localised whose texts are read on first use;
 *  - the template's conditional formats and protections (CONDITIONAL_FORMATS, PROTECTIONS), which only set-up
 *    applies: `rareTemplateArray(name)` in Code.js, a lazy array built from the file on first read;
 *  - the catalogue texts only rare operations name (set-up, sample, reminder e-mails, CSV import, merge):
 *    `t()` finds them with rareMessage when Code.js's table lacks them.
 * The file is read at most once per execution (src/server/adapters/project-file.ts: HtmlService, two counted
 * calls), and only by an execution that asks for one of these. Node (tests, the CLI's imports, sidebars) uses the
 * template and catalogue as written.
 */
import { dataFileValue } from '../core/data-file';
import { lazyValue } from '../core/lazy';
import type { Localised } from '../../templates/lists';
import { readProjectFile } from './adapters/project-file';

/** The project file the build writes (`rare-data.html` in dist/). */
export const RARE_DATA_FILE = 'rare-data';

/** What the file holds: set-up texts by index and catalogue texts by key, each as [en, zh-CN]; template arrays. */
export interface RareData {
  setup: [string, string][];
  messages: Record<string, [string, string]>;
  templates: Record<string, unknown[]>;
}

let loaded: RareData | undefined;

/** The file's content, read once per execution. */
function rareData(): RareData {
  if (!loaded) {
    const value = dataFileValue(readProjectFile(RARE_DATA_FILE)) as RareData | undefined;
    if (!value) throw new Error('not a SalesDesk rare data file');
    loaded = value;
  }
  return loaded;
}

/** The `index`-th set-up text (as the build numbered them) as a Localised read on first use. */
export function setupText(index: number): Localised {
  return {
    get en() {
      return rareData().setup[index][0];
    },
    get 'zh-CN'() {
      return rareData().setup[index][1];
    },
  };
}

/** A template array (`conditionalFormats`, `protections`) as the build wrote it, read on first use. */
export function rareTemplateArray<T>(name: string): readonly T[] {
  return lazyValue('array', () => {
    const value = rareData().templates[name];
    if (!Array.isArray(value)) throw new Error(`rare data: no template array ${name}`);
    return value as T[];
  });
}

/** A catalogue text Code.js does not carry, in `locale` (English when only English is there), or undefined. */
export function rareMessage(locale: string, key: string): string | undefined {
  const texts = rareData().messages[key];
  return texts ? texts[locale === 'zh-CN' ? 1 : 0] : undefined;
}
