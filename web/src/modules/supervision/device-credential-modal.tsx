import { CopyButton } from '../../components/copy-button';
import { Modal } from '../../components/modal';
import { SecretOnce } from '../../components/secret-once';
import { useSupervisionI18n } from './i18n';
import type { DeviceCredential } from '../../../../src/modules/supervision/supervision.contract.js';

/** A source's device login as the server returns it, once: user name, topic and password. */
export function DeviceCredentialModal({
  credential,
  onClose,
}: {
  credential: DeviceCredential;
  onClose: () => void;
}) {
  const { t, tCore } = useSupervisionI18n();
  return (
    <Modal
      title={t('sources.passwordTitle', { id: credential.username })}
      onClose={onClose}
      testId="sv-source-credential"
    >
      <dl className="sv-kv">
        <dt>{t('sources.username')}</dt>
        <dd className="mono">{credential.username}</dd>
        <dt>{t('sources.topic')}</dt>
        <dd className="mono">
          {credential.topic} <CopyButton text={credential.topic} />
        </dd>
      </dl>
      <SecretOnce
        label={t('sources.password')}
        secret={credential.password}
        warning={t('sources.passwordWarning')}
      />
      <div className="form__actions">
        <button type="button" className="btn btn--primary" onClick={onClose}>
          {tCore('common.close')}
        </button>
      </div>
    </Modal>
  );
}
