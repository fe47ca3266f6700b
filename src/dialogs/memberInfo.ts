import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { FeedbackContact } from '../feedback/index.js';

/**
 * Who the user is, as the channel knows them: their display name and email address. Only Teams
 * knows; elsewhere (Web Chat, the terminal, the Emulator) there is nobody to ask.
 */
export type MemberInfo = (context: TurnContext) => Promise<FeedbackContact | undefined>;

/** Whether this channel can tell the bot the user's name and email (Teams only). */
export function canLookUpMember(context: TurnContext): boolean {
  return context.activity.channelId === 'msteams';
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** A contact worth keeping: a name and something that looks like an email address. */
export function usableContact(name: unknown, email: unknown): FeedbackContact | undefined {
  if (typeof email !== 'string' || !EMAIL.test(email.trim())) return undefined;
  const shown = typeof name === 'string' && name.trim() !== '' ? name.trim() : email.trim();
  return { name: shown, email: email.trim() };
}

/**
 * The default: Teams member info for the sender (`TeamsInfo.getMember`, which asks the Teams
 * connector for this conversation's member). Undefined outside Teams, when Teams has no email for
 * the user, or when the call fails (it never throws; nothing about the user is logged).
 */
export const teamsMemberInfo: MemberInfo = async (context) => {
  const userId = context.activity.from?.id;
  if (!canLookUpMember(context) || typeof userId !== 'string' || userId === '') return undefined;
  try {
    const member = await TeamsInfo.getMember(context, userId);
    return usableContact(member.name, member.email);
  } catch {
    return undefined;
  }
};
