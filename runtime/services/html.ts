/**
 * HtmlService over the built bundle's `dist/<name>.html` files: outputs, templates with `<? ?>`, `<?= ?>`
 * (HTML-escaped) and `<?!= ?>` scriptlets evaluated in the script's global scope with the template's properties
 * as variables, as Apps Script does (guides/html/templates).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { notSupported } from '../errors';
import { SandboxMode, XFrameOptionsMode } from './enums';
import { LocalBlob } from './utilities';

/** Runs compiled template code in the script's realm: (code, properties) → HTML. */
export type TemplateEvaluator = (code: string, properties: Record<string, unknown>) => string;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** HtmlOutput (reference/html/html-output); members it lacks are reported by the membrane. */
export class LocalHtmlOutput {
  private title = '';
  private width: number | undefined;
  private height: number | undefined;
  private faviconUrl = '';
  private readonly metaTags: { name: string; content: string }[] = [];
  sandboxMode: string = SandboxMode.IFRAME as unknown as string;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT as unknown as string;

  constructor(private content = '') {}

  append(addedContent: string): LocalHtmlOutput {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): LocalHtmlOutput {
    this.content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): LocalHtmlOutput {
    this.content = '';
    return this;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): LocalHtmlOutput {
    this.content = String(content);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): LocalHtmlOutput {
    this.title = String(title);
    return this;
  }
  getWidth(): number {
    return this.width ?? 0;
  }
  setWidth(width: number): LocalHtmlOutput {
    this.width = Number(width);
    return this;
  }
  getHeight(): number {
    return this.height ?? 0;
  }
  setHeight(height: number): LocalHtmlOutput {
    this.height = Number(height);
    return this;
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): LocalHtmlOutput {
    this.sandboxMode = String(mode);
    return this;
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): LocalHtmlOutput {
    this.xFrameOptionsMode = String(mode);
    return this;
  }
  addMetaTag(name: string, content: string): LocalHtmlOutput {
    this.metaTags.push({ name, content });
    return this;
  }
  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    return this.metaTags.map((tag) => ({ getName: () => tag.name, getContent: () => tag.content }));
  }
  setFaviconUrl(iconUrl: string): LocalHtmlOutput {
    this.faviconUrl = iconUrl;
    return this;
  }
  getFaviconUrl(): string {
    return this.faviconUrl;
  }
  /** The HTML as a text/html blob (reference/html/html-output#getBlob()). */
  getBlob(): LocalBlob {
    return new LocalBlob(Buffer.from(this.content, 'utf8'), 'text/html', null);
  }
}

/** Compiles template text to the body of a function(output) run in the script's scope. */
export function compileTemplate(source: string): string {
  const parts: string[] = [];
  const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let match = scriptlet.exec(source); match; match = scriptlet.exec(source)) {
    if (match.index > last) parts.push(`output.append(${JSON.stringify(source.slice(last, match.index))});`);
    const code = match[2].trim();
    // A printing scriptlet may end in ';' (guides/html/best-practices: <?!= include('Stylesheet'); ?>).
    const expression = code.replace(/;+\s*$/, '');
    if (match[1] === '=') parts.push(`output.appendUntrusted(${expression});`);
    else if (match[1] === '!=') parts.push(`output.append(${expression});`);
    else parts.push(`${code}\n`);
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push(`output.append(${JSON.stringify(source.slice(last))});`);
  return parts.join('\n');
}

/** HtmlTemplate (reference/html/html-template). */
export class LocalHtmlTemplate {
  // Scripts set template variables as plain properties: template.customer = {...}.
  [property: string]: unknown;

  constructor(
    private readonly rawContent: string,
    private readonly evaluator: TemplateEvaluator,
  ) {}

  evaluate(): LocalHtmlOutput {
    const properties: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'rawContent' && key !== 'evaluator') properties[key] = value;
    }
    return new LocalHtmlOutput(this.evaluator(compileTemplate(this.rawContent), properties));
  }
  getCode(): string {
    return compileTemplate(this.rawContent);
  }
  getCodeWithComments(): string {
    return compileTemplate(this.rawContent);
  }
  getRawContent(): string {
    return this.rawContent;
  }
}

/** HtmlService (reference/html/html-service); members it lacks are reported by the membrane. */
export class LocalHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    private readonly htmlDir: string,
    private readonly evaluator: TemplateEvaluator,
  ) {}

  createHtmlOutput(html?: unknown): LocalHtmlOutput {
    if (html !== undefined && typeof html !== 'string')
      return notSupported('HtmlService.createHtmlOutput(blob)');
    return new LocalHtmlOutput(html ?? '');
  }
  createHtmlOutputFromFile(filename: string): LocalHtmlOutput {
    return new LocalHtmlOutput(this.readFile(filename));
  }
  createTemplate(html: unknown): LocalHtmlTemplate {
    if (typeof html !== 'string') return notSupported('HtmlService.createTemplate(blob)');
    return new LocalHtmlTemplate(html, this.evaluator);
  }
  createTemplateFromFile(filename: string): LocalHtmlTemplate {
    return new LocalHtmlTemplate(this.readFile(filename), this.evaluator);
  }
  getUserAgent(): string {
    return 'Apps Script local runtime';
  }

  private readFile(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const file = path.join(this.htmlDir, `${name}.html`);
    // Names are project file names, never paths.
    if (name.includes('/') || name.includes('\\') || !fs.existsSync(file)) {
      throw new Error(`No HTML file named ${name} was found.`);
    }
    return fs.readFileSync(file, 'utf8');
  }
}
