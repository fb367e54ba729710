import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { signInPath, useAuth } from '../../lib/auth';
import { donations } from '../../lib/donations';
import { applyServerErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { formatPercent } from '../../lib/format';
import { ErrorState, Loading } from '../../components/States';
import { Field } from '../../components/form';
import { ProgressBar } from '../../components/ProgressBar';
import { percentOf, type Campaign } from '../../components/donor/types';
import { en, type MessageKey } from '../../i18n/messages';
import { donationClosedReason, isNotFound, useCampaign } from './campaignRules';
import {
  donateSchema,
  draftKey,
  emptyDonateValues,
  MAX_AMOUNT,
  MESSAGE_MAX,
  MIN_AMOUNT,
  NAME_MAX,
  PRESET_AMOUNTS,
  readDraft,
  toDonationForm,
  validAmount,
  type DonateValues,
} from './donateSchema';
import '../../components/donor/donor.css';

const SERVER_FIELDS = ['amount', 'message', 'isAnonymous', 'donorEmail', 'donorName'] as const;
const ATTEMPT_ENDED = new Set(['PLEDGE_NOT_PAYABLE', 'PAYMENT_ALREADY_SETTLED', 'IDEMPOTENCY_KEY_REUSED']);
const NOT_ACCEPTING = new Set(['CAMPAIGN_NOT_ACCEPTING_PLEDGES', 'CAMPAIGN_NOT_ACCEPTING_DONATIONS', 'CAMPAIGN_NOT_FOUND']);

export default function DonatePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { user } = useAuth();
  const campaign = useCampaign(id);
  const [now] = useState(() => Date.now());

  if (campaign.isPending) return <Loading />;
  if (campaign.isError) {
    return (
      <section className="page narrow">
        <h1>{isNotFound(campaign.error) ? t('donor.campaign.notFound') : t('donor.campaign.loadFailed')}</h1>
        {isNotFound(campaign.error) ? (
          <p>
            <Link to="/campaigns">{t('donor.campaign.browseOthers')}</Link>
          </p>
        ) : (
          <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />
        )}
      </section>
    );
  }

  const closed = donationClosedReason(campaign.data, now);
  if (closed) {
    return (
      <section className="page narrow">
        <h1>{t('donor.donate.title', { title: campaign.data.title })}</h1>
        <p className="alert info">{t(closed)}</p>
        <p>
          <Link to={`/campaigns/${campaign.data.id}`}>{t('donor.donate.backToCampaign')}</Link>
        </p>
      </section>
    );
  }
  // A sign-in or sign-out in the middle starts the form again for the new person (what was typed is kept).
  return <DonateForm key={user?.id ?? 'guest'} campaign={campaign.data} />;
}

function fullName(user: { firstName?: string | null; lastName?: string | null }): string {
  return [user.firstName, user.lastName].filter(Boolean).join(' ').trim();
}

