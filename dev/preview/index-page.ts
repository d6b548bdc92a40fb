/**
 * The preview's index page: pick a sidebar, a user and a language; the sidebar opens in a 300 px panel next to a
 * read-only view of the workbook, where clicking a row selects it (as the customer card expects). Workbook values
 * are put in the page with textContent only, so whatever the workbook holds is shown as text.
 */
import { escapeHtml } from '../../src/ui/shared/escape';

export function indexPage(sidebars: string[], as: string, locale: string): string {
  const options = sidebars
    .map((name) => `<option value="${escapeHtml(name)}">${escapeHtml(name)}</option>`)
    .join('');
  const links = sidebars
    .map(
      (name) =>
        `<li><a href="/sidebar/${encodeURIComponent(name)}" target="_blank">${escapeHtml(name)}</a></li>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>SalesDesk preview</title>
<style>
  body { margin: 0; font: 13px Arial, 'Noto Sans CJK SC', sans-serif; color: #222; display: flex; height: 100vh; }
  #sheet { flex: 1; overflow: auto; padding: 12px; border-right: 1px solid #dadce0; }
  #panel { width: 300px; display: flex; flex-direction: column; }
  #panel header { padding: 8px 12px; border-bottom: 1px solid #dadce0; background: #f8f9fa; }
  #panel iframe { flex: 1; border: 0; width: 300px; }
  label { display: block; margin: 4px 0 2px; font-weight: bold; }
  input, select { width: 100%; box-sizing: border-box; }
  table { border-collapse: collapse; font-size: 12px; }
  td, th { border: 1px solid #e0e0e0; padding: 2px 6px; white-space: nowrap; max-width: 220px; overflow: hidden; text-overflow: ellipsis; }
  th { background: #f1f3f4; position: sticky; top: 0; }
  tr.data:hover { background: #e8f0fe; cursor: pointer; }
  tr.selected { background: #c6dafc !important; }
  .tabs button { margin: 0 4px 8px 0; }
  .tabs button.current { font-weight: bold; }
</style>
</head>
<body>
<section id="sheet">
  <h1 style="font-size:16px">SalesDesk preview</h1>
  <p>Sidebars run against the local runtime: saves change this workbook. Click a row to select it (customer card).</p>
  <ul>${links}</ul>
  <div class="tabs" id="tabs"></div>
  <div id="table"></div>
</section>
<aside id="panel">
  <header>
    <label for="sidebar">Sidebar</label><select id="sidebar">${options}</select>
    <label for="as">User (e-mail; empty = owner)</label><input id="as" value="${escapeHtml(as)}">
    <label for="locale">Locale</label>
    <select id="locale"><option value="">user default</option><option value="en">en</option><option value="zh-CN">zh-CN</option></select>
    <p><button id="open">Open sidebar</button></p>
  </header>
  <iframe id="frame" title="Sidebar"></iframe>
</aside>
<script>
  const state = { sheet: null, data: null, selected: null };
  document.getElementById('locale').value = ${JSON.stringify(locale)};
  function open() {
    const name = document.getElementById('sidebar').value;
    const params = new URLSearchParams({ as: document.getElementById('as').value, locale: document.getElementById('locale').value });
    document.getElementById('frame').src = '/sidebar/' + encodeURIComponent(name) + '?' + params;
  }
  document.getElementById('open').addEventListener('click', open);
  window.addEventListener('message', (event) => { if (event.data && event.data.type === 'salesdesk-preview-close') setTimeout(refresh, 0); });
  async function refresh() {
    state.data = await (await fetch('/workbook')).json();
    if (!state.sheet || !state.data.sheets.some((s) => s.name === state.sheet)) state.sheet = (state.data.sheets[0] || {}).name;
    render();
  }
  function render() {
    const tabs = document.getElementById('tabs');
    tabs.textContent = '';
    for (const sheet of state.data.sheets) {
      const button = document.createElement('button');
      button.textContent = sheet.name;
      if (sheet.name === state.sheet) button.className = 'current';
      button.addEventListener('click', () => { state.sheet = sheet.name; render(); });
      tabs.appendChild(button);
    }
    const sheet = state.data.sheets.find((s) => s.name === state.sheet);
    const host = document.getElementById('table');
    host.textContent = '';
    if (!sheet) return;
    const table = document.createElement('table');
    sheet.values.forEach((row, index) => {
      const tr = document.createElement('tr');
      const number = document.createElement(index === 0 ? 'th' : 'td');
      number.textContent = String(index + 1);
      tr.appendChild(number);
      for (const value of row) {
        const cell = document.createElement(index === 0 ? 'th' : 'td');
        cell.textContent = value;
        cell.title = value;
        tr.appendChild(cell);
      }
      if (index > 0) {
        tr.className = 'data' + (state.selected && state.selected.sheet === sheet.name && state.selected.row === index + 1 ? ' selected' : '');
        tr.addEventListener('click', async () => {
          state.selected = { sheet: sheet.name, row: index + 1 };
          await fetch('/select', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(state.selected) });
          render();
        });
      }
      table.appendChild(tr);
    });
    host.appendChild(table);
  }
  document.getElementById('frame').addEventListener('load', () => setTimeout(refresh, 300));
  setInterval(refresh, 5000);
  refresh();
  open();
</script>
</body>
</html>`;
}
