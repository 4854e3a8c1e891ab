import type { TemplateComponentParams } from "../client/send/template-params.ts";
import { buildParams } from "./params.ts";
import { handlesInModel, inferParameterFormat, serializeTemplate, type HandleOf } from "./serialize.ts";
import { normalizeComponents, type TemplateComponents, type TemplateSpec } from "./spec.ts";
import type { ParameterFormat } from "./types.ts";
import type { TemplateValuesArgs } from "./values.ts";

/** What `sendTemplate` needs besides the recipient: spread it into the options. */
export interface TemplateMessage {
  name: string;
  language: string;
  components: TemplateComponentParams[];
}

/**
 * A template, defined once and used both ways: to create it (`createTemplate`)
 * and to send it with values the compiler checks against its text (`params`,
 * `message`). Made by `defineTemplate`.
 */
export class TemplateDefinition<T extends TemplateSpec = TemplateSpec> {
  readonly spec: T;
  readonly name: string;
  readonly language: string;
  /** The components, string shorthands expanded. */
  readonly components: TemplateComponents;
  /** Sent on creation: the spec's, else `NAMED` when a variable is named (the API's default is positional). */
  readonly parameterFormat: ParameterFormat | undefined;

  constructor(spec: T, components: TemplateComponents = normalizeComponents(spec)) {
    if (!spec.name) throw new TypeError("defineTemplate: name is empty");
    if (!spec.language) throw new TypeError(`defineTemplate("${spec.name}"): language is empty (a code such as "en_US")`);
    this.spec = spec;
    this.name = spec.name;
    this.language = spec.language;
    this.components = components;
    const inferred = inferParameterFormat(components);
    this.parameterFormat = spec.parameterFormat ?? (inferred === "NAMED" ? "NAMED" : undefined);
  }

  /**
   * The `components` of a send: `wa.sendTemplate({ to, name, language, components:
   * order.params({ body: { name: "Dana", order_id: "42" } }) })`. Throws a
   * TypeError listing every missing or unexpected value.
   */
  params(...[values]: TemplateValuesArgs<T>): TemplateComponentParams[] {
    return buildParams(this.name, this.components, values as Readonly<Record<string, unknown>> | undefined);
  }

  /** `{ name, language, components }`: `wa.sendTemplate({ to, ...order.message({ body: {…} }) })`. */
  message(...args: TemplateValuesArgs<T>): TemplateMessage {
    return { name: this.name, language: this.language, components: this.params(...args) };
  }

  /**
   * The creation request's JSON. Media header samples must be file handles by
   * then (createTemplate uploads them; `handleOf` maps each header to its handle).
   */
  toJSON(handleOf?: HandleOf | string): Record<string, unknown> {
    // JSON.stringify(definition) calls toJSON with a key string: then the handles in the model are used.
    return serializeTemplate(this.spec, this.components, this.parameterFormat, typeof handleOf === "function" ? handleOf : handlesInModel);
  }
}

/**
 * Defines a template (pywa's `Template`). Keep the literal texts (`const` is
 * inferred): the body `"Hi {{name}}"` then makes `params()` require
 * `{ body: { name } }`.
 *
 *     const order = defineTemplate({
 *       name: "order_update", language: "en_US", category: "UTILITY",
 *       body: bodyText("Hi {{name}}, order {{order_id}} ships today", { name: "Dana", order_id: "42" }),
 *       buttons: [urlButton("Track", "https://shop.example/t/{{1}}", { example: "https://shop.example/t/42" })],
 *     });
 *     order.params({ body: { name: "Dana", order_id: "42" }, buttons: { 0: "42" } });
 */
/**
 * Any `defineTemplate(…)` result, whatever its spec, as the management calls take
 * it. `TemplateDefinition<TemplateSpec>` would not do: `params` takes exactly the
 * values of its own spec, so a specific definition is not assignable to the general one.
 */
export type AnyTemplateDefinition = Pick<TemplateDefinition, "name" | "language" | "spec" | "components" | "parameterFormat" | "toJSON">;

export function isTemplateDefinition(value: unknown): value is AnyTemplateDefinition {
  return value instanceof TemplateDefinition;
}

export function defineTemplate<const T extends TemplateSpec>(spec: T): TemplateDefinition<T> {
  return new TemplateDefinition(spec);
}
