import type { TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { parseAction } from '../cards/actions.js';
import { notKnownCard } from '../cards/answer.js';
import type { InScopeIntentId } from '../nlu/intents.js';
import { buttonsOf, normaliseChoice } from '../cards/choices.js';
import { menuCard } from '../cards/menu.js';
import type { ConversationId, ConversationTarget } from '../content/conversations.js';
import { CANCELLED, HELP, HELP_SUFFIX, REPLIES } from '../content/ui.js';
import { globalCommand } from './commands.js';
import { notUnderstood } from './guided.js';
import { sendMenu } from './menu.js';
import type { EnrolProgressStore } from './progress.js';
import { say, sendCard } from './send.js';

export const ROOT_DIALOG = 'mfa-root';

/** A guided conversation the root can start. */
export interface ConversationDialog extends Dialog {
  readonly conversation: ConversationId;
  /** Whether the conversation, in this state, is waiting for a (practice) verification code. */
  acceptsCodeIn(instance: DialogInstance): boolean;
  /** Whether the conversation, in this state, scrubs secrets from what is typed itself. */
  scrubsSecretsIn(instance: DialogInstance): boolean;
}

export type Understanding =
  | { readonly kind: 'answered' }
  | { readonly kind: 'start'; readonly target: ConversationTarget }
  | { readonly kind: 'none' };

/** Free-text understanding (intent matching); absent, free text gets a short re-prompt. */
export interface Understander {
  understand(context: TurnContext, text: string, midConversation: boolean): Promise<Understanding>;
  /** Answers a question already recognised (a "Did you mean…?" or follow-up button). */
  answer(context: TurnContext, intent: InScopeIntentId, midConversation: boolean): Promise<Understanding>;
}

export interface RootDeps {
  readonly progress: EnrolProgressStore;
  readonly conversations: readonly ConversationDialog[];
  readonly understander?: Understander;
}

/** A team channel or group chat, where everything typed is seen by everyone. */
function isSharedConversation(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat';
}

function startOptions(target: ConversationTarget): object | undefined {
  return target.conversation === 'trouble' && target.problem !== undefined ? { problem: target.problem } : undefined;
}

/**
 * The conversation's root. It stays active for the life of the conversation: it starts guided
 * conversations, handles what works anywhere (cancel, menu, help, continue, buttons that open a
 * conversation), and lets the active conversation read everything else.
 */
export class RootDialog extends ComponentDialog {
  constructor(private readonly deps: RootDeps) {
    super(ROOT_DIALOG);
    for (const d of deps.conversations) this.addDialog(d);
  }

  protected override async onBeginDialog(inner: DialogContext): Promise<DialogTurnResult> {
    await this.handle(inner);
    return Dialog.EndOfTurn;
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    await this.handle(inner);
    return Dialog.EndOfTurn;
  }

  /** Given the context of the set holding this root: is the active conversation waiting for a code? */
  expectsCode(outer: DialogContext): boolean {
    const inner = outer.child;
    const instance = inner?.activeDialog;
    if (instance === undefined) return false;
    return this.deps.conversations.find((d) => d.id === instance.id)?.acceptsCodeIn(instance) ?? false;
  }

  /** Given the context of the set holding this root: does the active conversation scrub secrets itself? */
  scrubsSecrets(outer: DialogContext): boolean {
    const instance = outer.child?.activeDialog;
    if (instance === undefined) return false;
    return this.deps.conversations.find((d) => d.id === instance.id)?.scrubsSecretsIn(instance) ?? false;
  }

  private active(inner: DialogContext): ConversationDialog | undefined {
    const id = inner.activeDialog?.id;
    return this.deps.conversations.find((d) => d.id === id);
  }

  private async handle(inner: DialogContext): Promise<void> {
    const { activity } = inner.context;
    if (activity.value !== undefined && activity.value !== null) return this.handlePress(inner, activity.value);
    const text = typeof activity.text === 'string' ? activity.text.trim() : '';
    const command = globalCommand(text);
    if (command !== undefined) return this.handleCommand(inner, command);
    const current = this.active(inner);
    if (current !== undefined) {
      await inner.continueDialog();
      const missed = notUnderstood(inner.context);
      if (missed !== undefined) await this.answerFreeText(inner, missed.text, missed.hint);
      return;
    }
    const button = buttonsOf(menuCard()).find((b) => b.kind === 'submit' && normaliseChoice(b.title) === normaliseChoice(text));
    if (button?.kind === 'submit') return this.handlePress(inner, button.data);
    return this.answerFreeText(inner, text, undefined);
  }

  private async handlePress(inner: DialogContext, value: unknown): Promise<void> {
    const action = parseAction(value);
    const current = this.active(inner);
    if (action === undefined) {
      await say(inner.context, 'Sorry, that button didn\'t work.');
      if (current !== undefined) await inner.repromptDialog();
      else await sendMenu(inner.context, this.deps.progress);
      return;
    }
    switch (action.action) {
      case 'menu':
        await inner.cancelAllDialogs();
        return sendMenu(inner.context, this.deps.progress);
      case 'open':
        return this.open(inner, action.problem === undefined ? { conversation: action.conversation } : { conversation: 'trouble', problem: action.problem });
      case 'flow':
        if (current !== undefined) {
          await inner.continueDialog();
          return;
        }
        await say(inner.context, REPLIES.staleButton);
        return sendMenu(inner.context, this.deps.progress);
      case 'intent': {
        if (this.deps.understander === undefined) return sendMenu(inner.context, this.deps.progress);
        const mid = current !== undefined;
        return this.followUnderstanding(inner, await this.deps.understander.answer(inner.context, action.intent, mid), mid ? '' : undefined);
      }
    }
  }

  private async handleCommand(inner: DialogContext, command: NonNullable<ReturnType<typeof globalCommand>>): Promise<void> {
    const current = this.active(inner);
    switch (command) {
      case 'cancel':
        if (current === undefined) return sendMenu(inner.context, this.deps.progress, 'There\'s nothing to stop just now. What would you like to do?');
        await inner.cancelAllDialogs();
        return say(inner.context, CANCELLED[current.conversation] ?? REPLIES.cancelled);
      case 'menu':
        await inner.cancelAllDialogs();
        return sendMenu(inner.context, this.deps.progress);
      case 'help':
      case 'greeting':
        if (current === undefined) return sendMenu(inner.context, this.deps.progress);
        return say(inner.context, `${command === 'greeting' ? 'Hello again! ' : ''}${HELP[current.conversation]} ${HELP_SUFFIX}`);
      case 'continue':
        if (current !== undefined) return inner.repromptDialog();
        if ((await this.deps.progress.get(inner.context)) !== undefined) return this.open(inner, { conversation: 'enrol' });
        return sendMenu(inner.context, this.deps.progress, REPLIES.nothingToContinue);
    }
  }

  private async open(inner: DialogContext, target: ConversationTarget): Promise<void> {
    await inner.cancelAllDialogs();
    if (target.conversation === 'menu') return sendMenu(inner.context, this.deps.progress);
    if (target.conversation === 'practice' && isSharedConversation(inner.context)) {
      return say(inner.context, REPLIES.practiceInPrivate);
    }
    const dialog = this.deps.conversations.find((d) => d.conversation === target.conversation);
    if (dialog === undefined) return sendMenu(inner.context, this.deps.progress, REPLIES.comingSoon);
    await inner.beginDialog(dialog.id, startOptions(target));
  }

  /** Free text that is not an answer: a question to answer, a conversation to start, or a re-prompt. */
  private async answerFreeText(inner: DialogContext, text: string, hint: string | undefined): Promise<void> {
    const mid = hint !== undefined;
    const understanding = text === '' || this.deps.understander === undefined ? { kind: 'none' as const } : await this.deps.understander.understand(inner.context, text, mid);
    return this.followUnderstanding(inner, understanding, hint);
  }

  private async followUnderstanding(inner: DialogContext, understanding: Understanding, hint: string | undefined): Promise<void> {
    const mid = hint !== undefined;
    switch (understanding.kind) {
      case 'answered':
        if (mid) {
          await say(inner.context, 'Now, back to where we were:');
          await inner.repromptDialog();
        }
        return;
      case 'start':
        return this.open(inner, understanding.target);
      case 'none':
        if (mid) return say(inner.context, `${REPLIES.notUnderstood} ${hint} ${HELP_SUFFIX}`);
        if (this.deps.understander !== undefined) return sendCard(inner.context, notKnownCard());
        return sendMenu(inner.context, this.deps.progress, `${REPLIES.notUnderstood} Here's what I can help with:`);
    }
  }
}
