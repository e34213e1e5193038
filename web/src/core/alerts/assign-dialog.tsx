import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api-client';
import { useApi } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { AssignableUser } from '../../app/types';
import { useResource } from '../../app/use-resource';
import { ErrorState } from '../../components/error-state';
import { Field } from '../../components/field';
import { Loading } from '../../components/loading';
import { Modal } from '../../components/modal';
import { FormActions } from '../../components/form-actions';
import { useReferenceData } from '../../app/reference-data';

interface AssignDialogProps {
  region: string;
  pending: boolean;
  error: ApiError | null;
  onSubmit: (assigneeId: string) => void;
  onClose: () => void;
}

export function AssignDialog({ region, pending, error, onSubmit, onClose }: AssignDialogProps) {
  const api = useApi();
  const { t } = useI18n();
  const { roleName } = useReferenceData();
  const [assigneeId, setAssigneeId] = useState('');
  // Only people whose region scope covers the alert's region can be chosen; the server decides who that is.
  const users = useResource(`assignable:${region}`, () =>
    api.get<{ users: AssignableUser[] }>('/api/users/assignable', { region }),
  );

  function handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (assigneeId) onSubmit(assigneeId);
  }

  let body;
  if (users.error) body = <ErrorState error={users.error} onRetry={users.reload} inline />;
  else if (!users.data) body = <Loading inline />;
  else if (users.data.users.length === 0) body = <p className="muted">{t('alert.noAssignable')}</p>;
  else
    body = (
      <Field label={t('alert.assignee')} required>
        {({ id }) => (
          <select
            id={id}
            className="input"
            value={assigneeId}
            onChange={(e) => setAssigneeId(e.target.value)}
            required
            data-testid="assignee-select"
          >
            <option value="">{t('alert.pickUser')}</option>
            {users.data?.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({roleName(u.role)})
              </option>
            ))}
          </select>
        )}
      </Field>
    );

  return (
    <Modal title={t('alert.assignTitle')} onClose={onClose} testId="assign-dialog">
      <form className="form" onSubmit={handleSubmit}>
        {body}
        {error && <ErrorState error={error} inline />}
        <FormActions
          submitLabel={t('alert.assign')}
          pending={pending}
          onCancel={onClose}
          submitTestId="assign-submit"
          disabled={!assigneeId}
        />
      </form>
    </Modal>
  );
}
