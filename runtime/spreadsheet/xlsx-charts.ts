/**
 * Sheet charts as real DrawingML charts in the .xlsx. exceljs cannot write charts, so after exceljs has written
 * the package this adds, per sheet with charts, one drawing part (one anchor per chart) and one chart part per
 * chart, with their relationships and content types — the parts Excel, LibreOffice and Google Sheets' importer
 * read. Each series refers to its cells and carries their values as a cache, so a program that does not
 * recalculate still draws it. `readXlsxCharts` reads those parts back (tests; checking a file by hand).
 * Column, bar, line, area and pie charts are written; other types (scatter, table, combo...) are left out.
 */
import JSZip from 'jszip';
import { quoteSheetName, rectToA1 } from './a1';
import type { WorkbookStore } from './store';
import type { ChartSpec, GridRect, SheetData } from './types';

/**
 * Deflate at level 1 (pako's fast path) for the files the runtime saves: as valid a package as level 6, somewhat
 * larger, and several times cheaper to write (the CLI saves a workbook on every command that changes it).
 */
export const FAST_DEFLATE = { compression: 'DEFLATE', compressionOptions: { level: 1 } } as const;

/** One English Metric Unit per pixel at 96 dpi: 914 400 EMU per inch / 96. */
const EMU_PER_PX = 9525;
/** Sheets' size for a chart inserted without width/height options. */
const DEFAULT_SIZE = { width: 600, height: 371 };
/** Google Sheets' default series colours, so the file looks like the spreadsheet it came from. */
const SHEETS_PALETTE = [
  '4285F4',
  'EA4335',
  'FBBC04',
  '34A853',
  'FF6D01',
  '46BDC6',
  '7BAAF7',
  'F07B72',
  'FCD04F',
];

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  pkg: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL_DRAWING = `${NS.r}/drawing`;
const REL_CHART = `${NS.r}/chart`;
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

export type NativeChartKind = 'col' | 'bar' | 'line' | 'area' | 'pie';

export interface NativeSeries {
  /** Absolute reference of the header cell naming the series, and its text. */
  name: { ref: string; text: string } | null;
  categories: { ref: string; values: string[] } | null;
  values: { ref: string; values: (number | null)[] };
}

export interface NativeChart {
  kind: NativeChartKind;
  title: string | null;
  legend: 'r' | 'l' | 't' | 'b' | null;
  /** 0-based anchor cell and pixel offsets, as in xdr:from. */
  from: { column: number; row: number; offsetX: number; offsetY: number };
  widthPx: number;
  heightPx: number;
  series: NativeSeries[];
}

