/**
 * Checks that a request body is shaped like a Bot Framework activity before the SDK sees it, so
 * JSON that is not an activity gets a 400 rather than an exception deep inside a turn.
 */
export type ShapeCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optionalString(body: Json, key: string, max = 10_000): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length > max) return `${key} must be a string`;
  return undefined;
}

function account(body: Json, key: string, required: boolean): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return required ? `${key} is required` : undefined;
  if (!isObject(v) || typeof v.id !== 'string' || v.id.length === 0 || v.id.length > 1000) return `${key}.id must be a non-empty string`;
  if (v.name !== undefined && v.name !== null && typeof v.name !== 'string') return `${key}.name must be a string`;
  return undefined;
}

function arrayOf(body: Json, key: string, item: (v: unknown) => boolean): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.length > 100 || !v.every(item)) return `${key} must be an array of objects`;
  return undefined;
}

const hasId = (v: unknown): boolean => isObject(v) && typeof v.id === 'string';

/**
 * Shapes the Bot Framework never sends and that the SDK's handlers would trip over with a TypeError
 * (a turn error, which resets the conversation) instead of rejecting.
 */
function sdkPreconditions(body: Json): (string | undefined)[] {
  const teamsEdit = body.channelId === 'msteams' && (body.type === 'messageUpdate' || body.type === 'messageDelete');
  return [teamsEdit && !isObject(body.channelData) ? `channelData is required for a Teams ${body.type}` : undefined];
}

export function checkActivityShape(body: unknown): ShapeCheck {
  if (!isObject(body)) return { ok: false, reason: 'body must be a JSON object' };
  if (typeof body.type !== 'string' || body.type.length === 0 || body.type.length > 64) return { ok: false, reason: 'type must be a non-empty string' };
  const expectReplies = body.deliveryMode === 'expectReplies';
  const problems = [
    optionalString(body, 'id', 1000),
    optionalString(body, 'channelId', 100),
    typeof body.channelId === 'string' && body.channelId.length > 0 ? undefined : 'channelId is required',
    optionalString(body, 'serviceUrl', 2000),
    expectReplies || typeof body.serviceUrl === 'string' ? undefined : 'serviceUrl is required',
    optionalString(body, 'text'),
    optionalString(body, 'textFormat', 20),
    optionalString(body, 'locale', 50),
    optionalString(body, 'timestamp', 100),
    optionalString(body, 'localTimestamp', 100),
    optionalString(body, 'replyToId', 1000),
    optionalString(body, 'deliveryMode', 50),
    optionalString(body, 'name', 200),
    optionalString(body, 'action', 100),
    account(body, 'from', true),
    account(body, 'recipient', false),
    account(body, 'conversation', true),
    arrayOf(body, 'membersAdded', hasId),
    arrayOf(body, 'membersRemoved', hasId),
    arrayOf(body, 'entities', isObject),
    arrayOf(body, 'attachments', isObject),
    body.channelData === undefined || body.channelData === null || isObject(body.channelData) ? undefined : 'channelData must be an object',
    ...sdkPreconditions(body),
  ].filter((p): p is string => p !== undefined);
  const first = problems[0];
  return first === undefined ? { ok: true } : { ok: false, reason: first };
}
