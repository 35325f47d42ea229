import { AppsScriptException } from '../runtime-context';
import { type ExecutionState, recordCall, requireAuthMode } from './execution';
import type { HtmlOutputLike } from './html-service';

/** Ui.Button values (Apps Script enums compare by identity; strings keep `===` working). */
export const UI_BUTTON = Object.freeze({ OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const);
export type UiButtonName = keyof typeof UI_BUTTON;

export const UI_BUTTON_SET = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const);
export type UiButtonSetName = keyof typeof UI_BUTTON_SET;

/** Buttons a user can click for each button set; CLOSE (the dialog's ×) is always possible. */
const BUTTONS_OF_SET: Record<UiButtonSetName, readonly UiButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

/** A separator's caption is '' so every item has a caption. */
export type MenuItem =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator'; caption: '' }
  | { kind: 'subMenu'; caption: string; items: MenuItem[] };

export interface CapturedMenu {
  /** The menu caption ('' for the add-on menu, whose caption is the add-on's name). */
  caption: string;
  addon: boolean;
  items: MenuItem[];
}

export interface CapturedDialog {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttonSet: UiButtonSetName;
  response: UiButtonName;
  responseText: string;
}

export interface CapturedHtmlDisplay {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width: number | null;
  height: number | null;
}

interface QueuedResponse {
  button: UiButtonName;
  text: string;
}

/** What tests see of the user interface: menus added, dialogs answered, HTML displayed. */
export class UiCapture {
  readonly menus: CapturedMenu[] = [];
  readonly dialogs: CapturedDialog[] = [];
  readonly displays: CapturedHtmlDisplay[] = [];
  private readonly responses: QueuedResponse[] = [];

  /** The answer the simulated user gives to the next alert or prompt. */
  queueResponse(button: UiButtonName, text = ''): void {
    if (!(button in UI_BUTTON)) throw new Error(`Unknown Ui button: ${String(button)}`);
    this.responses.push({ button, text });
  }

  pendingResponses(): number {
    return this.responses.length;
  }

  menu(caption: string): CapturedMenu | undefined {
    return this.menus.find((m) => m.caption === caption);
  }

  /** Every function name reachable from the captured menus, in menu order. */
  menuFunctionNames(): string[] {
    const names: string[] = [];
    const walk = (items: MenuItem[]): void => {
      for (const item of items) {
        if (item.kind === 'item') names.push(item.functionName);
        else if (item.kind === 'subMenu') walk(item.items);
      }
    };
    for (const menu of this.menus) walk(menu.items);
    return names;
  }

  /** The last sidebar or dialog shown, if any. */
  lastDisplay(): CapturedHtmlDisplay | undefined {
    return this.displays[this.displays.length - 1];
  }

  takeResponse(dialog: string, buttonSet: UiButtonSetName): QueuedResponse {
    const response = this.responses.shift();
    if (response === undefined) {
      throw new Error(`Unexpected dialog with no queued response: ${dialog}. Call ui.queueResponse(...) first.`);
    }
    if (!BUTTONS_OF_SET[buttonSet].includes(response.button)) {
      throw new Error(`Queued response ${response.button} is not a button of ButtonSet.${buttonSet} (${dialog}).`);
    }
    return response;
  }
}

export interface FakeMenu {
  addItem(caption: string, functionName: string): FakeMenu;
  addSeparator(): FakeMenu;
  addSubMenu(menu: FakeMenu): FakeMenu;
  addToUi(): void;
}

export interface FakePromptResponse {
  getResponseText(): string;
  getSelectedButton(): UiButtonName;
}

export interface FakeUi {
  Button: typeof UI_BUTTON;
  ButtonSet: typeof UI_BUTTON_SET;
  createMenu(caption: string): FakeMenu;
  createAddonMenu(): FakeMenu;
  alert(...args: unknown[]): UiButtonName;
  prompt(...args: unknown[]): FakePromptResponse;
  showSidebar(userInterface: HtmlOutputLike): void;
  showModalDialog(userInterface: HtmlOutputLike, title: string): void;
  showModelessDialog(userInterface: HtmlOutputLike, title: string): void;
}

const menuEntries = new WeakMap<FakeMenu, { caption: string; items: MenuItem[] }>();

