import { ErrorState } from '../components/error-state';
import { Loading } from '../components/loading';
import { SignInPage } from '../core/sign-in/sign-in.page';
import { AlertStreamProvider } from './alert-stream';
import { AuthProvider, useAuth } from './auth';
import { I18nProvider } from './i18n';
import { ReferenceDataProvider } from './reference-data';
import { Shell } from './shell';

function AuthGate() {
  const { state, retry } = useAuth();
  switch (state.status) {
    case 'loading':
      return (
        <div className="centered">
          <Loading />
        </div>
      );
    case 'unavailable':
      return (
        <div className="centered">
          <ErrorState error={state.error} onRetry={retry} />
        </div>
      );
    case 'anonymous':
      return <SignInPage />;
    case 'signed-in':
      // Keyed by user so nothing from a previous session (stream, cached lists) survives a change of user.
      return (
        <ReferenceDataProvider key={state.session.user.id}>
          <AlertStreamProvider>
            <Shell />
          </AlertStreamProvider>
        </ReferenceDataProvider>
      );
  }
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <AuthGate />
      </AuthProvider>
    </I18nProvider>
  );
}
