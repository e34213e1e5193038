import { CopyButton } from './copy-button';

/** A credential the server returns exactly once (API key secret, signing secret, generated password). */
export function SecretOnce({ label, secret, warning }: { label: string; secret: string; warning: string }) {
  return (
    <div className="secret-once" data-testid="secret-once">
      <p className="notice notice--warning" role="note">
        {warning}
      </p>
      <div className="secret-once__row">
        <span className="secret-once__label">{label}</span>
        <code className="secret-once__value" data-testid="secret-value">
          {secret}
        </code>
        <CopyButton text={secret} testId="secret-copy" />
      </div>
    </div>
  );
}
