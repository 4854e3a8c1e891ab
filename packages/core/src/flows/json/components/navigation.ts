// Moving on: Footer, EmbeddedLink, NavigationList (6.2) and its NavigationItem.
import type { CompleteAction, DataExchangeAction, NavigateAction, OpenUrlAction, UpdateDataAction } from "../actions.ts";
import { child, type SerializeContext } from "../context.ts";
import type { MediaSize } from "../enums.ts";
import { FlowJSONError } from "../errors.ts";
import type { Ref } from "../expressions.ts";
import { FlowNode, isPlainObject, serializeProps, serializeValue } from "../serialize.ts";
import type { Bool, Dyn, Str, Visible } from "../types.ts";
import { Component } from "./base.ts";

export interface FooterProps {
  /** Up to 35 characters. */
  label: Str;
  onClickAction: CompleteAction | DataExchangeAction | NavigateAction;
  /** Up to 15 characters; with `rightCaption`, not with `centerCaption`. */
  leftCaption?: Str;
  /** Up to 15 characters; alone. */
  centerCaption?: Str;
  rightCaption?: Str;
  enabled?: Bool;
}

/** The screen's button (one per screen; required on terminal screens). */
export class Footer extends Component<FooterProps> {
  constructor(props: FooterProps) {
    super({ type: "Footer" }, props);
  }

  protected override check(ctx: SerializeContext): void {
    const { leftCaption, centerCaption, rightCaption } = this.props;
    if (centerCaption !== undefined && (leftCaption !== undefined || rightCaption !== undefined)) {
      throw new FlowJSONError("Footer: centerCaption cannot be combined with leftCaption or rightCaption", ctx.path);
    }
  }
}

export interface EmbeddedLinkProps {
  /** Up to 25 characters. */
  text: Str;
  /** open_url and update_data need Flow JSON 6.0. */
  onClickAction: DataExchangeAction | UpdateDataAction | NavigateAction | OpenUrlAction;
  visible?: Visible;
}

/** A link in the screen's text (up to 2 per screen). */
export class EmbeddedLink extends Component<EmbeddedLinkProps> {
  constructor(props: EmbeddedLinkProps) {
    super({ type: "EmbeddedLink" }, props);
  }
}

export interface NavigationItemMainContent {
  /** Up to 30 characters. */
  title: string;
  /** Up to 20 characters. */
  description?: string;
  /** Up to 80 characters. */
  metadata?: string;
}

export interface NavigationItemStart {
  /** Base64 image, up to 100 KB. */
  image: string;
}

export interface NavigationItemEnd {
  /** Up to 10 characters each. */
  title?: string;
  description?: string;
  metadata?: string;
}

export interface NavigationItemInit {
  id: string;
  mainContent: NavigationItemMainContent;
  start?: NavigationItemStart;
  /** Not with `mediaSize: "large"`. */
  end?: NavigationItemEnd;
  /** Up to 15 characters; one item per list at most. */
  badge?: string;
  /** Up to 3, of up to 15 characters. */
  tags?: readonly string[];
  /** Here or on the NavigationList, not both. */
  onClickAction?: NavigateAction | DataExchangeAction;
}

/** One entry of a NavigationList (also valid in a FlowResponse's data). */
export class NavigationItem extends FlowNode {
  readonly props: Readonly<NavigationItemInit>;

  constructor(init: NavigationItemInit) {
    super();
    this.props = { ...init };
  }

  serialize(ctx: SerializeContext): Record<string, unknown> {
    // The nested parts are typed objects too: their keys are Meta's as well.
    return serializeProps(this.props as unknown as Record<string, unknown>, ctx, (_key, value, c) =>
      isPlainObject(value)
        ? serializeProps(value as Record<string, unknown>, c)
        : serializeValue(value, c),
    );
  }
}

export interface NavigationListProps {
  name: string;
  /** 1 to 20 items. */
  listItems: readonly (NavigationItem | NavigationItemInit)[] | Ref<readonly unknown[]>;
  /** Up to 80 characters. */
  label?: Str;
  /** Up to 300 characters. */
  description?: Str;
  mediaSize?: Dyn<MediaSize>;
  /** For every item; or give each item its own. */
  onClickAction?: NavigateAction | DataExchangeAction;
}

/** A list of rich items to navigate from (Flow JSON 6.2; alone on its screen, not on a terminal screen). */
export class NavigationList extends Component<NavigationListProps> {
  constructor(props: NavigationListProps) {
    super({ type: "NavigationList", since: "6.2" }, props);
  }

  get name(): string {
    return this.props.name;
  }

  protected override check(ctx: SerializeContext): void {
    const items = this.props.listItems;
    if (!Array.isArray(items)) return;
    const inits = (items as readonly (NavigationItem | NavigationItemInit)[]).map((i) => (i instanceof NavigationItem ? i.props : i));
    const at = child(ctx, "listItems");
    const withAction = inits.filter((i) => i.onClickAction !== undefined).length;
    if (this.props.onClickAction !== undefined && withAction > 0) {
      throw new FlowJSONError("NavigationList: set onClickAction on the list or on its items, not both", at.path);
    }
    if (this.props.onClickAction === undefined && withAction < inits.length) {
      throw new FlowJSONError("NavigationList: every item needs an onClickAction when the list has none", at.path);
    }
    if (inits.filter((i) => i.badge !== undefined).length > 1) {
      throw new FlowJSONError("NavigationList: only one item may have a badge", at.path);
    }
    if (this.props.mediaSize === "large" && inits.some((i) => i.end !== undefined)) {
      throw new FlowJSONError('NavigationList: items cannot have an `end` with mediaSize "large"', at.path);
    }
  }

  protected override serializeProp(key: string, value: unknown, ctx: SerializeContext): unknown {
    if (key === "listItems" && Array.isArray(value)) {
      return serializeValue(value.map((i) => (i instanceof NavigationItem ? i : new NavigationItem(i as NavigationItemInit))), ctx);
    }
    return serializeValue(value, ctx);
  }
}
