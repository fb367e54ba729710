import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Field } from '../../components/form';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { applyServerErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { errorText, fieldMessage } from './messages';
import { returnToQuery, safeReturnTo } from './returnTo';
import { signInSchema, type SignInValues } from './schemas';
import './account.css';

export default function SignInPage() {
  const { t } = useI18n();
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const reason = params.get('reason');
  const [problem, setProblem] = useState<string | null>(null);

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await signIn(values.email, values.password);
      navigate(returnTo, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION_ERROR') {
        const leftover = applyServerErrors(error, setError, ['email', 'password']);
        if (leftover) setProblem(leftover);
        return;
      }
      setProblem(errorText(t, error, { RATE_LIMITED: 'signin.error.rateLimited' }));
    }
  });

  return (
    <section className="page narrow">
      <h1>{t('signin.title')}</h1>
      {reason === 'expired' && <p className="alert warning">{t('session.expired')}</p>}
      {reason === 'required' && <p className="alert info">{t('session.required')}</p>}
      {user && (
        <div className="alert info">
          <p>{t('signin.already', { email: user.email })}</p>
          <Link to={returnTo}>{t('signin.continue')}</Link>
        </div>
      )}
      <form className="card acct-form" noValidate onSubmit={onSubmit}>
        <div aria-live="assertive">{problem && <p className="alert error">{problem}</p>}</div>
        <Field label={t('common.email')} error={fieldMessage(t, errors.email?.message)}>
          {(props) => <input {...props} type="email" autoComplete="email" inputMode="email" {...register('email')} />}
        </Field>
        <Field label={t('common.password')} error={fieldMessage(t, errors.password?.message)}>
          {(props) => <input {...props} type="password" autoComplete="current-password" {...register('password')} />}
        </Field>
        <button type="submit" className="button block" disabled={isSubmitting}>
          {isSubmitting ? t('signin.submitting') : t('signin.submit')}
        </button>
      </form>
      <p className="acct-links">
        {t('signin.noAccount')} <Link to={`/register${returnToQuery(returnTo)}`}>{t('signin.registerLink')}</Link>
      </p>
    </section>
  );
}
