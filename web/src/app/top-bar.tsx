import { useAuth, useSession } from './auth';
import { useI18n } from './i18n';
import { LanguageSwitch } from './language-switch';
import { useReferenceData } from './reference-data';

export function TopBar() {
  const session = useSession();
  const { signOut } = useAuth();
  const { t } = useI18n();
  const { scopeLabel, regionName, roleName } = useReferenceData();
  const { user } = session;
  const scopeTitle = user.regions.includes('*') ? undefined : user.regions.map(regionName).join(', ');

  return (
    <header className="top-bar">
      <div className="top-bar__spacer" />
      <span className="scope-chip" title={scopeTitle} data-testid="region-scope">
        <span className="scope-chip__label">{t('shell.scope')}:</span> {scopeLabel(user.regions)}
      </span>
      <LanguageSwitch />
      <div className="user-chip" data-testid="current-user">
        <span className="user-chip__avatar" aria-hidden="true">
          {user.displayName.trim().charAt(0).toUpperCase()}
        </span>
        <span className="user-chip__text">
          <span className="user-chip__name">{user.displayName}</span>
          <span className="user-chip__role">{roleName(user.role)}</span>
        </span>
      </div>
      <button type="button" className="btn btn--ghost" onClick={() => void signOut()} data-testid="sign-out">
        {t('shell.signOut')}
      </button>
    </header>
  );
}
