import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { api } from '../../lib/api';
import { applyServerErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { Field } from '../../components/form';
import { en, type MessageKey } from '../../i18n/messages';
import { isEmail } from './donateSchema';
import '../../components/donor/donor.css';

const schema = z.object({
  email: z
    .string()
    .refine((value) => value.trim() !== '', { message: 'donor.donate.error.emailRequired' })
    .refine((value) => value.trim() === '' || isEmail(value), { message: 'donor.donate.error.emailInvalid' }),
});
type Values = z.infer<typeof schema>;

export default function GuestHistoryRequestPage() {
  const { t } = useI18n();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: '' } });

  const text = (message: string | undefined) => (message ? (message in en ? t(message as MessageKey) : message) : undefined);

  const onSubmit = async (values: Values) => {
    setBanner(null);
    const email = values.email.trim();
    try {
      await api.post('/api/notifications/guest-history-link', { email }, { anonymous: true });
      setSentTo(email);
    } catch (error) {
      setBanner(applyServerErrors(error, setError, ['email']) ?? null);
    }
  };

  return (
    <section className="page narrow guest-request">
      <h1>{t('donor.request.title')}</h1>
      <p>{t('donor.request.intro')}</p>
      {sentTo ? (
        <div className="stack">
          <div className="alert success" role="status">
            <p>{t('donor.request.sent')}</p>
            <p>{t('donor.request.sentNote')}</p>
          </div>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setSentTo(null);
              reset({ email: '' });
            }}
          >
            {t('donor.request.another')}
          </button>
        </div>
      ) : (
        <form noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
          {banner && (
            <div className="alert error" role="alert">
              {banner}
            </div>
          )}
          <Field label={t('common.email')} error={text(errors.email?.message)}>
            {(props) => <input {...props} {...register('email')} type="email" autoComplete="email" required />}
          </Field>
          <button type="submit" className="button block" disabled={isSubmitting}>
            {t('donor.request.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
