/**
 * The values a template needs at send time, computed from its definition's type:
 * a body `"Hi {{name}}, order {{order_id}}"` needs `{ body: { name, order_id } }`,
 * a URL button with `{{1}}` needs its suffix, a media header its media… A
 * missing value is a compile error; `params()` checks the same at run time.
 */
import type { MediaInput } from "../client/media/types.ts";
import type {
  TemplateComponentParams,
  TemplateCurrencyParam,
  TemplateDateTimeParam,
  TemplateMpmButtonParams,
} from "../client/send/template-params.ts";
import type { Placeholders, TextValues } from "./placeholders.ts";

// ── Value shapes ──────────────────────────────────────────────────────────────

/** A header variable's value. */
export type TemplateHeaderTextValue = string | number;

/** A body variable's value: text (numbers as text), a localized currency or date. */
export type TemplateBodyValue =
  | string
  | number
  | Omit<TemplateCurrencyParam, "parameterName">
  | Omit<TemplateDateTimeParam, "parameterName">;

/** The media of a media header: a media id, a link, bytes… (uploaded at send time), or with options. */
export type TemplateMediaValue = MediaInput | { readonly media: MediaInput; readonly mimeType?: string };

/** A document header also takes the file name shown to the user. */
export type TemplateDocumentValue = MediaInput | { readonly media: MediaInput; readonly mimeType?: string; readonly filename?: string };

export interface TemplateLocationValue {
  readonly latitude: number;
  readonly longitude: number;
  readonly name?: string;
  readonly address?: string;
}

export interface TemplateProductValue {
  readonly catalogId: string;
  readonly productRetailerId: string;
}

export interface TemplateFlowValue {
  /** Echoed back in the flow's requests and completion. */
  readonly flowToken?: string;
  /** The first screen's data. */
  readonly flowActionData?: Record<string, unknown>;
}

/** The multi-product button's products (camelCase mirror of the API's action). */
export type TemplateMpmValue = TemplateMpmButtonParams["parameters"][number]["action"];

export interface TemplateLimitedTimeOfferValue {
  /** When the offer ends: a Date or milliseconds since the epoch. */
  readonly expirationTime: Date | number;
}

// ── From a definition's type to the values it needs ──────────────────────────

/** A value that must be given (`R`), may be given (`O`), or has none (`N`). */
interface R<V> { readonly need: "required"; readonly value: V }
interface O<V> { readonly need: "optional"; readonly value: V }
type N = { readonly need: "none" };
type Need = R<unknown> | O<unknown> | N;

type ValueOf<X> = X extends R<infer V> ? V : X extends O<infer V> ? V : never;

/**
 * One key of the values. A union of needs means "it depends" (a loosely typed
 * definition, an optional slot): the key is then optional.
 */
type Slot<K extends string, X extends Need> = [X] extends [N]
  ? unknown
  : [X] extends [R<unknown>]
    ? { readonly [P in K]: ValueOf<X> }
    : { readonly [P in K]?: ValueOf<X> };

/** The stronger of two needs (required wins). */
type Strongest<A extends Need, B extends Need> = [A] extends [R<unknown>] ? A : [B] extends [R<unknown>] ? B : A | B;

type TextNeed<S, V> = S extends string ? ([TextValues<S, V>] extends [never] ? N : R<TextValues<S, V>>) : N;

type HeaderNeed<H> = H extends string
  ? TextNeed<H, TemplateHeaderTextValue>
  : H extends { readonly format: "text"; readonly text: infer S }
    ? TextNeed<S, TemplateHeaderTextValue>
    : H extends { readonly format: "document" }
      ? R<TemplateDocumentValue>
      : H extends { readonly format: "image" | "video" | "gif" }
        ? R<TemplateMediaValue>
        : H extends { readonly format: "image" | "video" | "gif" | "document" }
          ? R<TemplateDocumentValue>
          : H extends { readonly format: "location" }
          ? R<TemplateLocationValue>
          : H extends { readonly format: "product" }
            ? R<TemplateProductValue>
            : N;

type BodyNeed<B> = B extends string
  ? TextNeed<B, TemplateBodyValue>
  : B extends { readonly type: "body"; readonly text: infer S }
    ? TextNeed<S, TemplateBodyValue>
    : N;

type UrlHasVariable<U> = U extends string ? (string extends U ? boolean : [Placeholders<U>] extends [never] ? false : true) : false;

