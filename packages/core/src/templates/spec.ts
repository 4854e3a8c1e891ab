import type { TemplateCategory } from "../updates/templates.ts";
import type { TemplateButton } from "./components/buttons.ts";
import type { TemplateCarouselCard, TemplateLimitedTimeOffer } from "./components/extras.ts";
import type { TemplateHeader, TemplateTextHeader } from "./components/header.ts";
import type {
  TemplateAuthenticationBody,
  TemplateAuthenticationFooter,
  TemplateBodyText,
  TemplateFooterText,
} from "./components/text.ts";
import type { DegreesOfFreedomSpec, ParameterFormat, TemplateLanguage } from "./types.ts";

/**
 * A template's components, one slot each (the API's `components` array, which
 * holds at most one of each kind). A string in `header`, `body` or `footer` is
 * a text without examples: enough to send the template, not to create it when
 * it has variables.
 */
export interface TemplateComponentsSpec {
  readonly header?: TemplateHeader | string;
  readonly limitedTimeOffer?: TemplateLimitedTimeOffer;
  readonly body?: TemplateBodyText | TemplateAuthenticationBody | string;
  readonly footer?: TemplateFooterText | TemplateAuthenticationFooter | string;
  readonly buttons?: readonly TemplateButton[];
  /** The call permission request component: the user can allow the business to call. */
  readonly callPermissionRequest?: boolean;
  /** Media or product cards (2 to 10), after the body. */
  readonly carousel?: readonly TemplateCarouselCard[];
}

/** Everything a template is: pywa's `Template`, components in named slots. */
export interface TemplateSpec extends TemplateComponentsSpec {
  /** Lowercase letters, digits and underscores; 512 characters at most. */
  readonly name: string;
  readonly language: TemplateLanguage;
  /** Required to create the template; not needed to send it. */
  readonly category?: TemplateCategory;
  /** Default: `NAMED` when the header or body uses `{{name}}` variables, else the API's default (positional). */
  readonly parameterFormat?: ParameterFormat;
  /** How long WhatsApp keeps trying to deliver a message of this template. */
  readonly messageSendTtlSeconds?: number;
  readonly subCategory?: string;
  readonly ctaUrlLinkTrackingOptedOut?: boolean;
  readonly degreesOfFreedomSpec?: DegreesOfFreedomSpec;
}

/** The components with the string shorthands expanded: what serializers and params builders read. */
export interface TemplateComponents {
  readonly header?: TemplateHeader;
  readonly limitedTimeOffer?: TemplateLimitedTimeOffer;
  readonly body?: TemplateBodyText | TemplateAuthenticationBody;
  readonly footer?: TemplateFooterText | TemplateAuthenticationFooter;
  readonly buttons?: readonly TemplateButton[];
  readonly callPermissionRequest?: boolean;
  readonly carousel?: readonly NormalizedCard[];
  /** Components read from the API that this model does not know, untouched. */
  readonly unknown?: readonly Record<string, unknown>[];
}

export interface NormalizedCard {
  readonly type: "card";
  readonly header: TemplateCarouselCard["header"];
  readonly body?: TemplateBodyText;
  readonly buttons?: readonly TemplateButton[];
}

export function normalizeComponents(spec: TemplateComponentsSpec | TemplateComponents): TemplateComponents {
  const header: TemplateHeader | undefined =
    typeof spec.header === "string" ? ({ type: "header", format: "text", text: spec.header } satisfies TemplateTextHeader) : spec.header;
  const body = typeof spec.body === "string" ? ({ type: "body", text: spec.body } satisfies TemplateBodyText) : spec.body;
  const footer = typeof spec.footer === "string" ? ({ type: "footer", text: spec.footer } satisfies TemplateFooterText) : spec.footer;
  const carousel = spec.carousel?.map(
    (card): NormalizedCard => ({
      type: "card",
      header: card.header,
      ...(card.body !== undefined ? { body: typeof card.body === "string" ? { type: "body", text: card.body } : card.body } : {}),
      ...(card.buttons !== undefined ? { buttons: card.buttons } : {}),
    }),
  );
  return {
    ...(header ? { header } : {}),
    ...(spec.limitedTimeOffer ? { limitedTimeOffer: spec.limitedTimeOffer } : {}),
    ...(body ? { body } : {}),
    ...(footer ? { footer } : {}),
    ...(spec.buttons ? { buttons: spec.buttons } : {}),
    ...(spec.callPermissionRequest ? { callPermissionRequest: true } : {}),
    ...(carousel ? { carousel } : {}),
    ...("unknown" in spec && spec.unknown ? { unknown: spec.unknown } : {}),
  };
}
