/**
 * Operator commands for the feedback outbox, run beside (or without) the bot:
 *   npm run feedback -- status [--json]
 *   npm run feedback -- digest [--since 7d] [--post]
 *   npm run feedback -- retry-dead
 * Reads the same environment as the bot (DATA_DIR, or STORAGE=azure and AZURE_*; FEEDBACK_WEBHOOK_*).
 * Safe while the bot runs: the store is shared and deliveries are leased, so nothing is sent twice at once.
 */
import { pathToFileURL } from 'node:url';
import { loadConfig, type Config } from '../config.js';
import { openReminderStore, reminderStatusJson, reminderStatusLines, reminderStoreSettings, type ReminderSummary } from '../reminders/index.js';
import { ConfigError } from '../configError.js';
import type { FeedbackConfig } from './config.js';
import { defaultRandomBytes } from './ids.js';
import { feedbackStoreSettings, openFeedbackStore } from './openStore.js';
import { systemClock } from './time.js';
import { funnelSource, openFunnelStore } from '../funnel/index.js';
import { renderDigestText } from './digest.js';
import { FeedbackService } from './service.js';
import { formatDuration, parseDuration } from './time.js';

const USAGE = `Usage: npm run feedback -- <command>

  status [--since 7d] [--json] pending and dead-lettered counts, the oldest pending age, dead letters, and
                               how many of the messages queued in the period (default the last 7 days) were delivered;
                               then the pending reminders ("Remind me tomorrow") and when each is due
  digest [--since 7d] [--post] print the digest of the period (default the last 7 days); --post also sends it
  retry-dead                   put dead letters back in the queue and try to send them now
`;

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
}

class UsageError extends Error {}

