import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const message = error instanceof ApiError ? error.message : t('common.error');
  return (
    <div className="state error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children?: React.ReactNode }) {
  const { t } = useI18n();
  return <div className="state empty">{children ?? <p>{t('common.empty')}</p>}</div>;
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <section className="page narrow">
      <h1>{t('common.notFound')}</h1>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </section>
  );
}

/** Loading, failed, empty or the content: the states every list has, said the same way on every page. */
export function QueryStates<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError || query.data === undefined) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{isEmpty?.(query.data) ? empty : children(query.data)}</>;
}
