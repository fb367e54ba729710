import { Navigate, Outlet, useLocation } from 'react-router';
import { signInPath, useAuth } from '../lib/auth';
import { useI18n } from '../lib/i18n';

/** Pages for signed-in people (or admins): anyone else goes to sign-in and comes back here after. */
export function RequireAuth({ requiredRole }: { requiredRole?: string }) {
  const { user, sessionEnded } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (!user) return <Navigate to={signInPath(`${location.pathname}${location.search}`, sessionEnded ? 'expired' : 'required')} replace />;
  if (requiredRole && user.role !== requiredRole) {
    return (
      <section className="page narrow">
        <h1>{t('common.notFound')}</h1>
      </section>
    );
  }
  return <Outlet />;
}
