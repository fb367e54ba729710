import { useEffect, useState } from 'react';
import { useI18n } from '../../lib/i18n';

type Outcome = 'idle' | 'shared' | 'copied' | 'manual';

/** Shares the page through the phone's share sheet, or copies the link, and says so. */
export function ShareButton({ title, url }: { title: string; url: string }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>('idle');

  useEffect(() => {
    if (outcome !== 'copied' && outcome !== 'shared') return;
    const timer = window.setTimeout(() => setOutcome('idle'), 6000);
    return () => window.clearTimeout(timer);
  }, [outcome]);

  const share = async () => {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, text: title, url });
        setOutcome('shared');
        return;
      } catch (error) {
        // The person closed the share sheet: nothing to say.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setOutcome('copied');
    } catch {
      setOutcome('manual');
    }
  };

  return (
    <div className="share">
      <button type="button" className="button secondary" onClick={() => void share()}>
        {t('donor.share.button')}
      </button>
      <p role="status" className="share-status">
        {outcome === 'copied' && t('donor.share.copied')}
        {outcome === 'shared' && t('donor.share.shared')}
      </p>
      {outcome === 'manual' && (
        <label className="field share-manual">
          <span>{t('donor.share.manual')}</span>
          <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </div>
  );
}
