import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useReferenceData } from '../../app/reference-data';
import type { User } from '../../app/types';
import { Badge } from '../../components/badge';
import { Table, type Column } from '../../components/table';

interface UserTableProps {
  users: User[];
  toggling: boolean;
  onEnable: (user: User) => void;
  onDisable: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UserTable({ users, toggling, onEnable, onDisable, onResetPassword }: UserTableProps) {
  const { user: me } = useSession();
  const { t } = useI18n();
  const { scopeLabel, regionName, roleName } = useReferenceData();

  const columns: Column<User>[] = [
    {
      id: 'username',
      header: t('users.col.username'),
      cell: (u) => <span className="mono">{u.username}</span>,
    },
    { id: 'displayName', header: t('users.col.displayName'), cell: (u) => u.displayName },
    {
      id: 'role',
      header: t('users.col.role'),
      cell: (u) => <Badge tone="neutral">{roleName(u.role)}</Badge>,
    },
    {
      id: 'regions',
      header: t('users.col.regions'),
      cell: (u) => (
        <span title={u.regions.includes('*') ? undefined : u.regions.map(regionName).join(', ')}>
          {scopeLabel(u.regions)}
        </span>
      ),
    },
    { id: 'locale', header: t('users.col.locale'), cell: (u) => u.locale.toUpperCase() },
    {
      id: 'status',
      header: t('users.col.status'),
      cell: (u) =>
        u.disabled ? (
          <Badge tone="muted">{t('users.disabled')}</Badge>
        ) : (
          <Badge tone="success">{t('users.active')}</Badge>
        ),
    },
    {
      id: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      className: 'cell-actions',
      cell: (u) => (
        <div className="row-actions">
          {u.disabled ? (
            <button type="button" className="btn btn--small" onClick={() => onEnable(u)} disabled={toggling}>
              {t('users.enable')}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => onDisable(u)}
              disabled={u.id === me.id}
            >
              {t('users.disable')}
            </button>
          )}
          <button type="button" className="btn btn--small" onClick={() => onResetPassword(u)}>
            {t('users.resetPassword')}
          </button>
        </div>
      ),
    },
  ];

  return (
    <Table
      columns={columns}
      rows={users}
      rowKey={(u) => u.id}
      caption={t('users.title')}
      rowTestId="user-row"
    />
  );
}
