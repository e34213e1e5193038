import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useApi } from './auth';
import { useI18n } from './i18n';
import { useResource } from './use-resource';
import type { ModuleInfo, Region, RoleInfo } from './types';

// Regions, modules and roles change only with a deployment, so they are fetched once per session and shared by every
// screen that needs a region, module or role name in the current language.

interface ReferenceData {
  regions: Region[];
  modules: ModuleInfo[];
  /** The platform's roles: the core's and those its modules add. */
  roles: RoleInfo[];
  regionName: (code: string | null | undefined) => string;
  roleName: (id: string) => string;
  moduleName: (id: string) => string;
  /** Summarise a region scope: "National", one name, or "N regions". */
  scopeLabel: (codes: string[]) => string;
}

const ReferenceContext = createContext<ReferenceData | null>(null);

export function ReferenceDataProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { pick, t } = useI18n();
  const regionsRes = useResource('regions', () => api.get<{ regions: Region[] }>('/api/geo/regions'));
  const modulesRes = useResource('modules', () => api.get<{ modules: ModuleInfo[] }>('/api/modules'));
  const rolesRes = useResource('roles', () => api.get<{ roles: RoleInfo[] }>('/api/auth/permissions'));
  const roles = useMemo(() => rolesRes.data?.roles ?? [], [rolesRes.data]);
  const roleName = useCallback(
    (id: string) => {
      const role = roles.find((r) => r.id === id);
      return role ? pick(role.name) : id;
    },
    [roles, pick],
  );

  const regions = useMemo(() => regionsRes.data?.regions ?? [], [regionsRes.data]);
  const modules = useMemo(() => modulesRes.data?.modules ?? [], [modulesRes.data]);

  const regionName = useCallback(
    (code: string | null | undefined) => {
      if (!code) return '—';
      if (code === '*') return t('common.national');
      const region = regions.find((r) => r.code === code);
      return region ? pick(region.name) : code;
    },
    [regions, pick, t],
  );

  const moduleName = useCallback(
    (id: string) => {
      // Installed modules first, then the platform's catalogue: alerts may come from modules not installed here.
      const mod = modules.find((m) => m.id === id);
      return mod ? pick(mod.name) : id;
    },
    [modules, pick],
  );

  const scopeLabel = useCallback(
    (codes: string[]) => {
      if (codes.includes('*')) return t('common.national');
      if (codes.length === 1) return regionName(codes[0]);
      return t('common.regionsCount', { count: codes.length });
    },
    [regionName, t],
  );

  const value = useMemo(
    () => ({ regions, modules, roles, regionName, roleName, moduleName, scopeLabel }),
    [regions, modules, roles, regionName, roleName, moduleName, scopeLabel],
  );
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReferenceData(): ReferenceData {
  const value = useContext(ReferenceContext);
  if (!value) throw new Error('useReferenceData must be used inside ReferenceDataProvider');
  return value;
}