function DonateForm({ campaign }: { campaign: Campaign }) {
  const { t, money, number, language } = useI18n();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const guest = !user;
  const schema = useMemo(() => donateSchema({ guest }), [guest]);
  const [initial] = useState<DonateValues>(() => ({
    ...emptyDonateValues,
    donorName: user ? fullName(user) : '',
    ...readDraft(window.sessionStorage.getItem(draftKey(campaign.id))),
  }));

  const {
    register,
    handleSubmit,
    control,
    setValue,
    setError,
    formState: { errors },
  } = useForm<DonateValues>({ resolver: zodResolver(schema), defaultValues: initial, mode: 'onTouched' });

  // What the person typed survives a reload, a trip to sign-in and an ended session (this tab only).
  const values = useWatch({ control });
  useEffect(() => {
    window.sessionStorage.setItem(draftKey(campaign.id), JSON.stringify(values));
  }, [values, campaign.id]);

  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const submitting = useRef(false);

  // Back from the checkout page (page restored from the back/forward cache): the button works again.
  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      submitting.current = false;
      setBusy(false);
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, []);

  const currency = campaign.currency;
  const vars = {
    min: money(MIN_AMOUNT, currency, { whole: true }),
    max: money(MAX_AMOUNT, currency, { whole: true }),
    limit: number(MESSAGE_MAX),
    nameLimit: number(NAME_MAX),
  };
  const text = (message: string | undefined) => (message ? (message in en ? t(message as MessageKey, vars) : message) : undefined);

  const amount = validAmount(values.amount ?? '');
  const messageLength = (values.message ?? '').trim().length;

  const onSubmit = async (form: DonateValues) => {
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setBanner(null);
    try {
      const attempt = await donations.donate(toDonationForm(form, campaign.id, currency, guest), user?.id ?? 'guest');
      if (!attempt.gatewayUrl) throw new Error('No checkout address.');
      window.location.assign(attempt.gatewayUrl);
      // Stay busy: the browser is leaving for the checkout page.
    } catch (error) {
      submitting.current = false;
      setBusy(false);
      if (error instanceof ApiError && NOT_ACCEPTING.has(error.code)) {
        donations.finish(campaign.id);
        void queryClient.invalidateQueries({ queryKey: ['donor', 'campaign', campaign.id] });
        setBanner(t('donor.donate.error.notAccepting'));
      } else if (error instanceof ApiError && ATTEMPT_ENDED.has(error.code)) {
        donations.finish(campaign.id);
        setBanner(t('donor.donate.error.attemptEnded'));
      } else if (error instanceof ApiError && error.isNetworkError) {
        setBanner(t('donor.donate.error.network'));
      } else if (error instanceof ApiError && error.status === 401) {
        setBanner(t('donor.donate.error.signInAgain'));
      } else if (error instanceof ApiError) {
        setBanner(applyServerErrors(error, setError, SERVER_FIELDS));
      } else {
        setBanner(t('common.error'));
      }
    }
  };

  const here = `/campaigns/${campaign.id}/donate`;
  const percent = percentOf(campaign.currentAmount, campaign.goalAmount);

  return (
    <section className="page narrow donate-page">
      <p className="muted back-link">
        <Link to={`/campaigns/${campaign.id}`}>← {t('donor.donate.backToCampaign')}</Link>
      </p>
      <h1>{t('donor.donate.title', { title: campaign.title })}</h1>
      <div className="card donate-summary">
        <p>
          {t('donor.donate.soFar', {
            raised: money(campaign.currentAmount, currency),
            goal: money(campaign.goalAmount, currency, { whole: true }),
          })}
        </p>
        <ProgressBar percent={percent} label={t('donor.campaign.progressLabel', { percent: formatPercent(percent, language) })} />
      </div>

      {user ? (
        <p className="alert info giving-as">
          {t('donor.donate.givingAs', { name: fullName(user) || user.email, email: user.email })}
        </p>
      ) : (
        <p className="alert info">
          {t('donor.donate.guestIntro')} <Link to={signInPath(here)}>{t('donor.donate.signInLink')}</Link>
        </p>
      )}

      {banner && (
        <div className="alert error" role="alert">
          {banner}
        </div>
      )}

      <form noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)} className="donate-form">
        <fieldset className="amount-fieldset">
          <legend>{t('donor.donate.amountLegend')}</legend>
          <div className="preset-amounts">
            {PRESET_AMOUNTS.map((preset) => (
              <button
                key={preset}
                type="button"
                className="preset"
                aria-pressed={amount === preset}
                onClick={() => setValue('amount', String(preset), { shouldValidate: true, shouldDirty: true, shouldTouch: true })}
              >
                {money(preset, currency, { whole: true })}
              </button>
            ))}
          </div>
          <Field label={t('donor.donate.amount')} hint={t('donor.donate.amountHint', vars)} error={text(errors.amount?.message)}>
            {(props) => <input {...props} {...register('amount')} type="text" inputMode="decimal" autoComplete="off" />}
          </Field>
        </fieldset>

        {guest && (
          <Field label={t('donor.donate.email')} hint={t('donor.donate.emailHint')} error={text(errors.donorEmail?.message)}>
            {(props) => <input {...props} {...register('donorEmail')} type="email" autoComplete="email" required />}
          </Field>
        )}
        <Field
          label={`${t('donor.donate.name')} ${t('common.optional')}`}
          hint={t('donor.donate.nameHint')}
          error={text(errors.donorName?.message)}
        >
          {(props) => <input {...props} {...register('donorName')} type="text" autoComplete="name" />}
        </Field>
        <Field
          label={`${t('donor.donate.message')} ${t('common.optional')}`}
          hint={t('donor.donate.messageHint', { count: number(messageLength), limit: number(MESSAGE_MAX) })}
          error={text(errors.message?.message)}
        >
          {(props) => <textarea {...props} {...register('message')} rows={3} />}
        </Field>
        <div className="checkbox">
          <input id="donate-anonymous" type="checkbox" {...register('isAnonymous')} aria-describedby="donate-anonymous-hint" />
          <label htmlFor="donate-anonymous">{t('donor.donate.anonymous')}</label>
        </div>
        <p className="hint muted anonymous-hint" id="donate-anonymous-hint">
          {t('donor.donate.anonymousHint')}
        </p>

        <button type="submit" className="button block donate-submit" disabled={busy}>
          {amount !== null ? t('donor.donate.submitAmount', { amount: money(amount, currency) }) : t('donor.donate.submit')}
        </button>
        <p role="status" className="muted donate-status">
          {busy ? t('donor.donate.redirecting') : ''}
        </p>
        <p className="muted">{t('donor.donate.paymentNote')}</p>
      </form>
    </section>
  );
}
