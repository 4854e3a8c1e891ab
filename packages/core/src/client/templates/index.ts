// Template management: one file per operation group (pywa's "Templates" table).
// The template model itself (defineTemplate, the component builders) is in templates/.
export { createTemplate, type CreateTemplateOptions, type CreatedTemplate } from "./create.ts";
export {
  upsertAuthenticationTemplate,
  type UpsertAuthenticationTemplateOptions,
  type UpsertedTemplate,
} from "./upsert-authentication.ts";
export {
  getTemplates,
  getTemplate,
  templatesSummary,
  type GetTemplatesOptions,
  type GetTemplateOptions,
  type TemplatesSummary,
} from "./list.ts";
export { updateTemplate, type UpdateTemplateOptions, type UpdatedTemplate } from "./update.ts";
export { deleteTemplate, type DeleteTemplateOptions } from "./delete.ts";
export { unpauseTemplate, type UnpauseTemplateOptions, type TemplateUnpauseResult } from "./unpause.ts";
export { compareTemplates, type CompareTemplatesOptions, type TemplatesCompareResult } from "./compare.ts";
export { migrateTemplates, type MigrateTemplatesOptions, type MigrateTemplatesResult } from "./migrate.ts";
export {
  archiveTemplates, unarchiveTemplates,
  type ArchiveTemplatesOptions, type UnarchiveTemplatesOptions, type ArchiveTemplatesResult, type UnarchiveTemplatesResult,
} from "./archive.ts";
