import {
  ActivityTypes,
  INVOKE_RESPONSE_KEY,
  NullTelemetryClient,
  StatusCodes,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type BotState,
  type InvokeResponse,
  type StatePropertyAccessor,
} from 'botbuilder';
import { DialogSet, type Dialog, type DialogContext, type DialogState, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { isSharedConversation } from '../dialogs/press.js';
import { sendInvokeResponse } from '../dialogs/send.js';
import type { FeedbackLogger } from '../feedback/index.js';

export interface MfaBotDeps {
  /** State shared by everyone in the conversation (whether the bot has said hello). */
  readonly conversationState: BotState;
  /** State of one person in one conversation: where they are in a conversation with the bot. */
  readonly personalState: BotState;
  /** Every state of a turn (these two and the user's progress), saved together at its end. */
  readonly states: { saveAll(context: TurnContext): Promise<void> };
  /** The route list every message and press goes through, and the dialogs it runs. */
  readonly root: { readonly dialogs: readonly Dialog[]; route(dc: DialogContext): Promise<void> };
  /** Sends the welcome card. */
  readonly welcome: (context: TurnContext) => Promise<void>;
  readonly logger: FeedbackLogger;
}

/** A Universal Action answered with a short message instead of a card (Teams shows it briefly). */
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';
const PRESS_TAKEN = 'Done.';

/** Where botbuilder-dialogs keeps, for one turn, the memory scopes it builds for every turn. */
const DIALOG_STATE_CONFIGURATION = 'DialogStateManagerConfiguration';

function isDialogStateConfiguration(value: unknown): value is DialogStateManagerConfiguration {
  return typeof value === 'object' && value !== null && 'memoryScopes' in value && Array.isArray(value.memoryScopes) && 'pathResolvers' in value && Array.isArray(value.pathResolvers);
}

/** True when the bot is @mentioned in the activity. */
function mentionsBot(activity: Activity): boolean {
  const botId = activity.recipient?.id;
  return TurnContext.getMentions(activity).some((m) => m.mentioned?.id === botId);
}

/**
 * The Teams activity handler: the one place that turns an incoming activity into a turn of the
 * root's route list (which decides everything else), on a dialog context of the guided conversations. It holds no per-user data: dialog state
 * is kept per person (so two colleagues in one group chat each have their own place), saved at
 * the end of every turn.
 */
export class MfaBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  /** Every guided conversation: built once (a dialog set holds no per-turn state). */
  private readonly dialogs: DialogSet;
  private readonly welcomed: StatePropertyAccessor<boolean>;
  /**
   * SDK internal, kept because a benchmark shows it pays (bench/dialogContext.ts, "Dialog context"
   * in bench/RESULTS.md: about 25 µs a turn, 8% of a turn's CPU in-process, re-measured after the
   * turn was cut to about 300 µs, December 2026). botbuilder-dialogs builds its memory scopes
   * and path resolvers afresh on every turn (a service container, validated with zod). They hold
   * no state, so the set built on the first turn is handed to every later one through the
   * turn-state key the SDK reads. If the key ever changes the bot is only slower, never wrong.
   */
  private dialogStateConfiguration: DialogStateManagerConfiguration | undefined;

  constructor(private readonly deps: MfaBotDeps) {
    super();
    this.dialogState = deps.personalState.createProperty<DialogState>('dialogState');
    this.welcomed = deps.conversationState.createProperty<boolean>('welcomed');
    this.dialogs = new DialogSet(this.dialogState);
    // As a ComponentDialog gives its own dialog set: events nobody handles are traced to nowhere.
    this.dialogs.telemetryClient = new NullTelemetryClient();
    for (const dialog of deps.root.dialogs) this.dialogs.add(dialog);

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      // In a personal chat greet the person; in a team or group chat greet once, when the bot joins.
      const greet = isSharedConversation(context.activity) ? added.some((m) => m.id === botId) : added.some((m) => m.id !== botId);
      if (greet && (await this.welcomed.get(context, false)) !== true) {
        await this.welcomed.set(context, true);
        await deps.welcome(context);
      }
      await next();
    });
  }

  /** A message (typed, or an Action.Submit press): in a shared chat, only when the bot is @mentioned or a card is pressed. */
  private async onMessageTurn(context: TurnContext): Promise<void> {
    const { activity } = context;
    const pressed = activity.value !== undefined && activity.value !== null;
    if (isSharedConversation(activity) && !pressed && !mentionsBot(activity)) return;
    if (typeof activity.text === 'string') {
      if (typeof activity.recipient?.id === 'string') TurnContext.removeRecipientMention(activity);
      activity.text = activity.text.trim();
    }
    await this.runDialog(context);
  }

  private async runDialog(context: TurnContext): Promise<void> {
    if (this.dialogStateConfiguration !== undefined) context.turnState.set(DIALOG_STATE_CONFIGURATION, this.dialogStateConfiguration);
    const dc = await this.dialogs.createContext(context);
    if (this.dialogStateConfiguration === undefined) {
      const built: unknown = context.turnState.get(DIALOG_STATE_CONFIGURATION);
      if (isDialogStateConfiguration(built)) this.dialogStateConfiguration = built;
    }
    await this.deps.root.route(dc);
  }

  /**
   * A Universal Action (Action.Execute) press: the same turn as an Action.Submit press. The next
   * card of the conversation goes back in the invoke's response (sent by `showCard`); when the
   * turn has no card (e.g. "Cancel" only says something, as a message), Teams gets a short
   * message response and keeps the card as it was.
   */
  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    await this.runDialog(context);
    const response = { statusCode: StatusCodes.OK, type: MESSAGE_RESPONSE, value: PRESS_TAKEN };
    if (context.turnState.get(INVOKE_RESPONSE_KEY) === undefined) await sendInvokeResponse(context, response);
    // Not sent: the response above (or the card) already answered the invoke.
    return { statusCode: StatusCodes.OK, type: MESSAGE_RESPONSE, value: { verb: value.action.verb } };
  }

  /**
   * The SDK's own invoke handlers read `value` without checking it, so a malformed invoke (e.g. a
   * search or card action whose value is a string) throws a TypeError; that is the caller's
   * mistake, answered 400, not a turn error.
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

  /**
   * A message goes straight to its turn; every other activity through the SDK's handler chain
   * (members added, invokes). The chain would run three event stages ("Turn", "Message",
   * "Dialog") for a message with one handler in all: its own code was about 7% of a turn's CPU in
   * a profile of bench/dialogContext.ts, and with the root no longer a dialog (src/dialogs/root.ts)
   * a turn costs about a quarter less (bench/RESULTS.md, "Dialog context").
   */
  override async run(context: TurnContext): Promise<void> {
    if (context.activity.type === ActivityTypes.Message) await this.onMessageTurn(context);
    else await super.run(context);
    await this.deps.states.saveAll(context);
  }
}
