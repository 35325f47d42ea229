import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppsScriptException } from '../runtime-context';
import { type ExecutionState, recordCall } from './execution';
import { compileTemplateSource, escapeHtml } from './html-template';

export const SANDBOX_MODE = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const);
export const X_FRAME_OPTIONS_MODE = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const);

/** What Ui.showSidebar and friends need from an HtmlOutput. */
export interface HtmlOutputLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number | null;
  getHeight(): number | null;
}

export interface FakeHtmlOutput extends HtmlOutputLike {
  setTitle(title: string): FakeHtmlOutput;
  setWidth(width: number): FakeHtmlOutput;
  setHeight(height: number): FakeHtmlOutput;
  setContent(content: string): FakeHtmlOutput;
  append(addition: string): FakeHtmlOutput;
  appendUntrusted(addition: string): FakeHtmlOutput;
  setSandboxMode(mode: string): FakeHtmlOutput;
  getSandboxMode(): string;
  setXFrameOptionsMode(mode: string): FakeHtmlOutput;
  addMetaTag(name: string, content: string): FakeHtmlOutput;
  getMetaTags(): { name: string; content: string }[];
}

export interface FakeHtmlTemplate {
  evaluate(): FakeHtmlOutput;
  getRawContent(): string;
  getCode(): string;
  [variable: string]: unknown;
}

/** Evaluates source code in the script's realm (the node:vm context once a bundle is loaded). */
export type ScriptEvaluator = (source: string) => unknown;

export interface HtmlServiceOptions {
  /** Folder holding the bundle's `.html` files; null when the runtime has none. */
  htmlDir: string | null;
  evaluate: () => ScriptEvaluator;
}

export interface FakeHtmlService {
  SandboxMode: typeof SANDBOX_MODE;
  XFrameOptionsMode: typeof X_FRAME_OPTIONS_MODE;
  createHtmlOutput(html?: string): FakeHtmlOutput;
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput;
  createTemplate(html: string): FakeHtmlTemplate;
  createTemplateFromFile(filename: string): FakeHtmlTemplate;
}

function requireString(method: string, value: unknown): string {
  if (typeof value !== 'string') throw new AppsScriptException(`Invalid argument: ${method} expects a string.`);
  return value;
}

export function createHtmlOutput(execution: ExecutionState, initialContent: string): FakeHtmlOutput {
  const { ctx } = execution;
  let content = initialContent;
  let title = '';
  let width: number | null = null;
  let height: number | null = null;
  let sandboxMode: string = SANDBOX_MODE.IFRAME;
  const metaTags: { name: string; content: string }[] = [];
  const output: FakeHtmlOutput = {
    getContent() {
      recordCall(ctx, 'HtmlOutput.getContent');
      return content;
    },
    setContent(value) {
      recordCall(ctx, 'HtmlOutput.setContent');
      content = requireString('HtmlOutput.setContent', value);
      return output;
    },
    append(addition) {
      recordCall(ctx, 'HtmlOutput.append');
      content += requireString('HtmlOutput.append', addition);
      return output;
    },
    appendUntrusted(addition) {
      recordCall(ctx, 'HtmlOutput.appendUntrusted');
      content += escapeHtml(requireString('HtmlOutput.appendUntrusted', addition));
      return output;
    },
    getTitle() {
      recordCall(ctx, 'HtmlOutput.getTitle');
      return title;
    },
    setTitle(value) {
      recordCall(ctx, 'HtmlOutput.setTitle');
      title = requireString('HtmlOutput.setTitle', value);
      return output;
    },
    getWidth() {
      recordCall(ctx, 'HtmlOutput.getWidth');
      return width;
    },
    setWidth(value) {
      recordCall(ctx, 'HtmlOutput.setWidth');
      width = requirePixels('HtmlOutput.setWidth', value);
      return output;
    },
    getHeight() {
      recordCall(ctx, 'HtmlOutput.getHeight');
      return height;
    },
    setHeight(value) {
      recordCall(ctx, 'HtmlOutput.setHeight');
      height = requirePixels('HtmlOutput.setHeight', value);
      return output;
    },
    setSandboxMode(mode) {
      recordCall(ctx, 'HtmlOutput.setSandboxMode');
      if (!(mode in SANDBOX_MODE)) throw new AppsScriptException('Invalid argument: mode');
      sandboxMode = mode;
      return output;
    },
    getSandboxMode() {
      recordCall(ctx, 'HtmlOutput.getSandboxMode');
      return sandboxMode;
    },
    setXFrameOptionsMode(mode) {
      recordCall(ctx, 'HtmlOutput.setXFrameOptionsMode');
      if (!(mode in X_FRAME_OPTIONS_MODE)) throw new AppsScriptException('Invalid argument: mode');
      return output;
    },
    addMetaTag(name, value) {
      recordCall(ctx, 'HtmlOutput.addMetaTag');
      // Apps Script only accepts the viewport and a few mobile-web-app tags.
      if (!['viewport', 'apple-mobile-web-app-capable', 'mobile-web-app-capable'].includes(name)) {
        throw new AppsScriptException(`Invalid argument: Meta tag name ${name} is not supported.`);
      }
      metaTags.push({ name, content: requireString('HtmlOutput.addMetaTag', value) });
      return output;
    },
    getMetaTags() {
      recordCall(ctx, 'HtmlOutput.getMetaTags');
      return metaTags.map((tag) => ({ ...tag }));
    },
  };
  return output;
}

