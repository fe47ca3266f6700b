import {
  StatusCodes,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogContext, type DialogState, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import type { Logger } from '../log.js';

export interface MfaBotDeps {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly rootDialog: Dialog;
  /** Given the dialog context: is the active conversation waiting for a practice code? */
  readonly expectsCode: (dc: DialogContext) => boolean;
  /** Given the dialog context: does the active conversation scrub secrets from typed text itself? */
  readonly scrubsSecrets: (dc: DialogContext) => boolean;
  /** Sends the welcome card. */
  readonly welcome: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
}

const GROUP_TYPES = new Set(['channel', 'groupChat']);

/** Where botbuilder-dialogs keeps, for one turn, the memory scopes it builds for every turn. */
const DIALOG_STATE_CONFIGURATION = 'DialogStateManagerConfiguration';

function isDialogStateConfiguration(value: unknown): value is DialogStateManagerConfiguration {
  return typeof value === 'object' && value !== null && 'memoryScopes' in value && Array.isArray(value.memoryScopes) && 'pathResolvers' in value && Array.isArray(value.pathResolvers);
}

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
  /**
   * botbuilder-dialogs builds its memory scopes and path resolvers afresh on every turn (a service
   * container, validated with zod: a tenth of a turn's CPU). They hold no state, so the set built
   * on the first turn is handed to every later one.
   */
  private dialogStateConfiguration: DialogStateManagerConfiguration | undefined;

  constructor(private readonly deps: MfaBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.welcomed = deps.conversationState.createProperty<boolean>('welcomed');

    this.onMessage(async (context, next) => {
      const { activity } = context;
      const pressed = activity.value !== undefined && activity.value !== null;
      if (isGroup(activity) && !pressed && !mentionsBot(activity)) return next();
      if (typeof activity.text === 'string') {
        if (typeof activity.recipient?.id === 'string') TurnContext.removeRecipientMention(activity);
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
    if (this.dialogStateConfiguration !== undefined) context.turnState.set(DIALOG_STATE_CONFIGURATION, this.dialogStateConfiguration);
    const dialogs = new DialogSet(this.dialogState);
    dialogs.add(this.deps.rootDialog);
    return dialogs.createContext(context);
  }

  /** For the secret guard: is this conversation waiting for a practice code right now? */
  async expectsCode(context: TurnContext): Promise<boolean> {
    return this.deps.expectsCode(await this.dialogContext(context));
  }

  /** For the secret guard: does the active conversation scrub secrets itself right now? */
  async scrubsSecrets(context: TurnContext): Promise<boolean> {
    return this.deps.scrubsSecrets(await this.dialogContext(context));
  }

  private async runDialog(context: TurnContext): Promise<void> {
    const dc = await this.dialogContext(context);
    if (this.dialogStateConfiguration === undefined) {
      const built: unknown = context.turnState.get(DIALOG_STATE_CONFIGURATION);
      if (isDialogStateConfiguration(built)) this.dialogStateConfiguration = built;
    }
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.deps.rootDialog.id);
  }

  /**
   * This bot handles no invokes itself (its cards use Action.Submit). The SDK's own invoke handlers
   * read `value` without checking it, so a malformed invoke (e.g. a search or card action whose
   * value is a string) throws a TypeError; that is the caller's mistake, answered 400, not a turn error.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    try {
      return await super.onInvokeActivity(context);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      this.deps.logger.info({ event: 'invoke_rejected', name: context.activity.name }, 'malformed invoke');
      return { status: StatusCodes.BAD_REQUEST };
    }
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }
}
