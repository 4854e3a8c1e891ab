import type { TextExample } from "../placeholders.ts";

/** The body: up to 1024 characters, variables `{{1}}`… or `{{name}}`…. */
export interface TemplateBodyText<S extends string = string> {
  readonly type: "body";
  readonly text: S;
  /** Sample values for review: required when the text has variables. */
  readonly example?: TextExample<S>;
}

/** An authentication template's fixed body ("<code> is your verification code."). */
export interface TemplateAuthenticationBody {
  readonly type: "authentication_body";
  /** Adds "For your security, do not share this code." */
  readonly addSecurityRecommendation?: boolean;
}

export interface TemplateFooterText {
  readonly type: "footer";
  /** 60 characters at most, no variables. */
  readonly text: string;
}

/** An authentication template's footer: the code's expiry warning. */
export interface TemplateAuthenticationFooter {
  readonly type: "authentication_footer";
  /** 1 to 90. Without it there is no warning and the button expires after 10 minutes. */
  readonly codeExpirationMinutes?: number;
}

/** pywa's `BodyText`: `bodyText("Hi {{name}}", { name: "Dana" })` or `bodyText("Hi {{1}}", ["Dana"])`. */
export function bodyText<const S extends string>(text: S, example?: TextExample<S>): TemplateBodyText<S> {
  return example === undefined ? { type: "body", text } : { type: "body", text, example };
}

/** pywa's `AuthenticationBody`. */
export function authenticationBody(options: { addSecurityRecommendation?: boolean } = {}): TemplateAuthenticationBody {
  return { type: "authentication_body", ...options };
}

/** pywa's `FooterText`. */
export function footerText(text: string): TemplateFooterText {
  return { type: "footer", text };
}

/** pywa's `AuthenticationFooter`. */
export function authenticationFooter(options: { codeExpirationMinutes?: number } = {}): TemplateAuthenticationFooter {
  return { type: "authentication_footer", ...options };
}
