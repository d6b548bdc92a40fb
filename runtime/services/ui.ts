/**
 * The spreadsheet UI (SpreadsheetApp.getUi()): menus, alerts, prompts, sidebars, dialogs and toasts, all recorded
 * on `rt.ui` for tests to read. Alerts and prompts are answered from a queue a test scripts in advance
 * (`rt.ui.answerNextAlert('YES')`, `rt.ui.answerNextPrompt('text', 'OK')`); unanswered ones get the set's
 * affirmative button (OK, or YES for YES_NO sets) and an empty prompt text.
 */
import { notSupported } from '../errors';
import { Button, ButtonSet } from './enums';

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: RecordedMenu };

export interface RecordedMenu {
  title: string;
  addon: boolean;
  items: MenuEntry[];
}

export interface RecordedAlert {
  title?: string;
  prompt: string;
  buttons: string;
  answer: ButtonName;
}
export interface RecordedPrompt extends RecordedAlert {
  response: string;
}
export interface RecordedHtml {
  title: string;
  html: string;
  width?: number;
  height?: number;
}
export interface RecordedToast {
  message: string;
  title?: string;
  timeoutSeconds?: number;
}

/** What the runtime keeps of the UI; `rt.ui`. */
export class UiRecorder {
  readonly menus: RecordedMenu[] = [];
  readonly alerts: RecordedAlert[] = [];
  readonly prompts: RecordedPrompt[] = [];
  readonly sidebars: RecordedHtml[] = [];
  readonly dialogs: (RecordedHtml & { modal: boolean })[] = [];
  readonly toasts: RecordedToast[] = [];
  private readonly alertAnswers: ButtonName[] = [];
  private readonly promptAnswers: { text: string; button: ButtonName }[] = [];

  answerNextAlert(button: ButtonName): void {
    this.alertAnswers.push(button);
  }
  answerNextPrompt(text: string, button: ButtonName = 'OK'): void {
    this.promptAnswers.push({ text, button });
  }
  /** The next scripted answer, else the affirmative button of the set (OK, or YES for YES_NO sets). */
  takeAlertAnswer(buttons: string): ButtonName {
    return this.alertAnswers.shift() ?? affirmative(buttons);
  }
  takePromptAnswer(buttons: string): { text: string; button: ButtonName } {
    return this.promptAnswers.shift() ?? { text: '', button: affirmative(buttons) };
  }
  /** The top-level menu with this title as last added (onOpen adds it again on every open). */
  menu(title: string): RecordedMenu | undefined {
    return [...this.menus].reverse().find((m) => m.title === title);
  }
  /** Every item of a menu, sub-menus flattened, e.g. to find the handler of a caption. */
  menuItems(menu: RecordedMenu): { caption: string; functionName: string }[] {
    const out: { caption: string; functionName: string }[] = [];
    for (const entry of menu.items) {
      if (entry.kind === 'item') out.push({ caption: entry.caption, functionName: entry.functionName });
      if (entry.kind === 'submenu') out.push(...this.menuItems(entry.menu));
    }
    return out;
  }
}

function affirmative(buttons: string): ButtonName {
  return buttons.startsWith('YES') ? 'YES' : 'OK';
}

export class LocalMenu implements GoogleAppsScript.Base.Menu {
  readonly recorded: RecordedMenu;
  constructor(
    private readonly recorder: UiRecorder,
    title: string,
    addon: boolean,
  ) {
    this.recorded = { title, addon, items: [] };
  }
  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    if (typeof functionName !== 'string' || !functionName) throw new Error('Invalid argument: functionName');
    this.recorded.items.push({ kind: 'item', caption: String(caption), functionName });
    return this;
  }
  addSeparator(): GoogleAppsScript.Base.Menu {
    this.recorded.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    if (!(menu instanceof LocalMenu)) throw new Error('Invalid argument: menu');
    this.recorded.items.push({ kind: 'submenu', menu: menu.recorded });
    return this;
  }
  addToUi(): void {
    // Adding a menu with the same title replaces it, as re-running onOpen does in Sheets.
    const index = this.recorder.menus.findIndex(
      (m) => m.title === this.recorded.title && m.addon === this.recorded.addon,
    );
    if (index >= 0) this.recorder.menus.splice(index, 1);
    this.recorder.menus.push(this.recorded);
  }
}

