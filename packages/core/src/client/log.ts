import { redactKnown } from "../graph/errors/redact.ts";

/** Where edgewa writes what it has to say. `console` fits; so does pino or a Workers logger. */
export interface Logger {
  debug(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** A logger that hides secrets, and learns new ones (a rotated token). */
export interface RedactingLogger extends Logger {
  /** From now on, `secret` never reaches the logger either. */
  hide(secret: string | undefined): void;
}

/**
 * Wraps a logger so that no secret (access token, app secret, verify token) reaches
 * it, even inside a message or stack trace a user's handler produced.
 */
export function redactingLogger(base: Logger, secrets: readonly (string | undefined)[]): RedactingLogger {
  const hidden: string[] = [];
  const hide = (secret: string | undefined) => {
    if (typeof secret === "string" && !hidden.includes(secret)) hidden.push(secret);
  };
  secrets.forEach(hide);
  const clean = (arg: unknown): unknown => {
    if (hidden.length === 0) return arg;
    if (typeof arg === "string") return redactKnown(arg, hidden);
    if (arg instanceof Error) return redactKnown(describeError(arg), hidden);
    return arg;
  };
  return {
    debug: (...args) => base.debug(...args.map(clean)),
    warn: (...args) => base.warn(...args.map(clean)),
    error: (...args) => base.error(...args.map(clean)),
    hide,
  };
}


/** An error as one string: its stack when it has one (which starts with the message), with causes. */
function describeError(error: Error): string {
  let text = error.stack ?? `${error.name}: ${error.message}`;
  if (error.cause !== undefined) {
    text += `\nCaused by: ${error.cause instanceof Error ? describeError(error.cause) : String(error.cause)}`;
  }
  return text;
}
