/**
 * Where the Help sidebar finds each menu entry's explanation. Apart from src/core/menu.ts so that only the Help
 * sidebar bundles it: the build keeps in Code.js the catalogue keys server code names (scripts/catalogue-split.ts),
 * and the explanations are the Help sidebar's alone.
 */

/**
 * The catalogue key of a menu entry's explanation in the Help sidebar: `menu.x` → `help.item.x`.
 * @param labelKey the entry's label key.
 */
export function menuHelpKey(labelKey: string): string {
  return `help.item.${labelKey.replace(/^menu\./, '')}`;
}