function createMenu(execution: ExecutionState, capture: UiCapture, caption: string, addon: boolean): FakeMenu {
  const { ctx } = execution;
  const items: MenuItem[] = [];
  const menu: FakeMenu = {
    addItem(itemCaption, functionName) {
      recordCall(ctx, 'Menu.addItem');
      if (typeof itemCaption !== 'string' || typeof functionName !== 'string' || functionName === '') {
        throw new AppsScriptException('Invalid argument: Menu.addItem expects a caption and a function name.');
      }
      // Apps Script cannot run a private function (name ending in `_`) from a menu item.
      if (functionName.endsWith('_')) {
        throw new Error(`Menu item "${itemCaption}" calls private function ${functionName}, which a menu cannot run.`);
      }
      items.push({ kind: 'item', caption: itemCaption, functionName });
      return menu;
    },
    addSeparator() {
      recordCall(ctx, 'Menu.addSeparator');
      items.push({ kind: 'separator', caption: '' });
      return menu;
    },
    addSubMenu(subMenu) {
      recordCall(ctx, 'Menu.addSubMenu');
      const sub = menuEntries.get(subMenu);
      if (sub === undefined) throw new AppsScriptException('Invalid argument: menu');
      items.push({ kind: 'subMenu', caption: sub.caption, items: sub.items });
      return menu;
    },
    addToUi() {
      recordCall(ctx, 'Menu.addToUi');
      const captured: CapturedMenu = { caption, addon, items: [...items] };
      // Adding the same menu again (onOpen run twice) replaces it, as in the editor.
      const existing = capture.menus.findIndex((m) => m.caption === caption && m.addon === addon);
      if (existing >= 0) capture.menus[existing] = captured;
      else capture.menus.push(captured);
    },
  };
  menuEntries.set(menu, { caption, items });
  return menu;
}

/** Splits the (prompt) / (prompt, buttons) / (title, prompt, buttons) overloads. */
function dialogArguments(method: string, args: unknown[]): { title: string; prompt: string; buttonSet: UiButtonSetName } {
  const isButtonSet = (v: unknown): v is UiButtonSetName => typeof v === 'string' && v in UI_BUTTON_SET;
  const [a, b, c] = args;
  if (args.length === 1 && typeof a === 'string') return { title: '', prompt: a, buttonSet: 'OK' };
  if (args.length === 2 && typeof a === 'string' && isButtonSet(b)) return { title: '', prompt: a, buttonSet: b };
  if (args.length === 3 && typeof a === 'string' && typeof b === 'string' && isButtonSet(c)) {
    return { title: a, prompt: b, buttonSet: c };
  }
  throw new AppsScriptException(`The parameters don't match the method signature for ${method}.`);
}

function assertHtmlOutput(method: string, value: unknown): HtmlOutputLike {
  const candidate = value as Partial<HtmlOutputLike> | null;
  if (candidate === null || typeof candidate !== 'object' || typeof candidate.getContent !== 'function') {
    throw new AppsScriptException(`The parameters don't match the method signature for ${method}.`);
  }
  return candidate as HtmlOutputLike;
}

export function createUi(execution: ExecutionState, capture: UiCapture): FakeUi {
  const { ctx } = execution;
  const display = (kind: CapturedHtmlDisplay['kind'], method: string, output: unknown, title?: string): void => {
    recordCall(ctx, method);
    requireAuthMode(execution, method, 'LIMITED');
    const html = assertHtmlOutput(method, output);
    capture.displays.push({
      kind,
      title: title ?? html.getTitle(),
      content: html.getContent(),
      width: html.getWidth(),
      height: html.getHeight(),
    });
  };
  return {
    Button: UI_BUTTON,
    ButtonSet: UI_BUTTON_SET,
    createMenu(caption) {
      recordCall(ctx, 'Ui.createMenu');
      if (typeof caption !== 'string' || caption === '') throw new AppsScriptException('Invalid argument: caption');
      return createMenu(execution, capture, caption, false);
    },
    createAddonMenu() {
      recordCall(ctx, 'Ui.createAddonMenu');
      return createMenu(execution, capture, '', true);
    },
    alert(...args) {
      recordCall(ctx, 'Ui.alert');
      requireAuthMode(execution, 'Ui.alert', 'LIMITED');
      const { title, prompt, buttonSet } = dialogArguments('Ui.alert', args);
      const response = capture.takeResponse(`alert("${prompt}")`, buttonSet);
      capture.dialogs.push({ kind: 'alert', title, prompt, buttonSet, response: response.button, responseText: '' });
      return response.button;
    },
    prompt(...args) {
      recordCall(ctx, 'Ui.prompt');
      requireAuthMode(execution, 'Ui.prompt', 'LIMITED');
      const { title, prompt, buttonSet } = dialogArguments('Ui.prompt', args);
      const response = capture.takeResponse(`prompt("${prompt}")`, buttonSet);
      capture.dialogs.push({ kind: 'prompt', title, prompt, buttonSet, response: response.button, responseText: response.text });
      return {
        getResponseText: () => {
          recordCall(ctx, 'PromptResponse.getResponseText');
          return response.text;
        },
        getSelectedButton: () => {
          recordCall(ctx, 'PromptResponse.getSelectedButton');
          return response.button;
        },
      };
    },
    showSidebar(output) {
      display('sidebar', 'Ui.showSidebar', output);
    },
    showModalDialog(output, title) {
      display('modal', 'Ui.showModalDialog', output, title);
    },
    showModelessDialog(output, title) {
      display('modeless', 'Ui.showModelessDialog', output, title);
    },
  };
}
