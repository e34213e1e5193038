import { Type, type Static } from 'typebox';
import { LocalizedTextSchema } from '../http/builders.contract.js';

/** What GET /api/modules answers: the installed modules and the navigation the caller may use. */
export const ModuleNavItemSchema = Type.Object({
  path: Type.String(),
  label: LocalizedTextSchema,
  permission: Type.String(),
});
export type ModuleNavItem = Static<typeof ModuleNavItemSchema>;
export const ModuleInfoSchema = Type.Object({
  id: Type.String(),
  name: LocalizedTextSchema,
  nav: Type.Array(ModuleNavItemSchema),
});
export type ModuleInfo = Static<typeof ModuleInfoSchema>;
export const ModulesSchema = Type.Object({ modules: Type.Array(ModuleInfoSchema) });
