import { BaseUpdate, type UpdateSource, toDate } from "./base.ts";
import { hash64 } from "./hash.ts";
import { type Json, date, idStr, need, obj, str } from "./json.ts";

export type TemplateStatus =
  | "APPROVED"
  | "ARCHIVED"
  | "DELETED"
  | "DISABLED"
  | "FLAGGED"
  | "IN_APPEAL"
  | "LIMIT_EXCEEDED"
  | "LOCKED"
  | "PAUSED"
  | "PENDING"
  | "PENDING_DELETION"
  | "REINSTATED"
  | "REJECTED"
  | "UNARCHIVED"
  | (string & {});
export type TemplateCategory = "AUTHENTICATION" | "MARKETING" | "UTILITY" | (string & {});
export type QualityScore = "GREEN" | "YELLOW" | "RED" | "UNKNOWN" | (string & {});

/**
 * What every template webhook carries. As in pywa, `id` is the WABA id and
 * `timestamp` the entry's time: these changes have no id or time of their own.
 */
export abstract class BaseTemplateUpdate extends BaseUpdate {
  readonly id: string;
  readonly timestamp: Date;
  /** `message_template_id`, as a string (Meta sends a number). */
  readonly templateId: string;
  readonly templateName: string | undefined;
  readonly templateLanguage: string | undefined;
  /** `entry[].time` in seconds, part of the dedupe key. */
  protected readonly entryTime: number | undefined;

  constructor(source: UpdateSource, value: Json) {
    super(source);
    this.id = source.entryId;
    this.entryTime = source.entryTime;
    this.timestamp = toDate(source.entryTime);
    this.templateId = need(idStr(value.message_template_id), "message_template_id");
    this.templateName = str(value.message_template_name);
    this.templateLanguage = str(value.message_template_language);
  }

  /** What changed, for the dedupe key. */
  protected abstract get changeKey(): string;

  /** One change of one template at one time. */
  override get dedupeKey(): string {
    return `${this.kind}:${this.templateId}:${this.changeKey}:${this.entryTime ?? ""}`;
  }
}

/** A template was approved, rejected, paused… (`message_template_status_update`). */
export class TemplateStatusUpdate extends BaseTemplateUpdate {
  readonly kind = "templateStatusUpdate" as const;
  /** `event`. */
  readonly newStatus: TemplateStatus;
  /** `message_template_category`. */
  readonly category: TemplateCategory | undefined;
  /** Why, for rejections and pauses; `NONE` otherwise. */
  readonly reason: string | undefined;
  /** `disable_info.disable_date`. */
  readonly disableDate: Date | undefined;
  readonly otherInfo: { readonly title: string | undefined; readonly description: string | undefined } | undefined;
  readonly rejectionInfo:
    | { readonly reason: string | undefined; readonly recommendation: string | undefined }
    | undefined;

  constructor(source: UpdateSource, value: Json) {
    super(source, value);
    this.newStatus = need(str(value.event), "event");
    this.category = str(value.message_template_category);
    this.reason = str(value.reason);
    this.disableDate = date(obj(value.disable_info)?.disable_date);
    const other = obj(value.other_info);
    this.otherInfo = other && { title: str(other.title), description: str(other.description) };
    const rejection = obj(value.rejection_info);
    this.rejectionInfo = rejection && { reason: str(rejection.reason), recommendation: str(rejection.recommendation) };
  }

  protected get changeKey(): string {
    return this.newStatus;
  }
}

/** Meta moved a template to another category (`template_category_update`). */
export class TemplateCategoryUpdate extends BaseTemplateUpdate {
  readonly kind = "templateCategoryUpdate" as const;
  readonly newCategory: TemplateCategory;
  readonly previousCategory: TemplateCategory | undefined;
  /** The category Meta will apply at the start of next month, when it announces one. */
  readonly correctCategory: TemplateCategory | undefined;

  constructor(source: UpdateSource, value: Json) {
    super(source, value);
    this.newCategory = need(str(value.new_category), "new_category");
    this.previousCategory = str(value.previous_category);
    this.correctCategory = str(value.correct_category);
  }

  protected get changeKey(): string {
    return this.newCategory;
  }
}

/** A template's quality rating changed (`message_template_quality_update`). */
export class TemplateQualityUpdate extends BaseTemplateUpdate {
  readonly kind = "templateQualityUpdate" as const;
  readonly newQualityScore: QualityScore;
  readonly previousQualityScore: QualityScore | undefined;

  constructor(source: UpdateSource, value: Json) {
    super(source, value);
    this.newQualityScore = need(str(value.new_quality_score), "new_quality_score");
    this.previousQualityScore = str(value.previous_quality_score);
  }

  protected get changeKey(): string {
    return this.newQualityScore;
  }
}

/** A template's content was edited (`message_template_components_update`). */
export class TemplateComponentsUpdate extends BaseTemplateUpdate {
  readonly kind = "templateComponentsUpdate" as const;
  /** `message_template_element`: the body text. */
  readonly templateElement: string | undefined;
  /** `message_template_title`: the header, when it is text. */
  readonly templateTitle: string | undefined;
  /** `message_template_footer`. */
  readonly templateFooter: string | undefined;
  /** `message_template_buttons`, as sent. */
  readonly templateButtons: readonly Json[] | undefined;

  constructor(source: UpdateSource, value: Json) {
    super(source, value);
    this.templateElement = str(value.message_template_element);
    this.templateTitle = str(value.message_template_title);
    this.templateFooter = str(value.message_template_footer);
    const buttons = value.message_template_buttons;
    this.templateButtons = Array.isArray(buttons) ? buttons.filter((b): b is Json => obj(b) !== undefined) : undefined;
  }

  /** There is no status word here: the texts themselves are the change. */
  protected get changeKey(): string {
    return hash64(`${this.templateElement}\u0000${this.templateTitle}\u0000${this.templateFooter}`);
  }
}
