import type { ComponentType, LazyExoticComponent } from 'react';

/**
 * Dashboard screens contributed by server modules. A module adds `web/src/modules/<moduleId>/routes.ts` exporting
 * `routes: ModuleRoute[]`; Vite's glob import picks it up at build time, so the shell never imports a module by
 * name. Which of these screens appear in the navigation is still decided by GET /api/modules and the user's
 * permissions, so a module that is installed but not enabled on the server shows nothing.
 */
export interface ModuleRoute {
  /** A path pattern such as '/appeals' or '/appeals/:id'; should match a nav path the server module declares. */
  path: string;
  component: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;
}

interface ModuleRoutesFile {
  routes: ModuleRoute[];
}

const files = import.meta.glob<ModuleRoutesFile>('../modules/*/routes.ts', { eager: true });

export const moduleRoutes: { moduleId: string; route: ModuleRoute }[] = Object.entries(files).flatMap(
  ([file, mod]) => {
    const moduleId = file.split('/')[2] ?? file;
    return mod.routes.map((route) => ({ moduleId, route }));
  },
);
