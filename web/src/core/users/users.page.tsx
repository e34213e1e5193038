import { useState } from 'react';
import { useApi } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { User } from '../../app/types';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { Modal } from '../../components/modal';
import { PageHeader } from '../../components/page-header';
import { SecretOnce } from '../../components/secret-once';
import { UserCreateDialog } from './user-create-dialog';
import { UserTable } from './user-table';

type Pending = { kind: 'disable' | 'reset'; user: User } | null;

export function UsersPage() {
  const api = useApi();
  const { t } = useI18n();
  const users = useResource('users', () => api.get<{ users: User[] }>('/api/users'));
  const [creating, setCreating] = useState(false);
  const [confirm, setConfirm] = useState<Pending>(null);
  const [newPassword, setNewPassword] = useState<{ user: User; password: string } | null>(null);

  const replace = (updated: User) =>
    users.setData((prev) =>
      prev ? { users: prev.users.map((u) => (u.id === updated.id ? updated : u)) } : prev,
    );
  const toggle = useAction((u: User, disabled: boolean) =>
    api.patch<User | { user: User }>(`/api/users/${encodeURIComponent(u.id)}`, { disabled }),
  );
  const reset = useAction((u: User) =>
    api.post<{ password: string }>(`/api/users/${encodeURIComponent(u.id)}/reset-password`),
  );

  async function setDisabled(u: User, disabled: boolean) {
    const res = await toggle.run(u, disabled);
    if (!res) return;
    // The PATCH answer may be the user or {user}; either way the list shows the server's copy.
    replace('user' in res ? res.user : res);
    setConfirm(null);
  }

  async function resetPassword(u: User) {
    const res = await reset.run(u);
    if (!res) return;
    setConfirm(null);
    setNewPassword({ user: u, password: res.password });
  }

  const list = users.data?.users ?? [];
  return (
    <div className="page" data-testid="users-page">
      <PageHeader
        title={t('users.title')}
        actions={
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => setCreating(true)}
            data-testid="user-create-open"
          >
            {t('users.create')}
          </button>
        }
      />
      {toggle.error && !confirm && <ErrorState error={toggle.error} inline />}
      <div className="card card--flush">
        {users.error ? (
          <ErrorState error={users.error} onRetry={users.reload} />
        ) : !users.data ? (
          <Loading />
        ) : list.length === 0 ? (
          <EmptyState title={t('users.empty')} />
        ) : (
          <UserTable
            users={list}
            toggling={toggle.pending}
            onEnable={(u) => void setDisabled(u, false)}
            onDisable={(u) => setConfirm({ kind: 'disable', user: u })}
            onResetPassword={(u) => setConfirm({ kind: 'reset', user: u })}
          />
        )}
      </div>
      {creating && (
        <UserCreateDialog
          onClose={() => setCreating(false)}
          onCreated={(u) => users.setData((prev) => ({ users: [...(prev?.users ?? []), u] }))}
        />
      )}
      {confirm?.kind === 'disable' && (
        <ConfirmDialog
          title={t('users.disable')}
          message={t('users.disableConfirm', { name: confirm.user.displayName })}
          confirmLabel={t('users.disable')}
          danger
          pending={toggle.pending}
          error={toggle.error}
          onConfirm={() => void setDisabled(confirm.user, true)}
          onCancel={() => setConfirm(null)}
        />
      )}
      {confirm?.kind === 'reset' && (
        <ConfirmDialog
          title={t('users.resetPassword')}
          message={t('users.resetConfirm', { name: confirm.user.displayName })}
          confirmLabel={t('users.resetPassword')}
          danger
          pending={reset.pending}
          error={reset.error}
          onConfirm={() => void resetPassword(confirm.user)}
          onCancel={() => setConfirm(null)}
        />
      )}
      {newPassword && (
        <Modal
          title={t('users.newPassword', { name: newPassword.user.displayName })}
          onClose={() => setNewPassword(null)}
          testId="new-password"
        >
          <SecretOnce
            label={t('users.passwordLabel')}
            secret={newPassword.password}
            warning={t('users.passwordOnce')}
          />
        </Modal>
      )}
    </div>
  );
}
