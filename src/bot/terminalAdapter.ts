import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';

/** An in-process adapter: the bot's replies go to a callback instead of a channel. */
export class TerminalAdapter extends BotAdapter {
  private next = 0;

  constructor(private readonly deliver: (activity: Partial<Activity>, updated: boolean) => void) {
    super();
  }

  override async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    return activities.map((a) => {
      const id = `reply-${++this.next}`;
      if (a.type !== 'typing' && a.type !== 'delay') this.deliver({ ...a, id }, false);
      return { id };
    });
  }

  override async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    this.deliver(activity, true);
  }

  override async deleteActivity(): Promise<void> {}

  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continue' }, reference, true);
    await this.processTurn(activity, logic);
  }

  async processTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }
}
