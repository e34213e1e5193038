import type { ReactNode } from 'react';
import {
  canManageApiKeys,
  canManageUsers,
  canReadAudit,
  canReadSubscriptions,
  hasPermission,
} from './access';
import { useSession } from './auth';
import { useI18n } from './i18n';
import { useReferenceData } from './reference-data';
import { Link, useLocation } from './router';
import type { MessageKey } from '../i18n/en';

interface NavEntry {
  to: string;
  label: string;
  testId: string;
}

function NavSection({ title, entries, current }: { title: string; entries: NavEntry[]; current: string }) {
  if (entries.length === 0) return null;
  return (
    <div className="side-nav__section">
      <p className="side-nav__heading">{title}</p>
      <ul>
        {entries.map((entry) => {
          const active =
            entry.to === '/' ? current === '/' : current === entry.to || current.startsWith(`${entry.to}/`);
          return (
            <li key={entry.to}>
              <Link
                to={entry.to}
                className={active ? 'side-nav__link is-active' : 'side-nav__link'}
                aria-current={active ? 'page' : undefined}
                data-testid={entry.testId}
              >
                {entry.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function SideNav({ brand }: { brand: ReactNode }) {
  const session = useSession();
  const { t, pick } = useI18n();
  const { modules } = useReferenceData();
  const { path } = useLocation();

  const core = (key: MessageKey, to: string, testId: string): NavEntry => ({ to, label: t(key), testId });
  const supervision = [
    core('nav.overview', '/', 'nav-overview'),
    core('nav.alerts', '/alerts', 'nav-alerts'),
  ];
  if (canReadAudit(session)) supervision.push(core('nav.audit', '/audit', 'nav-audit'));

  // Module entries come from the server (GET /api/modules), shown only where the user holds the permission.
  const moduleEntries = modules.flatMap((mod) =>
    mod.nav
      .filter((item) => hasPermission(session, item.permission))
      .map((item) => ({ to: item.path, label: pick(item.label), testId: `nav-module-${mod.id}` })),
  );

  const admin: NavEntry[] = [];
  if (canManageUsers(session)) admin.push(core('nav.users', '/users', 'nav-users'));
  if (canManageApiKeys(session)) admin.push(core('nav.apiKeys', '/api-keys', 'nav-api-keys'));
  if (canReadSubscriptions(session))
    admin.push(core('nav.subscriptions', '/subscriptions', 'nav-subscriptions'));

  return (
    <nav className="side-nav" aria-label={t('shell.mainNav')}>
      {brand}
      <NavSection title={t('nav.supervision')} entries={supervision} current={path} />
      <NavSection title={t('nav.modules')} entries={moduleEntries} current={path} />
      <NavSection title={t('nav.administration')} entries={admin} current={path} />
    </nav>
  );
}
