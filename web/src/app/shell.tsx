import { useI18n } from './i18n';
import { Brand } from './brand';
import { AppRoutes } from './routes';
import { SideNav } from './side-nav';
import { TopBar } from './top-bar';

export function Shell() {
  const { t } = useI18n();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <SideNav brand={<Brand />} />
      <div className="shell__main">
        <TopBar />
        <main id="main" className="content" tabIndex={-1}>
          <AppRoutes />
        </main>
      </div>
    </div>
  );
}
