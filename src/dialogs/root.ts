import type { TurnContext } from 'botbuilder';
import { DialogTurnStatus, type Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { parseAction, type ReminderChoice } from '../cards/actions.js';
import { notKnownCard } from '../cards/answer.js';
import { buttonsOf, normaliseChoice } from '../cards/choices.js';
import { ENROL_TOTAL } from '../cards/enrolment.js';
import { menuCard, type KeptPlace } from '../cards/menu.js';
import type { ConversationId, ConversationTarget } from '../content/conversations.js';
import { SECRET_WARNING } from '../content/guard.js';
import { REMINDERS } from '../content/reminders.js';
import { CANCELLED, HELP, HELP_SUFFIX, REPLIES } from '../content/ui.js';
import type { InScopeIntentId } from '../nlu/intents.js';
import { detectSharedSecret } from '../privacy/index.js';
import { closingWords, globalCommand, isThanks, type Closing } from './commands.js';
import { isConversationResult, type ConversationResult, type ResumeOptions } from './conversation.js';
import { sendMenu } from './menu.js';
import { isRecord, isSharedConversation, pressOf, typedText } from './press.js';
import type { EnrolProgressStore } from './progress.js';
import { reminderWords, type Reminders } from './reminders.js';
import { keepPlace, say, sendCard } from './send.js';

/**
 * The root was once a ComponentDialog at the bottom of every dialog stack, holding the
 * conversations' stack in its own state. A stack saved then is unwrapped on its next turn.
 */
const LEGACY_ROOT_DIALOG = 'mfa-root';

/** A guided conversation the root can start. */
export interface ConversationDialog extends Dialog {
  readonly conversation: ConversationId;
  /** Given the conversation's own (inner) dialog context: is it waiting for a (practice) code? */
  acceptsCode(inner: DialogContext): boolean;
  /** Given the conversation's own (inner) dialog context: does it scrub secrets from typed text itself? */
  scrubsSecrets(inner: DialogContext): boolean;
  /** A save of it by an earlier version of the bot: how to resume it (null: it cannot be; undefined: the save is this version's). */
  earlierSave(saved: DialogInstance): ResumeOptions | null | undefined;
}

export type Understanding =
  | { readonly kind: 'answered' }
  | { readonly kind: 'start'; readonly target: ConversationTarget }
  /** Not placed; `suggestions` are the topics it came closest to, offered as one-tap choices. */
  | { readonly kind: 'none'; readonly suggestions?: readonly InScopeIntentId[] };

/** Free-text understanding (intent matching); absent, free text gets a short re-prompt. */
export interface Understander {
  understand(context: TurnContext, text: string, midConversation: boolean): Promise<Understanding>;
  /** Answers a question already recognised (a "Did you mean…?" or follow-up button). */
  answer(context: TurnContext, intent: InScopeIntentId, midConversation: boolean): Promise<Understanding>;
}

/** Held-back secrets are logged by kind and channel only. */
export interface SecretLog {
  info(fields: { readonly event: 'secret_guard'; readonly kind: string; readonly channelId: string | undefined }, message: string): void;
}

export interface RootDeps {
  readonly progress: EnrolProgressStore;
  readonly conversations: readonly ConversationDialog[];
  readonly understander?: Understander;
  readonly log?: SecretLog;
  /** "Remind me tomorrow": offered when the walkthrough is paused; absent, the words say it is unavailable. */
  readonly reminders?: Reminders;
}

function startOptions(target: ConversationTarget): object | undefined {
  if (target.conversation !== 'trouble') return undefined;
  if (target.urgent !== undefined) return { urgent: target.urgent };
  return target.problem === undefined ? undefined : { problem: target.problem };
}

/** What a message that only closes a topic ("thanks", "that worked", "ok", "bye") gets back. */
const CLOSING_REPLIES: Readonly<Record<Closing, string>> = {
  thanks: REPLIES.welcome,
  pleased: REPLIES.pleased,
  acknowledged: REPLIES.acknowledged,
  goodbye: REPLIES.farewell,
};

/** Conversations that must not run where others read along, and what is said instead. */
const PRIVATE_ONLY: Partial<Record<ConversationId, string>> = {
  practice: REPLIES.practiceInPrivate,
  feedback: REPLIES.feedbackInPrivate,
};

/** One turn as the route list sees it. `unread` is what the active conversation handed back unread. */
interface Turn {
  readonly dc: DialogContext;
  readonly press: unknown;
  readonly text: string;
  readonly current: ConversationDialog | undefined;
  unread?: Extract<ConversationResult, { kind: 'notUnderstood' }> & { readonly dialogId: string };
}

/** A route answers the turn (true) or lets the next one look at it (false). */
type Route = (turn: Turn) => Promise<boolean>;

/** A stack saved when the root was a dialog: the conversations' stack it held, or the stack as it is. */
function withoutLegacyRoot(stack: DialogInstance[]): DialogInstance[] {
  const bottom = stack[0];
  if (stack.length !== 1 || bottom?.id !== LEGACY_ROOT_DIALOG) return stack;
  const inner: unknown = isRecord(bottom.state) && isRecord(bottom.state.dialogs) ? bottom.state.dialogs.dialogStack : undefined;
  return Array.isArray(inner) ? inner.filter(isDialogInstance) : [];
}

function isDialogInstance(value: unknown): value is DialogInstance {
  return isRecord(value) && typeof value.id === 'string';
}

/**
 * The conversation's root: every turn goes through its route list, top to bottom, until one route
 * answers it. The guided conversations are the dialogs of the turn's own dialog context (the
 * dialog set MfaBot builds from `dialogs`); the root itself is not a dialog on the stack, so a
 * turn costs botbuilder-dialogs one dialog context and one level of events fewer (measured in
 * bench/dialogContext.ts, "Dialog context" in bench/RESULTS.md).
 */
export class RootDialog {
  /** Every turn, in this order. */
  private readonly routes: readonly Route[] = [
    (t) => this.secretGuard(t),
    (t) => this.buttonPress(t),
    (t) => this.reminderRequest(t),
    (t) => this.anywhereCommand(t),
    (t) => this.conversationAnswer(t),
    (t) => this.questionMidConversation(t),
    (t) => this.freeQuestion(t),
  ];

  constructor(private readonly deps: RootDeps) {}

  /** The dialogs a turn's dialog context needs: every guided conversation. */
  get dialogs(): readonly Dialog[] {
    return this.deps.conversations;
  }

  /** One turn, given the turn's dialog context (a dialog set of `dialogs`). */
  async route(dc: DialogContext): Promise<void> {
    const unwrapped = withoutLegacyRoot(dc.stack);
    if (unwrapped !== dc.stack) dc.stack.splice(0, dc.stack.length, ...unwrapped);
    await this.upgradeEarlierSave(dc);
    const id = dc.activeDialog?.id;
    const turn: Turn = { dc, press: pressOf(dc.context.activity), text: typedText(dc.context.activity), current: this.deps.conversations.find((d) => d.id === id) };
    if (turn.current?.conversation !== 'enrol') keepPlace(dc.context, await this.keptPlace(dc.context));
    for (const route of this.routes) if (await route(turn)) return;
  }

  /**
   * A conversation saved by an earlier version of the bot, whose steps this version names
   * differently: picked up quietly at the card it showed (so a press on that card still works), or
   * dropped when its state no longer reads (the kept walkthrough place, in user state, stays).
   */
  private async upgradeEarlierSave(dc: DialogContext): Promise<void> {
    const saved = dc.activeDialog;
    const conversation = this.deps.conversations.find((d) => d.id === saved?.id);
    const resume = saved === undefined || conversation === undefined ? undefined : conversation.earlierSave(saved);
    if (resume === undefined) return;
    dc.stack.splice(0, dc.stack.length);
    if (resume !== null && conversation !== undefined) await dc.beginDialog(conversation.id, resume);
  }

  /** A walkthrough left part-way (past its first step): every card shown elsewhere offers Continue. */
  private async keptPlace(context: TurnContext): Promise<KeptPlace | undefined> {
    const saved = await this.deps.progress.get(context);
    return saved === undefined || saved.step <= 1 ? undefined : { step: Math.min(saved.step, ENROL_TOTAL), total: ENROL_TOTAL };
  }

  // 1. A code or password typed by mistake goes no further: warned, advised, and the step shown again.
  private async secretGuard(turn: Turn): Promise<boolean> {
    const found = turn.text === '' ? null : detectSharedSecret(turn.text);
    if (found === null) return false;
    const inner = turn.dc.child;
    if (turn.current !== undefined && inner !== undefined) {
      if (found.kind === 'code' && turn.current.acceptsCode(inner)) return false;
      if (turn.current.scrubsSecrets(inner)) return false;
    }
    const { context } = turn.dc;
    this.deps.log?.info({ event: 'secret_guard', kind: found.kind, channelId: context.activity.channelId }, 'message held back: looked like a secret');
    context.activity.text = '';
    const lines = [SECRET_WARNING[found.kind], ...(found.kind === 'password' ? [SECRET_WARNING.changePassword] : []), SECRET_WARNING.advice];
    await say(context, lines.join('\n\n'));
    if (turn.current !== undefined) await turn.dc.repromptDialog();
    return true;
  }

  // 2. A button: open a conversation, the menu, a recognised question, or the active conversation's answer.
  private async buttonPress(turn: Turn): Promise<boolean> {
    if (turn.press === undefined) return false;
    const { dc, current } = turn;
    const action = parseAction(turn.press);
    if (action === undefined) {
      await say(dc.context, 'Sorry, that button didn\'t work.');
      if (current !== undefined) await dc.repromptDialog();
      else await sendMenu(dc.context, this.deps.progress);
      return true;
    }
    switch (action.action) {
      case 'menu':
        await dc.cancelAllDialogs();
        await sendMenu(dc.context, this.deps.progress, undefined, this.offersReminder(turn));
        return true;
      case 'reminder':
        await this.reminder(turn, action.choice);
        return true;
      case 'open':
        await this.open(turn, action.problem === undefined ? { conversation: action.conversation } : { conversation: 'trouble', problem: action.problem });
        return true;
      case 'flow':
        if (current !== undefined) return this.finish(turn, await dc.continueDialog());
        await say(dc.context, REPLIES.staleButton);
        await sendMenu(dc.context, this.deps.progress);
        return true;
      case 'intent': {
        if (this.deps.understander === undefined) {
          await sendMenu(dc.context, this.deps.progress);
          return true;
        }
        const understanding = await this.deps.understander.answer(dc.context, action.intent, current !== undefined);
        if (understanding.kind === 'start') await this.open(turn, understanding.target);
        else if (understanding.kind === 'answered' && current !== undefined) await this.backToStep(turn);
        else if (understanding.kind === 'none') await this.notKnown(turn);
        return true;
      }
    }
  }

  // 2b. "Remind me tomorrow", "remind me next week", "stop reminders" typed.
  private async reminderRequest(turn: Turn): Promise<boolean> {
    const choice = turn.text === '' ? undefined : reminderWords(turn.text);
    if (choice === undefined) return false;
    await this.reminder(turn, choice);
    return true;
  }

  /** A reminder asked for mid-walkthrough pauses it (its place is kept); elsewhere the current card stays. */
  private async reminder(turn: Turn, choice: ReminderChoice): Promise<void> {
    const { dc, current } = turn;
    if (this.deps.reminders === undefined) return say(dc.context, REMINDERS.unavailable);
    const pauses = current?.conversation === 'enrol' && (choice === 'tomorrow' || choice === 'nextWeek');
    if (pauses) await dc.cancelAllDialogs();
    await this.deps.reminders.handle(dc.context, choice);
    if (current !== undefined && !pauses) await dc.repromptDialog();
  }

  /** Leaving the walkthrough for the menu: the menu offers a reminder too. */
  private offersReminder(turn: Turn): boolean {
    return turn.current?.conversation === 'enrol' && this.deps.reminders?.pausedCard(turn.dc.context) !== undefined;
  }

  // 3. Words that work anywhere: cancel, menu, help (and hello), continue.
  private async anywhereCommand(turn: Turn): Promise<boolean> {
    const command = globalCommand(turn.text);
    if (command === undefined) return false;
    const { dc, current } = turn;
    switch (command) {
      case 'cancel':
        if (current === undefined) {
          await sendMenu(dc.context, this.deps.progress, 'There\'s nothing to stop just now. What would you like to do?');
        } else {
          await dc.cancelAllDialogs();
          const paused = current.conversation === 'enrol' ? this.deps.reminders?.pausedCard(dc.context) : undefined;
          if (paused !== undefined) await sendCard(dc.context, paused);
          else await say(dc.context, CANCELLED[current.conversation] ?? REPLIES.cancelled);
        }
        return true;
      case 'menu':
        await dc.cancelAllDialogs();
        await sendMenu(dc.context, this.deps.progress, undefined, this.offersReminder(turn));
        return true;
      case 'help':
      case 'greeting':
        if (current === undefined) await sendMenu(dc.context, this.deps.progress);
        else await say(dc.context, `${command === 'greeting' ? 'Hello again! ' : ''}${HELP[current.conversation]} ${HELP_SUFFIX}`);
        return true;
      case 'continue':
        if (current !== undefined) await dc.repromptDialog();
        else if ((await this.deps.progress.get(dc.context)) !== undefined) await this.open(turn, { conversation: 'enrol' });
        else await sendMenu(dc.context, this.deps.progress, REPLIES.nothingToContinue);
        return true;
    }
  }

  // 4. The active conversation reads what was typed: a button's title, or an answer it expects (a code, the feedback text).
  private async conversationAnswer(turn: Turn): Promise<boolean> {
    if (turn.current === undefined) return false;
    return this.finish(turn, await turn.dc.continueDialog());
  }

  // 5. What the conversation could not read: a question answered (then the step shown again), or a short re-prompt.
  private async questionMidConversation(turn: Turn): Promise<boolean> {
    const unread = turn.unread;
    if (unread === undefined) return false;
    const { dc } = turn;
    if (isThanks(unread.text)) {
      // Thanked mid-way: said back, and the conversation carries on where it was.
      await say(dc.context, REPLIES.welcomeMidConversation);
      await dc.beginDialog(unread.dialogId, unread.resume);
      return true;
    }
    const understanding = unread.text === '' || this.deps.understander === undefined ? { kind: 'none' as const } : await this.deps.understander.understand(dc.context, unread.text, true);
    switch (understanding.kind) {
      case 'answered':
        await this.backToStep(turn);
        return true;
      case 'start':
        await this.open(turn, understanding.target);
        return true;
      case 'none':
        await say(dc.context, `${REPLIES.notUnderstood} ${unread.hint} ${HELP_SUFFIX}`);
        await dc.beginDialog(unread.dialogId, unread.resume);
        return true;
    }
  }

  // 6. A free question (or a menu button's title typed) with no conversation running.
  private async freeQuestion(turn: Turn): Promise<boolean> {
    const { dc, text } = turn;
    const button = buttonsOf(menuCard()).find((b) => b.kind === 'submit' && normaliseChoice(b.title) === normaliseChoice(text));
    if (button?.kind === 'submit') return this.buttonPress({ ...turn, press: button.data });
    const closing = closingWords(text);
    if (closing !== undefined) {
      await say(dc.context, CLOSING_REPLIES[closing]);
      return true;
    }
    const understanding = text === '' || this.deps.understander === undefined ? { kind: 'none' as const } : await this.deps.understander.understand(dc.context, text, false);
    if (understanding.kind === 'start') await this.open(turn, understanding.target);
    else if (understanding.kind === 'none') await this.notKnown(turn, understanding.suggestions);
    return true;
  }

  /** After a question answered mid-conversation: the step the user was on, shown again. */
  private async backToStep(turn: Turn): Promise<void> {
    await say(turn.dc.context, 'Now, back to where we were:');
    if (turn.unread !== undefined) await turn.dc.beginDialog(turn.unread.dialogId, { ...turn.unread.resume, showCard: true });
    else await turn.dc.repromptDialog();
  }

  private async notKnown(turn: Turn, suggestions: readonly InScopeIntentId[] = []): Promise<void> {
    if (this.deps.understander !== undefined) await sendCard(turn.dc.context, notKnownCard(suggestions));
    else await sendMenu(turn.dc.context, this.deps.progress, `${REPLIES.notUnderstood} Here's what I can help with:`);
  }

  private async open(turn: Turn, target: ConversationTarget): Promise<void> {
    const { dc } = turn;
    await dc.cancelAllDialogs();
    if (target.conversation === 'menu') return sendMenu(dc.context, this.deps.progress);
    const privately = PRIVATE_ONLY[target.conversation];
    if (privately !== undefined && isSharedConversation(dc.context.activity)) return say(dc.context, privately);
    const dialog = this.deps.conversations.find((d) => d.conversation === target.conversation);
    if (dialog === undefined) return sendMenu(dc.context, this.deps.progress, REPLIES.comingSoon);
    if (dialog.conversation === 'enrol') keepPlace(dc.context, undefined);
    await this.finish(turn, await dc.beginDialog(dialog.id, startOptions(target)));
  }

  /**
   * What a conversation handed back when it ended: the menu, another conversation, or text it
   * could not read (kept on the turn for the next route). True when the turn is answered.
   */
  private async finish(turn: Turn, result: DialogTurnResult): Promise<boolean> {
    if (result.status !== DialogTurnStatus.complete || !isConversationResult(result.result)) return true;
    const ended = result.result;
    switch (ended.kind) {
      case 'menu':
        await sendMenu(turn.dc.context, this.deps.progress);
        return true;
      case 'switch':
        if (this.deps.conversations.find((d) => d.id === ended.dialogId)?.conversation === 'enrol') keepPlace(turn.dc.context, undefined);
        return this.finish(turn, await turn.dc.beginDialog(ended.dialogId, ended.options));
      case 'notUnderstood':
        if (turn.current === undefined) return true;
        turn.unread = { ...ended, dialogId: turn.current.id };
        return false;
    }
  }
}