const KINDS: Record<string, NativeChartKind> = {
  COLUMN: 'col',
  BAR: 'bar',
  LINE: 'line',
  AREA: 'area',
  PIE: 'pie',
};

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (ch) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[ch]};`);
const unescapeXml = (text: string): string =>
  text.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!,
  );

/** `'Sheet name'!$A$2:$A$9`: chart formulas are absolute and always name the sheet. */
function absoluteRef(sheetName: string, rect: GridRect): string {
  const a1 = rectToA1(rect.row, rect.column, rect.numRows, rect.numColumns).replace(
    /([A-Z]+)(\d+)/g,
    '$$$1$$$2',
  );
  return `${quoteSheetName(sheetName)}!${a1}`;
}

/**
 * The native form of a stored chart, with values read from the store. As in Sheets, the ranges' columns are
 * put side by side; the first is the category (label) column when there are two or more, each other column a
 * series, and with headers (numHeaders ≥ 1, or -1 = detect: a text first cell) the first row names the series.
 */
export function nativeChartOf(store: WorkbookStore, spec: ChartSpec): NativeChart | undefined {
  const kind = KINDS[spec.chartType];
  if (!kind || spec.ranges.length === 0) return undefined;
  const columns: { sheet: SheetData; rect: GridRect }[] = [];
  for (const range of spec.ranges) {
    const sheet = store.sheetById(range.sheetId);
    if (!sheet) return undefined;
    for (let c = 0; c < range.rect.numColumns; c++)
      columns.push({ sheet, rect: { ...range.rect, column: range.rect.column + c, numColumns: 1 } });
  }
  const numHeaders = typeof spec.options.numHeaders === 'number' ? spec.options.numHeaders : -1;
  const last = columns[columns.length - 1];
  const firstValue = store.readValues(last.sheet, { ...last.rect, numRows: 1 })[0][0];
  const headers = numHeaders >= 1 ? 1 : numHeaders === 0 ? 0 : typeof firstValue === 'string' ? 1 : 0;
  const body = (rect: GridRect): GridRect => ({
    ...rect,
    row: rect.row + headers,
    numRows: rect.numRows - headers,
  });
  const categoryColumn = columns.length > 1 ? columns[0] : undefined;
  const categories = categoryColumn
    ? {
        ref: absoluteRef(categoryColumn.sheet.name, body(categoryColumn.rect)),
        values: store.readDisplayValues(categoryColumn.sheet, body(categoryColumn.rect)).map((row) => row[0]),
      }
    : null;
  const series = (categoryColumn ? columns.slice(1) : columns).map(({ sheet, rect }): NativeSeries => {
    const header = { ...rect, numRows: 1 };
    return {
      name: headers
        ? { ref: absoluteRef(sheet.name, header), text: store.readDisplayValues(sheet, header)[0][0] }
        : null,
      categories,
      values: {
        ref: absoluteRef(sheet.name, body(rect)),
        values: store.readValues(sheet, body(rect)).map(([v]) => (typeof v === 'number' ? v : null)),
      },
    };
  });
  const legendOption = spec.options.legend as { position?: string } | undefined;
  const legendPosition = String(spec.options['legend.position'] ?? legendOption?.position ?? 'right');
  const legend = ({ right: 'r', left: 'l', top: 't', bottom: 'b' } as const)[legendPosition] ?? null;
  const size = (key: 'width' | 'height'): number =>
    typeof spec.options[key] === 'number' ? (spec.options[key] as number) : DEFAULT_SIZE[key];
  return {
    kind,
    title: typeof spec.options.title === 'string' && spec.options.title ? spec.options.title : null,
    legend,
    from: {
      column: spec.position.anchorColumn - 1,
      row: spec.position.anchorRow - 1,
      offsetX: spec.position.offsetX,
      offsetY: spec.position.offsetY,
    },
    widthPx: size('width'),
    heightPx: size('height'),
    series,
  };
}

// ---- writing ----------------------------------------------------------------------------------------------

const fill = (hex: string): string => `<c:spPr><a:solidFill><a:srgbClr val="${hex}"/></a:solidFill></c:spPr>`;

function strCache(values: string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numCache(values: (number | null)[]): string {
  const points = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function seriesXml(chart: NativeChart, s: NativeSeries, index: number): string {
  const name = s.name
    ? `<c:tx><c:strRef><c:f>${escapeXml(s.name.ref)}</c:f>${strCache([s.name.text])}</c:strRef></c:tx>`
    : '';
  // A pie colours each slice (data point); the other kinds colour each series.
  const colours =
    chart.kind === 'pie'
      ? s.values.values
          .map(
            (_, i) =>
              `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/>${fill(SHEETS_PALETTE[i % SHEETS_PALETTE.length])}</c:dPt>`,
          )
          .join('')
      : '';
  const seriesFill = chart.kind === 'pie' ? '' : fill(SHEETS_PALETTE[index % SHEETS_PALETTE.length]);
  const line = chart.kind === 'line' ? '<c:marker><c:symbol val="none"/></c:marker>' : '';
  const invert = chart.kind === 'col' || chart.kind === 'bar' ? '<c:invertIfNegative val="0"/>' : '';
  const cat = s.categories
    ? `<c:cat><c:strRef><c:f>${escapeXml(s.categories.ref)}</c:f>${strCache(s.categories.values)}</c:strRef></c:cat>`
    : '';
  const val = `<c:val><c:numRef><c:f>${escapeXml(s.values.ref)}</c:f>${numCache(s.values.values)}</c:numRef></c:val>`;
  const smooth = chart.kind === 'line' ? '<c:smooth val="0"/>' : '';
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${name}${seriesFill}${invert}${line}${colours}` +
    `${cat}${val}${smooth}</c:ser>`
  );
}

