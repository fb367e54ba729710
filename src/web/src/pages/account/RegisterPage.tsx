import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useSearchParams } from 'react-router';
import { Field } from '../../components/form';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { applyServerErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { errorText, fieldMessage } from './messages';
import { returnToQuery, safeReturnTo } from './returnTo';
import { registerFields, registerSchema, toRegisterRequest, type RegisterValues } from './schemas';
import './account.css';

export default function RegisterPage() {
  const { t } = useI18n();
  const { register: createAccount } = useAuth();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const [problem, setProblem] = useState<string | null>(null);
  const [emailTaken, setEmailTaken] = useState<string | null>(null);
  const [registeredAs, setRegisteredAs] = useState<string | null>(null);

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RegisterValues>({
    resolver: zodResolver(registerSchema),
    defaultValues: { email: '', password: '', firstName: '', lastName: '', phone: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    setEmailTaken(null);
    try {
      const user = await createAccount(toRegisterRequest(values));
      setRegisteredAs(user.email);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'EMAIL_TAKEN') {
        setError('email', { type: 'server', message: t('register.emailTaken') });
        setEmailTaken(values.email.trim());
        return;
      }
      if (error instanceof ApiError && error.code === 'VALIDATION_ERROR') {
        const leftover = applyServerErrors(error, setError, registerFields);
        if (leftover) setProblem(leftover);
        return;
      }
      setProblem(errorText(t, error));
    }
  });

  if (registeredAs) return <Registered email={registeredAs} returnTo={returnTo} />;

  const signInLink = `/signin${returnToQuery(returnTo)}`;
  return (
    <section className="page narrow">
      <h1>{t('register.title')}</h1>
      <p className="muted">{t('register.intro')}</p>
      <form className="card acct-form" noValidate onSubmit={onSubmit}>
        <div aria-live="assertive">{problem && <p className="alert error">{problem}</p>}</div>
        <Field label={t('common.email')} error={fieldMessage(t, errors.email?.message)}>
          {(props) => <input {...props} type="email" autoComplete="email" inputMode="email" {...register('email')} />}
        </Field>
        {emailTaken && (
          <p>
            <Link to={signInLink}>{t('register.emailTakenSignIn')}</Link>
          </p>
        )}
        <Field label={t('common.password')} hint={t('register.passwordHint')} error={fieldMessage(t, errors.password?.message)}>
          {(props) => <input {...props} type="password" autoComplete="new-password" {...register('password')} />}
        </Field>
        <Field label={`${t('register.firstName')} ${t('common.optional')}`} error={fieldMessage(t, errors.firstName?.message)}>
          {(props) => <input {...props} type="text" autoComplete="given-name" {...register('firstName')} />}
        </Field>
        <Field label={`${t('register.lastName')} ${t('common.optional')}`} error={fieldMessage(t, errors.lastName?.message)}>
          {(props) => <input {...props} type="text" autoComplete="family-name" {...register('lastName')} />}
        </Field>
        <Field
          label={`${t('register.phone')} ${t('common.optional')}`}
          hint={t('register.phoneHint')}
          error={fieldMessage(t, errors.phone?.message)}
        >
          {(props) => <input {...props} type="tel" autoComplete="tel" inputMode="tel" {...register('phone')} />}
        </Field>
        <button type="submit" className="button block" disabled={isSubmitting}>
          {isSubmitting ? t('register.submitting') : t('register.submit')}
        </button>
      </form>
      <p className="acct-links">
        {t('register.haveAccount')} <Link to={signInLink}>{t('register.signInLink')}</Link>
      </p>
    </section>
  );
}

function Registered({ email, returnTo }: { email: string; returnTo: string }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="page narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('register.doneTitle')}
      </h1>
      <div className="alert success" role="status">
        <p>{t('register.doneBody', { email })}</p>
      </div>
      <p className="muted">{t('register.doneSpam')}</p>
      <p>
        <Link className="button" to={returnTo}>
          {t('register.continue')}
        </Link>
      </p>
    </section>
  );
}
