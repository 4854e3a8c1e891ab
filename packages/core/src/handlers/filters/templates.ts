import type { TemplateStatusUpdate } from "../../updates/templates.ts";
import type { Filter } from "../filter.ts";
import { builtin, is } from "./util.ts";

/** Template status updates (approved, rejected, paused, …). */
export const templateStatus: Filter<unknown> = builtin("templateStatus", (u) => u.kind === "templateStatusUpdate");

/** A template was approved. */
export const templateStatusApproved: Filter<TemplateStatusUpdate> = builtin(
  "templateStatusApproved",
  (u) => u.kind === "templateStatusUpdate" && is(u.newStatus, "APPROVED"),
);

/** A template was rejected. */
export const templateStatusRejected: Filter<TemplateStatusUpdate> = builtin(
  "templateStatusRejected",
  (u) => u.kind === "templateStatusUpdate" && is(u.newStatus, "REJECTED"),
);

/** Template quality score updates. */
export const templateQuality: Filter<unknown> = builtin("templateQuality", (u) => u.kind === "templateQualityUpdate");

/** Template category updates. */
export const templateCategory: Filter<unknown> = builtin("templateCategory", (u) => u.kind === "templateCategoryUpdate");

/** Template components updates. */
export const templateComponents: Filter<unknown> = builtin(
  "templateComponents",
  (u) => u.kind === "templateComponentsUpdate",
);