/** The chart part (xl/charts/chartN.xml), elements in the order the schema requires. */
export function chartPartXml(chart: NativeChart): string {
  const series = chart.series.map((s, i) => seriesXml(chart, s, i)).join('');
  const axes = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  let plot: string;
  if (chart.kind === 'pie') {
    plot = `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`;
  } else {
    const horizontal = chart.kind === 'bar';
    const group =
      chart.kind === 'col' || chart.kind === 'bar'
        ? `<c:barChart><c:barDir val="${chart.kind}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`
        : chart.kind === 'line'
          ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
          : `<c:areaChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}${axes}</c:areaChart>`;
    const catAx =
      `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling>` +
      `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
      `<c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
      `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>`;
    const valAx =
      `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
      `<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>` +
      `<c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/>` +
      `<c:crossBetween val="between"/></c:valAx>`;
    plot = group + catAx + valAx;
  }
  const title = chart.title
    ? `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
      `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    : '<c:autoTitleDeleted val="1"/>';
  const legend = chart.legend
    ? `<c:legend><c:legendPos val="${chart.legend}"/><c:overlay val="0"/></c:legend>`
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part holding one anchor per chart; chart i is relationship `rIdChart{i+1}`. */
export function drawingPartXml(charts: NativeChart[], firstShapeId = 2): string {
  const anchors = charts.map((chart, i) => {
    const f = chart.from;
    return (
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${f.column}</xdr:col><xdr:colOff>${f.offsetX * EMU_PER_PX}</xdr:colOff>` +
      `<xdr:row>${f.row}</xdr:row><xdr:rowOff>${f.offsetY * EMU_PER_PX}</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${chart.widthPx * EMU_PER_PX}" cy="${chart.heightPx * EMU_PER_PX}"/>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${firstShapeId + i}" name="Chart ${i + 1}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="rIdChart${i + 1}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join('')}</xdr:wsDr>`
  );
}

const relsXml = (rels: { id: string; type: string; target: string }[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkg}">` +
  rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('') +
  '</Relationships>';

function parseRels(xml: string | undefined): { id: string; type: string; target: string }[] {
  return [...(xml ?? '').matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: /\bId="([^"]*)"/.exec(m[0])?.[1] ?? '',
    type: /\bType="([^"]*)"/.exec(m[0])?.[1] ?? '',
    target: unescapeXml(/\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? ''),
  }));
}

/** Resolves a relationship target against the part that owns it (`xl/worksheets/sheet1.xml` + `../x` …). */
function resolvePart(owner: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = owner.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

const relsPathOf = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
};

/** Worksheet part of each sheet name, from xl/workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = parseRels(await zip.file('xl/_rels/workbook.xml.rels')?.async('string'));
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const rel = rels.find((r) => r.id === id);
    if (rel) parts.set(name, resolvePart('xl/workbook.xml', rel.target));
  }
  return parts;
}

/** Elements that CT_Worksheet puts after <drawing>: the new element goes before the first of them. */
const AFTER_DRAWING =
  /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

function nextFree(zip: JSZip, folder: string, stem: string): () => number {
  let n = 0;
  return () => {
    do n++;
    while (zip.file(`${folder}/${stem}${n}.xml`));
    return n;
  };
}

/**
 * Adds the charts to an .xlsx package written by exceljs. A sheet that already has a drawing (exceljs writes
 * one only for images, which the runtime never makes) keeps it and gets no charts.
 */
