import type { Pagination } from '../lib/api';
import { useI18n } from '../lib/i18n';

export function Pager({ pagination, onPage }: { pagination: Pagination; onPage: (page: number) => void }) {
  const { t, number } = useI18n();
  if (pagination.totalPages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('common.pageOf', { page: number(pagination.page), total: number(pagination.totalPages) })}>
      <button type="button" className="button secondary" disabled={pagination.page <= 1} onClick={() => onPage(pagination.page - 1)}>
        {t('common.previous')}
      </button>
      <span>{t('common.pageOf', { page: number(pagination.page), total: number(pagination.totalPages) })}</span>
      <button
        type="button"
        className="button secondary"
        disabled={pagination.page >= pagination.totalPages}
        onClick={() => onPage(pagination.page + 1)}
      >
        {t('common.next')}
      </button>
    </nav>
  );
}
