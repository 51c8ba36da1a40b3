// How a failure is told to the user: Azure's own message and code, then what to do next. Pure (no
// vscode), so the wording is unit-tested; commands, the command table and the tree use it.

export interface AzureErrorLike {
  message?: string;
  code?: string;
  statusCode?: number;
  requestId?: string;
}

export type FailureKind = 'throttled' | 'signIn' | 'forbidden' | 'network' | 'server' | 'conflict' | 'invalid' | 'notFound' | 'cancelled' | 'other';

const NETWORK_CODES = /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|REQUEST_SEND_ERROR|ECONNABORTED)$/;

export function failureKind(error: unknown): FailureKind {
  const e = (error ?? {}) as AzureErrorLike;
  const code = e.code ?? '';
  const status = e.statusCode ?? 0;
  if (code === 'Cancelled') return 'cancelled';
  if (status === 429 || /TooManyRequests|Throttl/i.test(code)) return 'throttled';
  if (status === 401 || /^(InvalidAuthenticationToken|ExpiredAuthenticationToken|AuthenticationFailed|CredentialUnavailableError|AuthenticationRequired)/.test(code)) return 'signIn';
  if (status === 403 || /^Authorization/i.test(code)) return 'forbidden';
  if (NETWORK_CODES.test(code) || (!status && /socket hang up|ECONNRESET|ECONNREFUSED|network/i.test(e.message ?? ''))) return 'network';
  if (status === 404 || /NotFound$/i.test(code)) return 'notFound';
  if (status === 409 || /Conflict|NotUnique|AlreadyExists|Exists$/i.test(code)) return 'conflict';
  if (status >= 500) return 'server';
  if (status === 400 || /Invalid|BadRequest|Required/i.test(code)) return 'invalid';
  return 'other';
}

/** Transient: the same request may well work again in a moment. */
export function isTransient(error: unknown): boolean {
  const kind = failureKind(error);
  return kind === 'throttled' || kind === 'network' || kind === 'server';
}

const NEXT_STEP: Record<FailureKind, string> = {
  throttled: 'Azure is throttling requests for this subscription: wait a minute, then try again.',
  signIn: 'Your sign-in has expired or was refused: sign in again, then try again.',
  forbidden: 'Ask an owner of the subscription or resource for access (for example the Reader or Contributor role), then try again.',
  network: 'Azure could not be reached (the connection failed): check your network, then try again.',
  server: 'Azure had a problem: wait a minute, then try again.',
  conflict: 'Choose another name (or the other values Azure names above), then try again.',
  invalid: 'Correct the value Azure names, then try again.',
  notFound: 'It may have been deleted or moved: refresh the view.',
  cancelled: '',
  other: 'Try again, or look in the output channel "Azure Compute Gallery" for details.',
};

// Codes whose next step is more specific than their kind's.
const CODE_NEXT_STEP: Record<string, string> = {
  CannotDeleteResource: 'Delete what it contains first, or run Delete again and choose to delete everything in it.',
  RoleAssignmentExists: 'Nothing needs to change: the access is already there.',
  PrincipalNotFound: 'Check that the person, group or application is in this tenant; one created a moment ago can take a minute to appear.',
  RoleAssignmentUpdateNotPermitted: 'Remove the existing role assignment first (Manage Access…), then grant the role again.',
  OperationNotAllowed: 'Wait for the operation Azure names to finish, or change what blocks it, then try again.',
};

export function nextStep(error: unknown, fallback?: string): string {
  const specific = CODE_NEXT_STEP[(error as AzureErrorLike | undefined)?.code ?? ''];
  if (specific) return specific;
  const kind = failureKind(error);
  return kind === 'other' && fallback !== undefined ? fallback : NEXT_STEP[kind];
}

function asSentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** "Could not <what>: <Azure's message> (code <Code>). <What to do next>" */
export function failureMessage(what: string, error: unknown, fallback?: string, next?: string): string {
  const e = (error ?? {}) as AzureErrorLike;
  const kind = failureKind(error);
  const message = kind === 'throttled' ? 'Azure is throttling requests' : (e.message ?? String(error));
  const code = e.code && e.code !== 'Unknown' ? ` (code ${e.code})` : '';
  return `Could not ${what}: ${asSentence(message)}${code} ${next ?? nextStep(error, fallback)}`.trim();
}

/** A short line for a tree row standing in for what could not load. */
export function failureLabel(what: string, error: unknown): string {
  const e = (error ?? {}) as AzureErrorLike;
  switch (failureKind(error)) {
    case 'throttled':
      return `Azure is throttling requests: ${what} not loaded yet`;
    case 'signIn':
      return `Sign in again to load ${what}`;
    case 'forbidden':
      return `No access to ${what}: ${e.message ?? ''}`.trim();
    case 'network':
      return `Could not reach Azure to load ${what}`;
    default:
      return `Could not load ${what}: ${e.message ?? String(error)}`;
  }
}

