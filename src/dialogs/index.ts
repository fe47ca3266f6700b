import { randomUUID } from 'node:crypto';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { FeedbackLogger, FeedbackService } from '../feedback/index.js';
import { noFunnel, type Funnel } from '../funnel/events.js';
import { createPracticeEngine } from '../practice/index.js';
import { EnrolmentDialog } from './enrolment.js';
import { FeedbackDialog } from './feedback.js';
import type { ConversationDeps } from './conversation.js';
import { teamsMemberInfo, type MemberInfo } from './memberInfo.js';
import { sendMenu } from './menu.js';
import { MethodsDialog } from './methods.js';
import { PracticeDialog } from './practice.js';
import { EnrolProgressStore } from './progress.js';
import { Reminders, type ReminderDeps } from './reminders.js';
import { RootDialog, type ConversationDialog, type SecretLog, type Understander } from './root.js';
import { TroubleshootingDialog } from './troubleshooting.js';
import { WhyDialog } from './why.js';

export interface ConversationsDeps {
  /** User-state property holding the enrolment walkthrough's progress. */
  readonly enrolProgress: StatePropertyAccessor<unknown>;
  readonly newFlowId?: () => string;
  readonly understander?: Understander;
  /** Current time in epoch milliseconds (the practice's expiry and code checks); defaults to Date.now. */
  readonly clock?: () => number;
  /** Where confirmed feedback goes (the durable outbox); absent, the feedback conversation says where else to send it. */
  readonly feedback?: FeedbackService;
  /** The user's name and email for feedback they agree to be contacted about; defaults to Teams member info. */
  readonly memberInfo?: MemberInfo;
  /** Structured logging of failures (ids and error names only) and of secrets held back (their kind only). */
  readonly logger?: FeedbackLogger & SecretLog;
  /** Where "Remind me tomorrow" requests are kept; absent, no reminder is offered. */
  readonly reminders?: ReminderDeps;
  /** Counts the enrolment funnel for the digest; counts nothing when absent. */
  readonly funnel?: Funnel;
}

export interface Conversations {
  readonly root: RootDialog;
  readonly welcome: (context: TurnContext) => Promise<void>;
  /** A due reminder's proactive turn: the reminder card, unless the walkthrough was finished by now. */
  readonly remind: (context: TurnContext) => Promise<'sent' | 'finished'>;
}

/** Builds every conversation and the root that routes between them. */
export function createConversations(deps: ConversationsDeps): Conversations {
  const funnel = deps.funnel ?? noFunnel;
  const progress = new EnrolProgressStore(deps.enrolProgress, funnel, deps.clock ?? Date.now);
  const reminders = new Reminders(progress, deps.reminders, deps.logger);
  const guided: ConversationDeps = { newFlowId: deps.newFlowId ?? (() => randomUUID().slice(0, 8)), funnel };
  const conversations: ConversationDialog[] = [
    new WhyDialog(guided),
    new EnrolmentDialog(guided, progress, (context) => reminders.pausedCard(context)),
    new MethodsDialog(guided),
    new TroubleshootingDialog(guided),
    new PracticeDialog(guided, createPracticeEngine({ clock: deps.clock ?? Date.now })),
    new FeedbackDialog(guided, {
      memberInfo: deps.memberInfo ?? teamsMemberInfo,
      ...(deps.feedback === undefined ? {} : { service: deps.feedback }),
      ...(deps.logger === undefined ? {} : { logger: deps.logger }),
    }),
  ];
  const root = new RootDialog({
    progress,
    conversations,
    reminders,
    ...(deps.understander === undefined ? {} : { understander: deps.understander }),
    ...(deps.logger === undefined ? {} : { log: deps.logger }),
  });
  return { root, welcome: (context) => sendMenu(context, progress), remind: (context) => reminders.remind(context) };
}
