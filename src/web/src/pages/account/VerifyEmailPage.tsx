import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Loading } from '../../components/States';
import { api, ApiError } from '../../lib/api';
import { signInPath, useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { errorText } from './messages';
import { ResendVerification } from './ResendVerification';
import { stripFragment, tokenFromFragment } from './verifyToken';
import './account.css';

interface Verified {
  userId: string;
  email: string;
  emailVerified: boolean;
}

export default function VerifyEmailPage() {
  const { t } = useI18n();
  const { user, refreshNow } = useAuth();
  // Read once, before the fragment leaves the address bar.
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  useEffect(() => stripFragment(window.location, window.history), []);

  const signedIn = user !== null;
  const verification = useQuery({
    queryKey: ['verify-email', token],
    enabled: token !== null,
    // A token is spent by its first use: never send it twice (remounts and focus changes reuse this answer).
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    queryFn: async () => {
      const result = await api.post<Verified>('/api/auth/verify-email', { token }, { anonymous: true });
      // The access token still says email_verified "false": a fresh one carries the new claim.
      if (signedIn) await refreshNow().catch(() => undefined);
      return result;
    },
  });

  let body: React.ReactNode;
  if (token === null) {
    body = user?.emailVerified ? <AlreadyVerified /> : <NeedsNewLink message={t('verify.noToken')} />;
  } else if (verification.isPending) {
    body = <Loading label={t('verify.checking')} />;
  } else if (verification.isSuccess) {
    body = (
      <>
        <div className="alert success" role="status">
          <p>{t('verify.success', { email: verification.data.email })}</p>
          <p>{t('verify.successNext')}</p>
        </div>
        <p className="row">
          {user ? (
            <>
              <Link className="button" to="/me/campaigns/new">
                {t('verify.startCampaign')}
              </Link>
              <Link className="button secondary" to="/profile">
                {t('verify.goProfile')}
              </Link>
            </>
          ) : (
            <Link className="button" to={signInPath('/me/campaigns/new')}>
              {t('verify.signIn')}
            </Link>
          )}
        </p>
      </>
    );
  } else if (verification.error instanceof ApiError && verification.error.code === 'INVALID_VERIFICATION_TOKEN') {
    body = user?.emailVerified ? <AlreadyVerified /> : <NeedsNewLink message={t('verify.invalid')} help={t('verify.invalidHelp')} />;
  } else {
    body = (
      <div className="state error" role="alert">
        <p>{errorText(t, verification.error)}</p>
        <button type="button" className="button secondary" onClick={() => void verification.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }

  return (
    <section className="page narrow">
      <h1>{t('verify.title')}</h1>
      {body}
    </section>
  );
}

function AlreadyVerified() {
  const { t } = useI18n();
  return (
    <>
      <p className="alert success" role="status">
        {t('verify.alreadyVerified')}
      </p>
      <p>
        <Link to="/profile">{t('verify.goProfile')}</Link>
      </p>
    </>
  );
}

/** The link did not work: a signed-in person asks for another here; anyone else signs in first. */
function NeedsNewLink({ message, help }: { message: string; help?: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  return (
    <div className="card">
      <p className="alert error" role="alert">
        {message}
      </p>
      {help && <p>{help}</p>}
      {user ? (
        <ResendVerification className="button" />
      ) : (
        <Link className="button" to={signInPath('/profile', 'required')}>
          {t('verify.signInToResend')}
        </Link>
      )}
    </div>
  );
}