/** "azureComputeGallery.copyImageReference" → "copy image reference", for messages. */
export function commandWords(commandId: string): string {
  return commandId.replace(/^azureComputeGallery\./, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// One failure path: a command throws a CommandFailure (or any error); the command table alone
// logs it, words it here and shows it with the actions it offers, and runs the action chosen.

/** An action of the failure's own, beside Retry / Sign In and Retry / Edit and Try Again. */
export interface CustomAction {
  label: string;
  run: () => unknown;
}

export interface FailureDetails {
  /**
   * With a cause: what was being done, in the words that follow "Could not" (`create gallery "g"`).
   * Without one (problems found before anything was sent): the command's title ("Create Gallery").
   */
  context: string;
  /** Azure's error, whose message and code reach the user as Azure wrote them. */
  cause?: unknown;
  /** What is wrong with the answers given, each saying what to type instead; nothing was sent. */
  problems?: readonly string[];
  /** What was or was not done: "Nothing was created.", "Azure has no gallery "g": nothing was created." */
  outcome?: string;
  /** The next step when the cause's kind has no better one. */
  fallback?: string;
  /** The next step instead of the kind's (Microsoft Graph's 403 is not about an ARM role). */
  next?: string;
  /**
   * The options object that repeats what was asked (a create's answers): Retry runs the command
   * with it (no prompts), Edit and Try Again with `{ ...answers, edit: true }`.
   */
  answers?: object;
  /** Offers "Edit and Try Again" (needs `answers`). */
  edit?: boolean;
  /** false: never "Retry", even for a transient cause (a create whose outcome could not be checked). */
  retry?: boolean;
  actions?: readonly CustomAction[];
  /** 'warning' for a refusal that is a choice, not a fault (the user must do something else first). */
  severity?: 'error' | 'warning';
  /** What the command still answers its caller (a delete's report of what it did). */
  result?: unknown;
}

export class CommandFailure extends Error {
  constructor(readonly details: FailureDetails) {
    super(failureText(details));
    this.name = 'CommandFailure';
  }
}

/** Problems found in the answers before anything was sent: "<Title>: <problems> Nothing was created." */
export function inputFailure(title: string, problems: readonly string[], outcome: string, more: Partial<FailureDetails> = {}): CommandFailure {
  return new CommandFailure({ context: title, problems, outcome, ...more });
}

/** Azure refused or failed: "Could not <what>: <Azure's message> (code X) <next step> <outcome>". */
export function azureFailure(what: string, cause: unknown, more: Partial<FailureDetails> = {}): CommandFailure {
  return new CommandFailure({ context: what, cause, ...more });
}

/** The whole message the user reads. */
export function failureText(f: FailureDetails): string {
  const head = f.cause === undefined ? [`${f.context}:`, ...(f.problems ?? [])].join(' ') : failureMessage(f.context, f.cause, f.fallback, f.next);
  return [head, f.outcome].filter((part) => part !== undefined && part !== '').join(' ');
}

export const RETRY = 'Retry';
export const SIGN_IN_AND_RETRY = 'Sign In and Retry';
export const EDIT_AND_TRY_AGAIN = 'Edit and Try Again';

/** The buttons a failure offers, in order: Sign In and Retry or Retry, Edit and Try Again, its own. */
export function failureActions(f: FailureDetails): string[] {
  const out: string[] = [];
  const kind = f.cause === undefined ? undefined : failureKind(f.cause);
  if (kind === 'signIn') out.push(SIGN_IN_AND_RETRY);
  else if (f.retry !== false && f.cause !== undefined && isTransient(f.cause)) out.push(RETRY);
  if (f.edit && f.answers) out.push(EDIT_AND_TRY_AGAIN);
  for (const a of f.actions ?? []) out.push(a.label);
  return out;
}

/** Any error as a failure: a CommandFailure as it is, anything else as the command's own failure. */
export function asCommandFailure(error: unknown, commandId: string): FailureDetails {
  return error instanceof CommandFailure ? error.details : { context: commandWords(commandId), cause: error };
}

/** The line the output channel gets: the text, and the cause's code and request id. */
export function failureLogLine(commandId: string, f: FailureDetails): string {
  const e = (f.cause ?? {}) as AzureErrorLike;
  return `${commandId}: ${failureText(f)}${e.code ? ` [${e.code}]` : ''}${e.requestId ? ` request ${e.requestId}` : ''}`;
}

/** Runs `work`; a failure becomes a CommandFailure saying what was being done ("Could not <what>: …"). */
export async function attempt<T>(what: string, work: () => Promise<T>, more: Partial<FailureDetails> = {}): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof CommandFailure ? error : azureFailure(what, error, more);
  }
}