type ButtonNeed<Btn> = Btn extends { readonly type: "url"; readonly url: infer U }
  ? UrlHasVariable<U> extends true
    ? R<string>
    : UrlHasVariable<U> extends false
      ? N
      : O<string>
  : Btn extends { readonly type: "copy_code" }
    ? R<string>
    : Btn extends { readonly type: "mpm" }
      ? R<TemplateMpmValue>
      : Btn extends { readonly type: "quick_reply" }
        ? O<string>
        : Btn extends { readonly type: "catalog" }
          ? O<string>
          : Btn extends { readonly type: "flow" }
            ? O<TemplateFlowValue>
            : N;

type ButtonKeys<B extends readonly unknown[], Wanted> = {
  [K in keyof B]-?: K extends `${number}` ? (ButtonNeed<B[K]> extends Wanted ? K : never) : never;
}[number];

/** Button values keyed by the button's index: `{ 1: "order/42" }`. */
type ButtonsValue<B extends readonly unknown[]> = {
  readonly [K in ButtonKeys<B, R<unknown>>]: ButtonNeed<B[K]> extends R<infer V> ? V : never;
} & {
  readonly [K in ButtonKeys<B, O<unknown>>]?: ButtonNeed<B[K]> extends O<infer V> ? V : never;
};

type ButtonsNeed<B> = B extends readonly unknown[]
  ? number extends B["length"]
    ? O<Readonly<Record<number, string | TemplateFlowValue | TemplateMpmValue>>>
    : [ButtonKeys<B, R<unknown>>] extends [never]
      ? [ButtonKeys<B, O<unknown>>] extends [never]
        ? N
        : O<ButtonsValue<B>>
      : R<ButtonsValue<B>>
  : N;

type OtpFromBody<B> = B extends { readonly type: "authentication_body" } ? R<string> : N;

type OtpFromButtons<B> = B extends readonly (infer E)[]
  ? [Extract<E, { readonly type: "otp" }>] extends [never]
    ? N
    : number extends B["length"]
      ? O<string>
      : R<string>
  : N;

/** Authentication templates take the code once; it fills the body and the OTP button. */
type OtpNeed<T> = Strongest<OtpFromBody<Field<T, "body">>, OtpFromButtons<Field<T, "buttons">>>;

type LtoNeed<L> = L extends { readonly hasExpiration?: infer E }
  ? [NonNullable<E>] extends [never]
    ? N
    : [NonNullable<E>] extends [true]
      ? R<TemplateLimitedTimeOfferValue>
      : O<TemplateLimitedTimeOfferValue>
  : N;

/** `T[K]`, with `undefined` when the key is optional or absent (an optional slot makes its values optional). */
type Field<T, K extends string> = K extends keyof T ? ({} extends Pick<T, K> ? T[K] | undefined : T[K]) : undefined;

/** What one carousel card needs: its header media, body variables, button values. */
export type CardValues<C> = Simplify<
  Slot<"header", HeaderNeed<Field<C, "header">>> &
    Slot<"body", BodyNeed<Field<C, "body">>> &
    Slot<"buttons", ButtonsNeed<Field<C, "buttons">>>
>;

type CarouselNeed<C> = C extends readonly unknown[]
  ? number extends C["length"]
    ? R<readonly Readonly<Record<string, unknown>>[]>
    : R<{ readonly [K in keyof C]: CardValues<C[K]> }>
  : N;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The values `definition.params(values)` takes for a template of type `T`. Keys
 * are present only when the template has something to fill: `header`,
 * `limitedTimeOffer`, `body`, `otp` (authentication templates: the code, for the
 * body and the button), `buttons` (by button index), `carousel` (one entry per
 * card). `extra` appends components as given (e.g. a tap target configuration).
 */
export type TemplateValues<T> = Simplify<
  Slot<"header", HeaderNeed<Field<T, "header">>> &
    Slot<"limitedTimeOffer", LtoNeed<Field<T, "limitedTimeOffer">>> &
    Slot<"body", BodyNeed<Field<T, "body">>> &
    Slot<"otp", OtpNeed<T>> &
    Slot<"buttons", ButtonsNeed<Field<T, "buttons">>> &
    Slot<"carousel", CarouselNeed<Field<T, "carousel">>> & {
      readonly extra?: readonly TemplateComponentParams[];
    }
>;

/** `params()`'s arguments: the values may be left out when nothing is required. */
export type TemplateValuesArgs<T> = {} extends TemplateValues<T> ? [values?: TemplateValues<T>] : [values: TemplateValues<T>];