/** An HtmlOutput-like object: anything with getContent() (and optionally getTitle/getWidth/getHeight). */
interface HtmlLike {
  getContent(): string;
  getTitle?(): string;
  getWidth?(): number;
  getHeight?(): number;
}

function recordHtml(output: unknown, title?: string): RecordedHtml {
  const html = output as HtmlLike;
  if (!html || typeof html.getContent !== 'function') throw new Error('Invalid argument: userInterface');
  return {
    title: title ?? html.getTitle?.() ?? '',
    html: html.getContent(),
    width: html.getWidth?.(),
    height: html.getHeight?.(),
  };
}

export class LocalPromptResponse implements GoogleAppsScript.Base.PromptResponse {
  constructor(
    private readonly text: string,
    private readonly button: ButtonName,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return Button[this.button];
  }
}

function buttonsOf(buttons: unknown): string {
  return typeof buttons === 'string' ? buttons : 'OK';
}

/** Which answers a button set allows: an answer outside the set is a test mistake worth reporting. */
function checkAnswer(answer: ButtonName, buttons: string): void {
  const allowed: Record<string, ButtonName[]> = {
    OK: ['OK', 'CLOSE'],
    OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
    YES_NO: ['YES', 'NO', 'CLOSE'],
    YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
  };
  if (!allowed[buttons]?.includes(answer)) {
    throw new Error(`local runtime: scripted answer ${answer} is not a button of ButtonSet.${buttons}`);
  }
}

/** Removes a top-level menu by title (Spreadsheet.removeMenu/updateMenu); a symbol, so scripts never see it. */
export const REMOVE_MENU = Symbol('removeMenu');

export class LocalUi implements GoogleAppsScript.Base.Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly recorder: UiRecorder,
    private readonly addOnName = 'Add-on',
  ) {}

  [REMOVE_MENU](title: string): void {
    for (let i = this.recorder.menus.length - 1; i >= 0; i--)
      if (this.recorder.menus[i].title === title) this.recorder.menus.splice(i, 1);
  }

  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return new LocalMenu(this.recorder, String(caption), false);
  }
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    // Sheets titles an add-on menu with the add-on's name (RuntimeOptions.addOnName).
    return new LocalMenu(this.recorder, this.addOnName, true);
  }

  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const { title, prompt, buttons } = alertArgs(args);
    const answer = this.recorder.takeAlertAnswer(buttons);
    checkAnswer(answer, buttons);
    this.recorder.alerts.push({ title, prompt, buttons, answer });
    return Button[answer];
  }

  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, buttons } = alertArgs(args);
    const { text, button } = this.recorder.takePromptAnswer(buttons);
    checkAnswer(button, buttons);
    this.recorder.prompts.push({ title, prompt, buttons, answer: button, response: text });
    return new LocalPromptResponse(text, button);
  }

  showSidebar(userInterface: unknown): void {
    this.recorder.sidebars.push(recordHtml(userInterface));
  }
  showModalDialog(userInterface: unknown, title: string): void {
    this.recorder.dialogs.push({ ...recordHtml(userInterface, String(title)), modal: true });
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this.recorder.dialogs.push({ ...recordHtml(userInterface, String(title)), modal: false });
  }
  showDialog(): void {
    notSupported('Ui.showDialog');
  }
}

/** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons); the same shapes for prompt. */
function alertArgs(args: unknown[]): { title?: string; prompt: string; buttons: string } {
  if (args.length >= 3)
    return { title: String(args[0]), prompt: String(args[1]), buttons: buttonsOf(args[2]) };
  if (args.length === 2) {
    if (typeof args[1] === 'string' && args[1] in ButtonSet)
      return { prompt: String(args[0]), buttons: args[1] };
    // prompt(title, prompt) is not an Apps Script form; treat the second as buttons like Apps Script's overload.
    return { prompt: String(args[0]), buttons: buttonsOf(args[1]) };
  }
  return { prompt: String(args[0] ?? ''), buttons: 'OK' };
}
