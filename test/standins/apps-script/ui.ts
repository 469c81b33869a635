/**
 * SpreadsheetApp.getUi() (developers.google.com/apps-script/reference/base/ui): menus are recorded so
 * tests can read caption → function name; alerts and prompts answer from a queue the test fills
 * (default: the first affirmative button); sidebars and dialogs are recorded with their HTML.
 */
import { type EnumValue, enumMember, UiButton, UiButtonSet } from './enums';
import type { HtmlOutput } from './html';
import type { Realm } from './realm';

/** One entry of a recorded menu. */
export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuRecord };

/** A menu added with addToUi(). */
export interface MenuRecord {
  caption: string;
  /** True for createAddonMenu() (shown under Extensions › add-on name). */
  addon: boolean;
  entries: MenuEntry[];
}

/** A sidebar or dialog shown to the user. */
export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width?: number;
  height?: number;
}

/** An alert or prompt shown to the user, with the button the (simulated) user chose. */
export interface DialogRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttonSet: string;
  answer: string;
  text?: string;
}

/** What the test wants the user to answer next. */
export interface QueuedAnswer {
  button: string;
  text?: string;
}

/** Everything the Ui recorded; lives as long as the loaded add-on. */
export class UiRecorder {
  readonly menus: MenuRecord[] = [];
  readonly shown: ShownHtml[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly answers: QueuedAnswer[] = [];

  /** Queues the user's answer to the next alert or prompt. */
  respondNext(button: string, text?: string): void {
    this.answers.push({ button, text });
  }

  /** Every menu item as `{ path, functionName }`, path like 'Customer Segments › Settings…'. */
  menuItems(): { path: string; caption: string; functionName: string }[] {
    const items: { path: string; caption: string; functionName: string }[] = [];
    const walk = (menu: MenuRecord, prefix: string): void => {
      for (const entry of menu.entries) {
        if (entry.kind === 'item') {
          items.push({
            path: `${prefix}${entry.caption}`,
            caption: entry.caption,
            functionName: entry.functionName,
          });
        } else if (entry.kind === 'submenu') {
          walk(entry.menu, `${prefix}${entry.menu.caption} › `);
        }
      }
    };
    for (const menu of this.menus) walk(menu, `${menu.caption} › `);
    return items;
  }

  /** The last sidebar shown, if any. */
  lastSidebar(): ShownHtml | undefined {
    return [...this.shown].reverse().find((shown) => shown.kind === 'sidebar');
  }
}

/** Menu builder. */
export class Menu {
  private readonly record: MenuRecord;

  constructor(
    caption: string,
    addon: boolean,
    private readonly recorder: UiRecorder,
    private readonly count: (method: string) => Realm,
  ) {
    this.record = { caption, addon, entries: [] };
  }

  addItem(caption: string, functionName: string): Menu {
    const realm = this.count('addItem');
    if (typeof functionName !== 'string' || functionName === '')
      throw realm.error('Invalid argument: functionName');
    this.record.entries.push({ kind: 'item', caption: String(caption), functionName });
    return this;
  }

  addSeparator(): Menu {
    this.count('addSeparator');
    this.record.entries.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: Menu): Menu {
    this.count('addSubMenu');
    this.record.entries.push({ kind: 'submenu', menu: menu.record });
    return this;
  }

  /** Adds (or replaces, for the same caption) the menu in the editor's UI. */
  addToUi(): void {
    this.count('addToUi');
    const index = this.recorder.menus.findIndex(
      (menu) => menu.caption === this.record.caption && menu.addon === this.record.addon,
    );
    if (index >= 0) this.recorder.menus.splice(index, 1, this.record);
    else this.recorder.menus.push(this.record);
  }
}

const BUTTONS_OF_SET: Record<string, string[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

/** PromptResponse. */
export class PromptResponse {
  constructor(
    private readonly text: string,
    private readonly button: EnumValue,
  ) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): EnumValue {
    return this.button;
  }
}

interface HtmlShowable {
  describe(): { title: string; content: string; width?: number; height?: number };
}

/** The Ui class scripts see. */
export class Ui {
  readonly Button = UiButton;
  readonly ButtonSet = UiButtonSet;

  constructor(
    private readonly recorder: UiRecorder,
    private readonly addonName: string,
    private readonly count: (method: string, className?: string) => Realm,
  ) {}

  createMenu(caption: string): Menu {
    this.count('createMenu');
    return new Menu(String(caption), false, this.recorder, (method) => this.count(method, 'Menu'));
  }

  /** The add-on's menu under Extensions; its caption is the add-on's name. */
  createAddonMenu(): Menu {
    this.count('createAddonMenu');
    return new Menu(this.addonName, true, this.recorder, (method) => this.count(method, 'Menu'));
  }

  private answer(realm: Realm, kind: 'alert' | 'prompt', args: unknown[]): DialogRecord {
    // alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons); prompt likewise.
    let title = '';
    let prompt = '';
    let buttonSet = 'OK';
    if (args.length >= 3) {
      title = String(args[0]);
      prompt = String(args[1]);
      buttonSet = enumMember(UiButtonSet, args[2], 'button set').name();
    } else if (args.length === 2) {
      prompt = String(args[0]);
      buttonSet = enumMember(UiButtonSet, args[1], 'button set').name();
    } else if (args.length === 1) {
      prompt = String(args[0]);
    } else {
      throw realm.error(`The parameters () don't match the method signature for Ui.${kind}.`);
    }
    const queued = this.recorder.answers.shift();
    const allowed = BUTTONS_OF_SET[buttonSet];
    const button = queued?.button ?? allowed[0];
    if (!allowed.includes(button)) throw new Error(`Queued answer ${button} is not a button of ${buttonSet}`);
    const record: DialogRecord = { kind, title, prompt, buttonSet, answer: button, text: queued?.text };
    this.recorder.dialogs.push(record);
    return record;
  }

  /** Returns the Button the user pressed. */
  alert(...args: unknown[]): EnumValue {
    const realm = this.count('alert');
    return UiButton[this.answer(realm, 'alert', args).answer as keyof typeof UiButton];
  }

  prompt(...args: unknown[]): PromptResponse {
    const realm = this.count('prompt');
    if (args.length === 1 || (args.length === 2 && typeof args[1] === 'string')) {
      // prompt(prompt) and prompt(title, prompt) both default to ButtonSet.OK.
      args = args.length === 2 ? [args[0], args[1], UiButtonSet.OK] : args;
    }
    const record = this.answer(realm, 'prompt', args);
    return new PromptResponse(record.text ?? '', UiButton[record.answer as keyof typeof UiButton]);
  }

  private show(kind: ShownHtml['kind'], html: unknown, title?: unknown): void {
    if (typeof html !== 'object' || html === null || !('describe' in html)) {
      throw new Error(`show ${kind}: expected an HtmlOutput`);
    }
    const shown = (html as HtmlShowable).describe();
    this.recorder.shown.push({ kind, ...shown, title: title === undefined ? shown.title : String(title) });
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.count('showSidebar');
    this.show('sidebar', userInterface);
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.count('showModalDialog');
    this.show('modal', userInterface, title);
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.count('showModelessDialog');
    this.show('modeless', userInterface, title);
  }
}
