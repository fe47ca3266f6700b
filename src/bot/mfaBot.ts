import {
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type ConversationState,
  type StatePropertyAccessor,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import type { Logger } from '../log.js';

export interface MfaBotDeps {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly rootDialog: Dialog;
  /** Given the dialog context: is the active conversation waiting for a practice code? */
  readonly expectsCode: (dc: DialogContext) => boolean;
  /** Sends the welcome card. */
  readonly welcome: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
}

const GROUP_TYPES = new Set(['channel', 'groupChat']);

function isGroup(activity: Activity): boolean {
  return GROUP_TYPES.has(activity.conversation?.conversationType ?? '');
}

/** True when the bot is @mentioned in the activity. */
function mentionsBot(activity: Activity): boolean {
  const botId = activity.recipient?.id;
  return TurnContext.getMentions(activity).some((m) => m.mentioned?.id === botId);
}

/**
 * The Teams activity handler. It holds no per-user data: everything lives in conversation and user
 * state, saved at the end of every turn.
 */
export class MfaBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly welcomed: StatePropertyAccessor<boolean>;

  constructor(private readonly deps: MfaBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.welcomed = deps.conversationState.createProperty<boolean>('welcomed');

    this.onMessage(async (context, next) => {
      const { activity } = context;
      const pressed = activity.value !== undefined && activity.value !== null;
      if (isGroup(activity) && !pressed && !mentionsBot(activity)) return next();
      if (typeof activity.text === 'string') {
        TurnContext.removeRecipientMention(activity);
        activity.text = activity.text.trim();
      }
      await this.runDialog(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      // In a personal chat greet the person; in a team or group chat greet once, when the bot joins.
      const greet = isGroup(context.activity) ? added.some((m) => m.id === botId) : added.some((m) => m.id !== botId);
      if (greet && (await this.welcomed.get(context, false)) !== true) {
        await this.welcomed.set(context, true);
        await deps.welcome(context);
      }
      await next();
    });
  }

  private dialogContext(context: TurnContext): Promise<DialogContext> {
    const dialogs = new DialogSet(this.dialogState);
    dialogs.add(this.deps.rootDialog);
    return dialogs.createContext(context);
  }

  /** For the secret guard: is this conversation waiting for a practice code right now? */
  async expectsCode(context: TurnContext): Promise<boolean> {
    return this.deps.expectsCode(await this.dialogContext(context));
  }

  private async runDialog(context: TurnContext): Promise<void> {
    const dc = await this.dialogContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.deps.rootDialog.id);
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }
}
