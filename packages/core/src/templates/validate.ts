/**
 * What can be checked before Meta reviews a template: samples for every
 * variable, one variable style, URL variables at the end, media samples present.
 * All problems are reported together.
 */
import type { TemplateButton } from "./components/buttons.ts";
import type { TemplateHeader } from "./components/header.ts";
import { isPositionalName, orderedValues, placeholdersOf } from "./placeholders.ts";
import type { TemplateComponents } from "./spec.ts";
import { textsOf } from "./serialize.ts";

export function creationProblems(c: TemplateComponents, needsCategory: { category?: string }): string[] {
  const problems: string[] = [];
  if (!needsCategory.category) problems.push("category is required to create a template (AUTHENTICATION, MARKETING or UTILITY)");

  const all = textsOf(c).flatMap(placeholdersOf);
  if (all.some(isPositionalName) && !all.every(isPositionalName)) {
    problems.push("variables mix {{1}} and {{name}} styles: use one style in the header and body");
  }

  if (c.header) headerProblems(c.header, "header", problems);
  if (c.body?.type === "body") textProblems(c.body.text, c.body.example, "body", problems);
  buttonProblems(c.buttons, "buttons", problems);
  c.carousel?.forEach((card, i) => {
    headerProblems(card.header, `carousel[${i}].header`, problems);
    if (card.body) textProblems(card.body.text, card.body.example, `carousel[${i}].body`, problems);
    buttonProblems(card.buttons, `carousel[${i}].buttons`, problems);
  });
  return problems;
}

function headerProblems(h: TemplateHeader, where: string, problems: string[]): void {
  if (h.format === "text") {
    if (placeholdersOf(h.text).length > 1) problems.push(`${where}: a text header has one variable at most`);
    textProblems(h.text, h.example, where, problems);
  } else if (h.format !== "location" && h.format !== "product" && h.example === undefined) {
    problems.push(`${where}: a ${h.format} header needs an example (a sample file)`);
  }
}

function textProblems(text: string, example: unknown, where: string, problems: string[]): void {
  const names = placeholdersOf(text);
  if (names.length === 0) {
    if (example !== undefined) problems.push(`${where}: example given, but the text has no variables`);
    return;
  }
  if (names.every(isPositionalName) && names.some((n, i) => Number(n) !== i + 1)) {
    problems.push(`${where}: positional variables must be {{1}} to {{${names.length}}}, got ${names.map((n) => `{{${n}}}`).join(", ")}`);
  }
  if (example === undefined) {
    problems.push(`${where}: example values are required for ${names.map((n) => `{{${n}}}`).join(", ")}`);
    return;
  }
  const { missing, extra } = orderedValues(names, example as Readonly<Record<string, unknown>> | readonly unknown[]);
  for (const n of missing) problems.push(`${where}: missing example for {{${n}}}`);
  for (const n of extra) problems.push(`${where}: example ${n} matches no variable`);
}

function buttonProblems(buttons: readonly TemplateButton[] | undefined, where: string, problems: string[]): void {
  buttons?.forEach((b, i) => {
    const at = `${where}[${i}]`;
    if (b.type === "url") {
      const variables = b.url.match(/\{\{.*?\}\}/g) ?? [];
      if (variables.length > 1) problems.push(`${at}: a URL has one variable at most, found ${variables.join(", ")}`);
      else if (variables.length === 1 && !b.url.endsWith(variables[0]!)) problems.push(`${at}: the URL variable ${variables[0]} must end the URL`);
      if (variables.length > 0 && !b.example) problems.push(`${at}: a URL with a variable needs an example (a full sample URL)`);
      if (variables.length === 0 && b.example) problems.push(`${at}: example given, but the URL has no variable`);
    } else if (b.type === "copy_code" && !b.example) {
      problems.push(`${at}: a copy code button needs an example code`);
    } else if (b.type === "flow" && [b.flowId, b.flowName, b.flowJson].filter((x) => x !== undefined).length !== 1) {
      problems.push(`${at}: a flow button takes exactly one of flowId, flowName, flowJson`);
    }
  });
}
