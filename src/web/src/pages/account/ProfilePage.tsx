import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Field } from '../../components/form';
import { ErrorState, Loading } from '../../components/States';
import { api, ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { applyServerErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { errorText, fieldMessage } from './messages';
import { ResendVerification } from './ResendVerification';
import { profileFields, profileSchema, toProfileRequest, type ProfileValues } from './schemas';
import './account.css';

interface Profile {
  id: string;
  email: string;
  role: string;
  emailVerified: boolean;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  avatarUrl: string | null;
  bio: string | null;
  createdAt: string;
  updatedAt: string;
}

const profileKey = ['auth', 'profile'] as const;

export default function ProfilePage() {
  const { t } = useI18n();
  const profile = useQuery({
    queryKey: profileKey,
    queryFn: () => api.get<Profile>('/api/auth/profile'),
    meta: { private: true },
  });

  return (
    <section className="page narrow">
      <h1>{t('profile.title')}</h1>
      {profile.isPending ? (
        <Loading />
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <ProfileDetails profile={profile.data} />
      )}
    </section>
  );
}

function ProfileDetails({ profile }: { profile: Profile }) {
  const { t, date } = useI18n();
  const { user, refreshNow } = useAuth();

  // The database knows first: an address verified elsewhere gets a token that says so, for starting campaigns.
  const tokenIsBehind = profile.emailVerified && user !== null && !user.emailVerified;
  useEffect(() => {
    if (tokenIsBehind) void refreshNow().catch(() => undefined);
  }, [tokenIsBehind, refreshNow]);

  return (
    <>
      {!profile.emailVerified && (
        <div className="alert warning">
          <p>{t('profile.notVerifiedBanner')}</p>
          <ResendVerification />
        </div>
      )}
      <section className="card acct-card" aria-labelledby="profile-account">
        <h2 id="profile-account">{t('profile.account')}</h2>
        <dl className="acct-facts">
          <dt>{t('profile.email')}</dt>
          <dd>{profile.email}</dd>
          <dt>{t('profile.emailStatus')}</dt>
          <dd>
            <span className={profile.emailVerified ? 'badge active' : 'badge pending'}>
              {profile.emailVerified ? t('profile.verified') : t('profile.notVerified')}
            </span>
          </dd>
          <dt>{t('profile.role')}</dt>
          <dd>{profile.role === 'ADMIN' ? t('profile.roleAdmin') : t('profile.roleUser')}</dd>
          <dt>{t('profile.memberSince')}</dt>
          <dd>{date(profile.createdAt)}</dd>
        </dl>
        <p className="muted">{t('profile.cannotChange')}</p>
      </section>
      <h2>{t('profile.details')}</h2>
      <ProfileForm profile={profile} />
    </>
  );
}

function valuesOf(profile: Profile): ProfileValues {
  return {
    firstName: profile.firstName ?? '',
    lastName: profile.lastName ?? '',
    phone: profile.phone ?? '',
    avatarUrl: profile.avatarUrl ?? '',
    bio: profile.bio ?? '',
  };
}

function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<ProfileValues>({ resolver: zodResolver(profileSchema), defaultValues: valuesOf(profile) });

  const save = useMutation({
    mutationFn: (values: ProfileValues) => api.put<Profile>('/api/auth/profile', toProfileRequest(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(profileKey, saved);
      reset(valuesOf(saved));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VALIDATION_ERROR') {
        setProblem(applyServerErrors(error, setError, profileFields));
      } else {
        setProblem(errorText(t, error));
      }
    },
  });

  const onSubmit = handleSubmit((values) => {
    setProblem(null);
    save.mutate(values);
  });

  return (
    <form className="card acct-form" noValidate onSubmit={onSubmit}>
      <div aria-live="polite">
        {problem && <p className="alert error">{problem}</p>}
        {save.isSuccess && !problem && <p className="alert success">{t('profile.saved')}</p>}
      </div>
      <Field label={t('register.firstName')} error={fieldMessage(t, errors.firstName?.message)}>
        {(props) => <input {...props} type="text" autoComplete="given-name" {...register('firstName')} />}
      </Field>
      <Field label={t('register.lastName')} error={fieldMessage(t, errors.lastName?.message)}>
        {(props) => <input {...props} type="text" autoComplete="family-name" {...register('lastName')} />}
      </Field>
      <Field label={t('register.phone')} hint={t('register.phoneHint')} error={fieldMessage(t, errors.phone?.message)}>
        {(props) => <input {...props} type="tel" autoComplete="tel" inputMode="tel" {...register('phone')} />}
      </Field>
      <Field label={t('profile.avatarUrl')} hint={t('profile.avatarUrlHint')} error={fieldMessage(t, errors.avatarUrl?.message)}>
        {(props) => <input {...props} type="url" inputMode="url" {...register('avatarUrl')} />}
      </Field>
      <Field label={t('profile.bio')} hint={t('profile.bioHint')} error={fieldMessage(t, errors.bio?.message)}>
        {(props) => <textarea {...props} rows={4} {...register('bio')} />}
      </Field>
      <button type="submit" className="button block" disabled={save.isPending}>
        {save.isPending ? t('profile.saving') : t('profile.save')}
      </button>
    </form>
  );
}