function option(args: readonly string[], name: string): string | null {
  const index = args.indexOf(name);
  if (index < 0) return null;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value, e.g. ${name} 7d`);
  return value;
}

function checkFlags(args: readonly string[], allowed: readonly string[]): void {
  for (const arg of args) {
    if (arg.startsWith('--') && !allowed.includes(arg)) throw new UsageError(`Unknown option ${arg}`);
  }
}

function webhookLine(config: FeedbackConfig): string {
  if (config.webhook === null) return 'Webhook: not configured (FEEDBACK_WEBHOOK_URL unset): items stay queued until it is set.';
  return `Webhook: ${config.webhook.url.host}, ${config.webhook.format}, ${config.webhook.secret === null ? 'unsigned' : 'signed'}.`;
}

function since(args: readonly string[], now: number): { readonly text: string; readonly ms: number } {
  const text = option(args, '--since') ?? '7d';
  const ms = parseDuration(text);
  if (ms === null) throw new UsageError(`--since must be a duration such as 7d, 12h or 2w (got "${text}")`);
  return { text, ms: now - ms };
}

/** The pending reminders, read beside the outbox (same environment, same storage). */
interface ReminderView {
  readonly location: string;
  readonly list: readonly ReminderSummary[];
  readonly localMode: boolean;
}

async function reminderView(settings: Config, now: number): Promise<ReminderView> {
  const opened = openReminderStore(reminderStoreSettings(settings));
  try {
    return { location: opened.store.location, list: await opened.store.list(now), localMode: settings.localMode };
  } finally {
    opened.close();
  }
}

async function status(service: FeedbackService, config: FeedbackConfig, io: CliIo, args: readonly string[], reminders: ReminderView): Promise<number> {
  const now = io.now();
  const period = since(args, now);
  const s = await service.outbox.status(period.ms);
  const asJson = args.includes('--json');
  if (asJson) {
    io.out(
      `${JSON.stringify({
        pending: s.pending,
        delivered: s.delivered,
        deliveredSince: new Date(s.deliveredSince).toISOString(),
        dead: s.dead,
        oldestPendingAgeMs: s.oldestPendingAt === null ? null : now - s.oldestPendingAt,
        nextAttemptAt: s.nextAttemptAt === null ? null : new Date(s.nextAttemptAt).toISOString(),
        deadLetters: s.deadLetters.map((d) => ({ ...d, deadAt: new Date(d.deadAt).toISOString() })),
        webhookConfigured: config.webhook !== null,
        reminders: reminderStatusJson(reminders.list, reminders.localMode),
      })}\n`,
    );
    return 0;
  }
  const lines = [`Feedback outbox: ${service.location}`];
  let pending = `  pending:   ${s.pending}`;
  if (s.oldestPendingAt !== null) pending += ` (oldest queued ${formatDuration(now - s.oldestPendingAt)} ago`;
  if (s.nextAttemptAt !== null) pending += s.nextAttemptAt <= now ? '; due now)' : `; next attempt in ${formatDuration(s.nextAttemptAt - now)})`;
  lines.push(pending, `  delivered: ${s.delivered} (of those queued in the last ${period.text})`, `  dead:      ${s.dead}`);
  if (s.deadLetters.length > 0) {
    lines.push('', 'Dead letters (npm run feedback -- retry-dead to send them again):');
    for (const d of s.deadLetters) {
      lines.push(`  ${d.reference ?? d.kind.padEnd(7)}  ${d.id}  ${new Date(d.deadAt).toISOString()}  ${d.reason}`);
    }
  }
  lines.push('', webhookLine(config), '', ...reminderStatusLines(reminders.location, reminders.list, now, reminders.localMode));
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

async function digest(service: FeedbackService, config: FeedbackConfig, io: CliIo, args: readonly string[]): Promise<number> {
  const now = io.now();
  const result = await service.collate(since(args, now).ms, now);
  io.out(`${renderDigestText(result)}\n`);
  if (!args.includes('--post')) return 0;
  if (config.webhook === null) {
    io.err('Cannot post: FEEDBACK_WEBHOOK_URL is not set.\n');
    return 1;
  }
  await service.queueDigest(result);
  await service.deliverer.flush({ deadlineMs: 30_000, onlyIds: [result.id] });
  const entry = await service.outbox.get(result.id);
  if (entry?.status === 'delivered') {
    io.out(`\nPosted to the webhook (${result.id}).\n`);
    return 0;
  }
  if (entry?.status === 'dead') {
    io.err(`\nThe webhook refused the digest: ${entry.deadReason ?? 'unknown reason'}\n`);
    return 1;
  }
  io.out(`\nNot delivered yet (${entry?.lastError ?? 'no answer'}); it stays queued and the bot will keep trying.\n`);
  return 0;
}

async function retryDead(service: FeedbackService, config: FeedbackConfig, io: CliIo): Promise<number> {
  const ids = await service.outbox.retryDead();
  io.out(`Re-queued ${ids.length} dead letter${ids.length === 1 ? '' : 's'}.\n`);
  if (ids.length === 0) return 0;
  if (config.webhook === null) {
    io.out('FEEDBACK_WEBHOOK_URL is not set: they stay queued until it is.\n');
    return 0;
  }
  await service.deliverer.flush({ deadlineMs: 15_000, onlyIds: ids });
  const entries = await Promise.all(ids.map((id) => service.outbox.get(id)));
  const delivered = entries.filter((e) => e?.status === 'delivered').length;
  const dead = entries.filter((e) => e?.status === 'dead').length;
  io.out(`Delivered ${delivered}; dead again ${dead}; still queued ${ids.length - delivered - dead}.\n`);
  return 0;
}

/** Runs one command; returns the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  let settings: Config;
  try {
    if (command === undefined || command === 'help' || command === '--help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (!['status', 'digest', 'retry-dead'].includes(command)) throw new UsageError(`Unknown command ${command}`);
    checkFlags(rest, command === 'status' ? ['--since', '--json'] : command === 'digest' ? ['--since', '--post'] : []);
    settings = loadConfig(io.env);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const config = settings.feedback;
  const opened = openFeedbackStore(feedbackStoreSettings(settings), { clock: systemClock, randomBytes: defaultRandomBytes });
  const funnel = openFunnelStore(feedbackStoreSettings(settings));
  try {
    const service = new FeedbackService({ store: opened.store, config, funnel: funnelSource(funnel.store) });
    if (command === 'status') return await status(service, config, io, rest, await reminderView(settings, io.now()));
    if (command === 'digest') return await digest(service, config, io, rest);
    return await retryDead(service, config, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  } finally {
    opened.close();
    funnel.close();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const code = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    now: () => Date.now(),
  });
  process.exitCode = code;
}
