import { useMutation } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { errorText } from './messages';

interface Resent {
  email: string;
  expiresAt: string;
}

/** "Send a new verification link" (POST /api/auth/verify-email/resend, signed in, no body) and what came of it. */
export function ResendVerification({ className = 'button secondary' }: { className?: string }) {
  const { t, number } = useI18n();
  const { refreshNow } = useAuth();
  const resend = useMutation({
    mutationFn: () => api.post<Resent>('/api/auth/verify-email/resend'),
    onError: (error) => {
      // Verified meanwhile (another tab, the link just opened): let the token say so too.
      if (error instanceof ApiError && error.code === 'EMAIL_ALREADY_VERIFIED') void refreshNow();
    },
  });

  let outcome: React.ReactNode = null;
  if (resend.isSuccess) {
    outcome = <p className="alert success">{t('resend.sent', { email: resend.data.email })}</p>;
  } else if (resend.isError) {
    const error = resend.error;
    if (error instanceof ApiError && error.code === 'EMAIL_ALREADY_VERIFIED') {
      outcome = <p className="alert success">{t('resend.already')}</p>;
    } else if (error instanceof ApiError && error.status === 429) {
      const seconds = retryAfterSeconds(error.details);
      outcome = (
        <p className="alert error">
          {seconds ? t('resend.rateLimited', { minutes: number(Math.max(1, Math.ceil(seconds / 60))) }) : t('resend.rateLimitedLater')}
        </p>
      );
    } else {
      outcome = <p className="alert error">{errorText(t, error)}</p>;
    }
  }

  return (
    <div className="acct-resend">
      <button type="button" className={className} disabled={resend.isPending || resend.isSuccess} onClick={() => resend.mutate()}>
        {resend.isPending ? t('resend.sending') : t('resend.button')}
      </button>
      <div aria-live="polite">{outcome}</div>
    </div>
  );
}

function retryAfterSeconds(details: unknown): number | null {
  if (!details || typeof details !== 'object') return null;
  const value = (details as Record<string, unknown>).retryAfterSeconds;
  return typeof value === 'number' && value > 0 ? value : null;
}
