import { useState, type SubmitEvent } from 'react';
import { useAuth } from '../../app/auth';
import { Brand } from '../../app/brand';
import { useI18n } from '../../app/i18n';
import { LanguageSwitch } from '../../app/language-switch';
import { useAction } from '../../app/use-action';
import { ErrorState } from '../../components/error-state';
import { Field } from '../../components/field';

export function SignInPage() {
  const { signIn } = useAuth();
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = useAction((u: string, p: string) => signIn(u, p));

  function handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    void submit.run(username.trim(), password);
  }

  return (
    <div className="sign-in">
      <div className="sign-in__card">
        <div className="sign-in__top">
          <Brand />
          <LanguageSwitch />
        </div>
        <h1 className="sign-in__title">{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.subtitle')}</p>
        <form className="form" onSubmit={handleSubmit} noValidate data-testid="sign-in-form">
          <Field label={t('signIn.username')} required>
            {({ id }) => (
              <input
                id={id}
                className="input"
                name="username"
                autoComplete="username"
                autoFocus
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                data-testid="sign-in-username"
              />
            )}
          </Field>
          <Field label={t('signIn.password')} required>
            {({ id }) => (
              <input
                id={id}
                className="input"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="sign-in-password"
              />
            )}
          </Field>
          {submit.error && <ErrorState error={submit.error} inline />}
          <button
            type="submit"
            className="btn btn--primary btn--block"
            disabled={submit.pending || !username.trim() || !password}
            data-testid="sign-in-submit"
          >
            {submit.pending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
        <p className="sign-in__notice">{t('signIn.notice')}</p>
      </div>
    </div>
  );
}