function requirePixels(method: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new AppsScriptException(`Invalid argument: ${method} expects a whole number of pixels.`);
  }
  return value;
}

const TEMPLATE_METHODS = new Set(['evaluate', 'getRawContent', 'getCode']);

function createTemplate(execution: ExecutionState, options: HtmlServiceOptions, raw: string): FakeHtmlTemplate {
  const { ctx } = execution;
  const source = compileTemplateSource(raw);
  const template: FakeHtmlTemplate = {
    evaluate() {
      recordCall(ctx, 'HtmlTemplate.evaluate');
      // Variables assigned on the template (`template.rows = …`) become identifiers in scriptlets.
      const scope: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(template)) if (!TEMPLATE_METHODS.has(key)) scope[key] = value;
      const render = options.evaluate()(source) as (scope: object, escapeValue: (v: unknown) => string) => string;
      return createHtmlOutput(execution, render(scope, escapeHtml));
    },
    getRawContent() {
      recordCall(ctx, 'HtmlTemplate.getRawContent');
      return raw;
    },
    getCode() {
      recordCall(ctx, 'HtmlTemplate.getCode');
      return source;
    },
  };
  return template;
}

function readHtmlFile(options: HtmlServiceOptions, filename: unknown): string {
  const name = requireString('HtmlService.createHtmlOutputFromFile', filename);
  const notFound = new AppsScriptException(`No HTML file named ${name} was found.`);
  if (options.htmlDir === null || name === '' || name.split('/').includes('..')) throw notFound;
  const path = join(options.htmlDir, `${name}.html`);
  if (!existsSync(path)) throw notFound;
  return readFileSync(path, 'utf8');
}

export function createHtmlService(execution: ExecutionState, options: HtmlServiceOptions): FakeHtmlService {
  const { ctx } = execution;
  return {
    SandboxMode: SANDBOX_MODE,
    XFrameOptionsMode: X_FRAME_OPTIONS_MODE,
    createHtmlOutput(html = '') {
      recordCall(ctx, 'HtmlService.createHtmlOutput');
      return createHtmlOutput(execution, requireString('HtmlService.createHtmlOutput', html));
    },
    createHtmlOutputFromFile(filename) {
      recordCall(ctx, 'HtmlService.createHtmlOutputFromFile', 'read');
      return createHtmlOutput(execution, readHtmlFile(options, filename));
    },
    createTemplate(html) {
      recordCall(ctx, 'HtmlService.createTemplate');
      return createTemplate(execution, options, requireString('HtmlService.createTemplate', html));
    },
    createTemplateFromFile(filename) {
      recordCall(ctx, 'HtmlService.createTemplateFromFile', 'read');
      return createTemplate(execution, options, readHtmlFile(options, filename));
    },
  };
}
