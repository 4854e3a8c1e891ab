/**
 * Screen data and data sources: `ScreenData` declares what a screen receives
 * (its JSON-schema-like type is inferred from the example, see screen.ts),
 * `DataSource` is one option of a CheckboxGroup, RadioButtonsGroup, Dropdown or
 * ChipsSelector (also valid in a FlowResponse's data: it serializes by itself).
 */
import { child, requireVersion, type SerializeContext } from "./context.ts";
import { ScreenDataRef, type ScreenLike } from "./expressions.ts";
import { FlowNode, serializeProps } from "./serialize.ts";
import type { Bool, Str } from "./types.ts";
import type { UpdateDataAction } from "./actions.ts";

/**
 * Data a screen gets from the previous screen or from the endpoint:
 * `new ScreenData({ key: "welcome", example: "Hi!" })`. Use `.ref` in the same
 * screen, `.refIn(screen)` elsewhere (4.0), `.update(v)` in an UpdateDataAction (6.0).
 */
export class ScreenData<T = unknown> {
  readonly key: string;
  readonly example: T;

  constructor(init: { key: string; example: T }) {
    this.key = init.key;
    this.example = init.example;
  }

  /** `${data.key}` */
  get ref(): ScreenDataRef<T> {
    return new ScreenDataRef<T>(this.key);
  }

  /** `${screen.S.data.key}`: this data, read from another screen (4.0). */
  refIn(screen: ScreenLike): ScreenDataRef<T> {
    return new ScreenDataRef<T>(this.key, screen);
  }

  /** A new value for this data, for `UpdateDataAction({ payload: [...] })`. */
  update(newValue: T): ScreenDataUpdate<T> {
    return new ScreenDataUpdate({ key: this.key, newValue });
  }
}

/** One entry of an UpdateDataAction's payload: `{ [key]: newValue }`. */
export class ScreenDataUpdate<T = unknown> {
  readonly key: string;
  readonly newValue: T;

  constructor(init: { key: string; newValue: T }) {
    this.key = init.key;
    this.newValue = init.newValue;
  }
}

export interface DataSourceInit {
  id: Str;
  title: Str;
  description?: Str;
  metadata?: Str;
  enabled?: Bool;
  /** Base64 image (Flow JSON 5.0). */
  image?: Str;
  /** Flow JSON 5.0. */
  altText?: Str;
  /** 6-digit hex color (Flow JSON 5.0). */
  color?: Str;
  /** Flow JSON 6.0. */
  onSelectAction?: UpdateDataAction;
  /** Flow JSON 6.0. */
  onUnselectAction?: UpdateDataAction;
}

const DATA_SOURCE_SINCE: Readonly<Record<string, string>> = {
  image: "5.0",
  altText: "5.0",
  color: "5.0",
  onSelectAction: "6.0",
  onUnselectAction: "6.0",
};

/** An option: `{ id, title, … }` with Meta's keys (`alt-text`, `on-select-action`). */
export class DataSource extends FlowNode {
  readonly props: Readonly<DataSourceInit>;

  constructor(init: DataSourceInit) {
    super();
    this.props = { ...init };
  }

  serialize(ctx: SerializeContext): Record<string, unknown> {
    for (const [key, since] of Object.entries(DATA_SOURCE_SINCE)) {
      if ((this.props as unknown as Record<string, unknown>)[key] !== undefined) {
        requireVersion(child(ctx, key), since, `DataSource.${key}`);
      }
    }
    return serializeProps(this.props as unknown as Record<string, unknown>, ctx);
  }
}

/** What a data-source property accepts: DataSource objects or their plain init objects. */
export type DataSourceItem = DataSource | DataSourceInit;

/** Plain options become DataSources, so they get Meta's keys and version checks. */
export function toDataSource(item: unknown): unknown {
  return item instanceof DataSource || typeof item !== "object" || item === null || !("id" in item) ? item : new DataSource(item as DataSourceInit);
}
