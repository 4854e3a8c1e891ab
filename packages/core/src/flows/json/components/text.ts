// Text components: TextHeading, TextSubheading, TextBody, TextCaption, RichText.
import { requireVersion, type SerializeContext } from "../context.ts";
import type { FontWeight } from "../enums.ts";
import { serializeValue } from "../serialize.ts";
import type { Ref } from "../expressions.ts";
import type { Bool, Dyn, Text, Visible } from "../types.ts";
import { Component } from "./base.ts";

export interface TextHeadingProps {
  /** Up to 80 characters. */
  text: Text;
  visible?: Visible;
}

/** A heading. */
export class TextHeading extends Component<TextHeadingProps> {
  constructor(props: TextHeadingProps) {
    super({ type: "TextHeading" }, props);
  }
}

/** A subheading. */
export class TextSubheading extends Component<TextHeadingProps> {
  constructor(props: TextHeadingProps) {
    super({ type: "TextSubheading" }, props);
  }
}

export interface TextBodyProps {
  /** A list of strings (lines) needs Flow JSON 5.1. */
  text: Text | readonly Text[] | Ref<string | readonly string[]>;
  /** Markdown (bold, italic, links, lists): Flow JSON 5.1. */
  markdown?: boolean;
  fontWeight?: Dyn<FontWeight>;
  strikethrough?: Bool;
  visible?: Visible;
}

const TEXT_SINCE = { markdown: "5.1" };

function serializeText(type: string, key: string, value: unknown, ctx: SerializeContext): unknown {
  if (key === "text" && Array.isArray(value)) requireVersion(ctx, "5.1", `${type} with a list of strings`);
  return serializeValue(value, ctx);
}

/** Body text. */
export class TextBody extends Component<TextBodyProps> {
  constructor(props: TextBodyProps) {
    super({ type: "TextBody", props: TEXT_SINCE }, props);
  }

  protected override serializeProp(key: string, value: unknown, ctx: SerializeContext): unknown {
    return serializeText(this.type, key, value, ctx);
  }
}

/** Small text. */
export class TextCaption extends Component<TextBodyProps> {
  constructor(props: TextBodyProps) {
    super({ type: "TextCaption", props: TEXT_SINCE }, props);
  }

  protected override serializeProp(key: string, value: unknown, ctx: SerializeContext): unknown {
    return serializeText(this.type, key, value, ctx);
  }
}

export interface RichTextProps {
  /** Markdown, as one string or a list of lines. */
  text: Text | readonly Text[] | Ref<string | readonly string[]>;
  visible?: Visible;
}

/** Long formatted text: headings, lists, tables, inline images (Flow JSON 5.1). */
export class RichText extends Component<RichTextProps> {
  constructor(props: RichTextProps) {
    super({ type: "RichText", since: "5.1" }, props);
  }
}
