/**
 * HtmlService: templates read from the dist folder (`Sidebar` -> dist/Sidebar.html) and evaluated
 * with Apps Script's scriptlets: `<?= expr ?>` prints HTML-escaped, `<?!= expr ?>` prints raw,
 * `<? code ?>` runs code. Template properties set by the caller are in scope.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallCounter } from './calls';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export class FakeHtmlOutput {
  readonly #calls: CallCounter;
  #content: string;
  #title = '';
  #width = 300;
  #height = 400;
  #metaTags: Record<string, string> = {};

  constructor(calls: CallCounter, content: string) {
    this.#calls = calls;
    this.#content = content;
  }

  #count(method: string): void {
    this.#calls.count(`HtmlOutput.${method}`);
  }

  getContent(): string {
    this.#count('getContent');
    return this.#content;
  }
  setContent(content: string): FakeHtmlOutput {
    this.#count('setContent');
    this.#content = content;
    return this;
  }
  append(addedContent: string): FakeHtmlOutput {
    this.#count('append');
    this.#content += addedContent;
    return this;
  }
  appendUntrusted(addedContent: string): FakeHtmlOutput {
    this.#count('appendUntrusted');
    this.#content += escapeHtml(addedContent);
    return this;
  }
  clear(): FakeHtmlOutput {
    this.#count('clear');
    this.#content = '';
    return this;
  }
  getTitle(): string {
    this.#count('getTitle');
    return this.#title;
  }
  setTitle(title: string): FakeHtmlOutput {
    this.#count('setTitle');
    this.#title = title;
    return this;
  }
  getWidth(): number {
    this.#count('getWidth');
    return this.#width;
  }
  setWidth(width: number): FakeHtmlOutput {
    this.#count('setWidth');
    this.#width = width;
    return this;
  }
  getHeight(): number {
    this.#count('getHeight');
    return this.#height;
  }
  setHeight(height: number): FakeHtmlOutput {
    this.#count('setHeight');
    this.#height = height;
    return this;
  }
  setSandboxMode(_mode: string): FakeHtmlOutput {
    this.#count('setSandboxMode');
    return this;
  }
  setXFrameOptionsMode(_mode: string): FakeHtmlOutput {
    this.#count('setXFrameOptionsMode');
    return this;
  }
  setFaviconUrl(_iconUrl: string): FakeHtmlOutput {
    this.#count('setFaviconUrl');
    return this;
  }
  addMetaTag(name: string, content: string): FakeHtmlOutput {
    this.#count('addMetaTag');
    this.#metaTags[name] = content;
    return this;
  }
}

/** A template; the caller adds properties (`template.view = 'planner'`) that scriptlets read. */
export class FakeHtmlTemplate {
  readonly #calls: CallCounter;
  readonly #source: string;
  readonly #scope: Record<string, unknown>;
  [property: string]: unknown;

  constructor(calls: CallCounter, source: string, scope: Record<string, unknown>) {
    this.#calls = calls;
    this.#source = source;
    this.#scope = scope;
  }

  getRawContent(): string {
    this.#calls.count('HtmlTemplate.getRawContent');
    return this.#source;
  }

  getCode(): string {
    this.#calls.count('HtmlTemplate.getCode');
    return compileTemplate(this.#source);
  }

  evaluate(): FakeHtmlOutput {
    this.#calls.count('HtmlTemplate.evaluate');
    const data: Record<string, unknown> = { ...this.#scope };
    for (const key of Object.keys(this)) data[key] = this[key];
    const run = new Function('__data', '__escape', `with (__data) { ${compileTemplate(this.#source)} }`);
    return new FakeHtmlOutput(this.#calls, run(data, escapeHtml) as string);
  }
}

/** Turns scriptlet HTML into a JavaScript function body that returns the page. */
export function compileTemplate(source: string): string {
  const parts: string[] = ['let __out = "";'];
  const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    parts.push(`__out += ${JSON.stringify(source.slice(last, m.index))};`);
    const [, kind, code = ''] = m;
    if (kind === '=') parts.push(`__out += __escape(${code});`);
    else if (kind === '!=') parts.push(`__out += String(${code} ?? "");`);
    else parts.push(code);
    last = m.index + m[0].length;
  }
  parts.push(`__out += ${JSON.stringify(source.slice(last))};`, 'return __out;');
  return parts.join('\n');
}

export class FakeHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  readonly #calls: CallCounter;
  readonly #distDir: string;

  constructor(calls: CallCounter, distDir: string) {
    this.#calls = calls;
    this.#distDir = distDir;
  }

  #read(filename: string): string {
    const path = join(this.#distDir, filename.endsWith('.html') ? filename : `${filename}.html`);
    if (!existsSync(path)) throw new Error(`No HTML file named ${filename} was found.`);
    return readFileSync(path, 'utf8');
  }

  createHtmlOutput(html = ''): FakeHtmlOutput {
    this.#calls.count('HtmlService.createHtmlOutput');
    return new FakeHtmlOutput(this.#calls, String(html));
  }

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.#calls.count('HtmlService.createHtmlOutputFromFile');
    return new FakeHtmlOutput(this.#calls, this.#read(filename));
  }

  createTemplate(html: string): FakeHtmlTemplate {
    this.#calls.count('HtmlService.createTemplate');
    return new FakeHtmlTemplate(this.#calls, String(html), { HtmlService: this });
  }

  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    this.#calls.count('HtmlService.createTemplateFromFile');
    return new FakeHtmlTemplate(this.#calls, this.#read(filename), { HtmlService: this });
  }
}