export async function addNativeCharts(
  xlsx: Buffer | Uint8Array,
  chartsBySheet: Map<string, NativeChart[]>,
): Promise<Buffer> {
  const sheets = [...chartsBySheet].filter(([, charts]) => charts.length > 0);
  if (sheets.length === 0) return Buffer.from(xlsx);
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  const nextDrawing = nextFree(zip, 'xl/drawings', 'drawing');
  const nextChart = nextFree(zip, 'xl/charts', 'chart');
  const overrides: string[] = [];
  for (const [sheetName, charts] of sheets) {
    const sheetPart = parts.get(sheetName);
    const sheetFile = sheetPart ? zip.file(sheetPart) : null;
    if (!sheetPart || !sheetFile) continue;
    let sheetXml = await sheetFile.async('string');
    if (/<drawing\b/.test(sheetXml)) continue;
    const drawingPart = `xl/drawings/drawing${nextDrawing()}.xml`;
    const chartRels = charts.map((chart, i) => {
      const chartPart = `xl/charts/chart${nextChart()}.xml`;
      zip.file(chartPart, chartPartXml(chart));
      overrides.push(`<Override PartName="/${chartPart}" ContentType="${CT_CHART}"/>`);
      return { id: `rIdChart${i + 1}`, type: REL_CHART, target: `../charts/${chartPart.split('/').pop()}` };
    });
    zip.file(drawingPart, drawingPartXml(charts));
    zip.file(relsPathOf(drawingPart), relsXml(chartRels));
    overrides.push(`<Override PartName="/${drawingPart}" ContentType="${CT_DRAWING}"/>`);
    const sheetRelsPath = relsPathOf(sheetPart);
    const sheetRels = parseRels(await zip.file(sheetRelsPath)?.async('string'));
    let n = sheetRels.length + 1;
    while (sheetRels.some((r) => r.id === `rId${n}`)) n++;
    const relId = `rId${n}`;
    sheetRels.push({ id: relId, type: REL_DRAWING, target: `../drawings/${drawingPart.split('/').pop()}` });
    zip.file(sheetRelsPath, relsXml(sheetRels));
    if (!/xmlns:r=/.test(sheetXml.slice(0, sheetXml.indexOf('>', sheetXml.indexOf('<worksheet')))))
      sheetXml = sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
    const at = AFTER_DRAWING.exec(sheetXml);
    if (!at) continue;
    sheetXml = `${sheetXml.slice(0, at.index)}<drawing r:id="${relId}"/>${sheetXml.slice(at.index)}`;
    zip.file(sheetPart, sheetXml);
  }
  types = types.replace('</Types>', `${overrides.join('')}</Types>`);
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', ...FAST_DEFLATE });
}

/** The native charts of every sheet of a store (sheets without charts are left out). */
export function nativeChartsOf(store: WorkbookStore): Map<string, NativeChart[]> {
  const out = new Map<string, NativeChart[]>();
  for (const sheet of store.data.sheets) {
    const charts = sheet.charts.flatMap((spec) => nativeChartOf(store, spec) ?? []);
    if (charts.length) out.set(sheet.name, charts);
  }
  return out;
}

// ---- reading back -----------------------------------------------------------------------------------------

export interface ReadChart {
  sheet: string;
  part: string;
  kind: NativeChartKind | null;
  title: string | null;
  from: { column: number; row: number };
  widthPx: number;
  heightPx: number;
  series: {
    name: string | null;
    categoriesRef: string | null;
    categories: string[];
    valuesRef: string;
    values: (number | null)[];
  }[];
}

function cacheOf(xml: string): string[] {
  const count = Number(/<c:ptCount val="(\d+)"/.exec(xml)?.[1] ?? 0);
  const out = new Array<string>(count).fill('');
  for (const m of xml.matchAll(/<c:pt idx="(\d+)"[^>]*><c:v>([\s\S]*?)<\/c:v><\/c:pt>/g))
    out[Number(m[1])] = unescapeXml(m[2]);
  return out;
}

/**
 * The charts of an .xlsx as its parts say (sheet → drawing → chart relationships, content types checked), for
 * tests and for checking a file: what any program reading the package would find.
 */
export async function readXlsxCharts(xlsx: Buffer | Uint8Array): Promise<ReadChart[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  const out: ReadChart[] = [];
  for (const [sheet, sheetPart] of await sheetParts(zip)) {
    const sheetXml = (await zip.file(sheetPart)?.async('string')) ?? '';
    const drawingId = /<drawing r:id="([^"]+)"/.exec(sheetXml)?.[1];
    if (!drawingId) continue;
    const sheetRels = parseRels(await zip.file(relsPathOf(sheetPart))?.async('string'));
    const drawingRel = sheetRels.find((r) => r.id === drawingId && r.type === REL_DRAWING);
    if (!drawingRel) throw new Error(`${sheetPart}: drawing ${drawingId} has no relationship`);
    const drawingPart = resolvePart(sheetPart, drawingRel.target);
    if (!types.includes(`PartName="/${drawingPart}" ContentType="${CT_DRAWING}"`))
      throw new Error(`${drawingPart} has no content type`);
    const drawingXml = (await zip.file(drawingPart)?.async('string')) ?? '';
    const drawingRels = parseRels(await zip.file(relsPathOf(drawingPart))?.async('string'));
    for (const anchor of drawingXml.matchAll(/<xdr:(oneCellAnchor|twoCellAnchor)>([\s\S]*?)<\/xdr:\1>/g)) {
      const chartId = /<c:chart [^>]*r:id="([^"]+)"/.exec(anchor[2])?.[1];
      const rel = drawingRels.find((r) => r.id === chartId && r.type === REL_CHART);
      if (!rel) continue;
      const part = resolvePart(drawingPart, rel.target);
      if (!types.includes(`PartName="/${part}" ContentType="${CT_CHART}"`))
        throw new Error(`${part} has no content type`);
      const xml = (await zip.file(part)?.async('string')) ?? '';
      const ext = /<xdr:ext cx="(\d+)" cy="(\d+)"/.exec(anchor[2]);
      const kind: NativeChartKind | null = /<c:pieChart>/.test(xml)
        ? 'pie'
        : /<c:lineChart>/.test(xml)
          ? 'line'
          : /<c:areaChart>/.test(xml)
            ? 'area'
            : ((/<c:barDir val="(col|bar)"/.exec(xml)?.[1] as NativeChartKind | undefined) ?? null);
      out.push({
        sheet,
        part,
        kind,
        title: unescapeXml(/<c:title>[\s\S]*?<a:t>([\s\S]*?)<\/a:t>/.exec(xml)?.[1] ?? '') || null,
        from: {
          column: Number(/<xdr:col>(\d+)<\/xdr:col>/.exec(anchor[2])?.[1]),
          row: Number(/<xdr:row>(\d+)<\/xdr:row>/.exec(anchor[2])?.[1]),
        },
        widthPx: ext ? Number(ext[1]) / EMU_PER_PX : 0,
        heightPx: ext ? Number(ext[2]) / EMU_PER_PX : 0,
        series: [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
          const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser)?.[1];
          const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser)?.[1] ?? '';
          const tx = /<c:tx>([\s\S]*?)<\/c:tx>/.exec(ser)?.[1];
          return {
            name: tx ? (cacheOf(tx)[0] ?? null) : null,
            categoriesRef: cat ? unescapeXml(/<c:f>([\s\S]*?)<\/c:f>/.exec(cat)?.[1] ?? '') : null,
            categories: cat ? cacheOf(cat) : [],
            valuesRef: unescapeXml(/<c:f>([\s\S]*?)<\/c:f>/.exec(val)?.[1] ?? ''),
            values: cacheOf(val).map((v) => (v === '' ? null : Number(v))),
          };
        }),
      });
    }
  }
  return out;
}
