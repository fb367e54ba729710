import { useEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm, type FieldError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { Field } from '../form';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { formatDate, formatMoney } from '../../lib/format';
import { ResendVerification } from '../../pages/account/ResendVerification';
import {
  campaignFormSchema,
  EMPTY_CAMPAIGN_FORM,
  formValuesOf,
  MAX_DOCUMENTS,
  placeCampaignErrors,
  toCreateRequest,
  toUpdateRequest,
  type CampaignFormValues,
} from './campaignForm';
import { ALL_FIELDS, CAMPAIGN_TYPE_LABELS, CAMPAIGN_TYPES, editableFields, organiserApi, type Campaign, type EditableField } from './campaigns';
import { clearUnsent, createKeyFor, differs, loadUnsent, saveUnsent, unsentKey, type UnsentForm } from './unsentForm';
import { organiserKeys } from './queries';
import './organiser.css';

type Intent = 'draft' | 'submit';

/** The editor of a new campaign (no `campaign`) or of an existing one in a status the organiser may edit. */
export function CampaignEditor({ campaign, justSaved = false }: { campaign?: Campaign; justSaved?: boolean }) {
  const { user, refreshNow } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const storage = window.sessionStorage;
  const storageKey = unsentKey(user?.id ?? 'anonymous', campaign?.id);
  const editable = campaign ? editableFields(campaign.status) : ALL_FIELDS;
  const isDraft = !campaign || campaign.status === 'draft';
  const initial = useMemo(() => (campaign ? formValuesOf(campaign) : EMPTY_CAMPAIGN_FORM), [campaign]);

  // What was typed and not saved before the session ended (or the tab reloaded) comes back.
  const [restored] = useState<UnsentForm | null>(() => {
    const unsent = loadUnsent(storage, storageKey, Date.now());
    return unsent && differs(unsent.values, initial) ? unsent : null;
  });
  const [showRestored, setShowRestored] = useState(restored !== null);
  const createAttempt = useRef<UnsentForm['createAttempt']>(restored?.createAttempt);
  const intent = useRef<Intent>('draft');
  const [problem, setProblem] = useState<string | null>(null);
  const [notVerified, setNotVerified] = useState(false);
  const [savedNotice, setSavedNotice] = useState<string | null>(justSaved ? DRAFT_SAVED : null);

  const schema = useMemo(() => campaignFormSchema(), []);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    subscribe,
    formState: { errors, isSubmitting },
  } = useForm<CampaignFormValues>({
    resolver: zodResolver(schema),
    defaultValues: restored?.values ?? initial,
    mode: 'onTouched',
  });
  const documents = useFieldArray({ control, name: 'documents' });

  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          if (differs(values, initial)) keepUnsent(storage, storageKey, values, createAttempt.current);
          else clearUnsent(storage, storageKey);
        },
      }),
    [subscribe, initial, storage, storageKey],
  );

  const needsVerification = !campaign && user !== null && user.role !== 'ADMIN' && !user.emailVerified;

  const save = async (values: CampaignFormValues) => {
    setProblem(null);
    setNotVerified(false);
    setSavedNotice(null);
    try {
      let saved: Campaign;
      if (!campaign) {
        const body = toCreateRequest(values);
        const json = JSON.stringify(body);
        // A retry of the same create (lost answer, double tap, sign-in in between) makes one draft, not two.
        const key = createKeyFor(createAttempt.current, json, () => crypto.randomUUID());
        createAttempt.current = { key, body: json };
        keepUnsent(storage, storageKey, values, createAttempt.current);
        saved = await organiserApi.create(body, key);
      } else {
        const body = toUpdateRequest(values, initial, editable);
        saved = Object.keys(body).length === 0 ? campaign : await organiserApi.update(campaign.id, body);
      }
      clearUnsent(storage, storageKey);
      createAttempt.current = undefined;
      setShowRestored(false);
      queryClient.setQueryData(organiserKeys.campaign(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: organiserKeys.mine() });
      if (intent.current === 'submit') {
        navigate(`/me/campaigns/${saved.id}`, { state: { notice: 'submitted' } });
      } else if (!campaign) {
        navigate(`/me/campaigns/${saved.id}/edit`, { replace: true, state: { notice: 'saved' } });
      } else {
        reset(formValuesOf(saved));
        setSavedNotice(isDraft ? DRAFT_SAVED : 'Your changes are saved.');
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'EMAIL_NOT_VERIFIED') {
        setNotVerified(true);
        return;
      }
      setProblem(placeCampaignErrors(error, setError, values.documents.length));
    }
  };

  const open = (field: EditableField) => editable.includes(field);
  const fieldError = (error: FieldError | undefined) => error?.message;
  const documentsError = errors.documents?.message ?? errors.documents?.root?.message;

  return (
    <form className="org-editor" noValidate onSubmit={(event) => void handleSubmit(save)(event)}>
      {showRestored && (
        <div className="alert info">
          <p>We kept the changes you had not saved yet. Save them, or discard them to start from the saved version.</p>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              clearUnsent(storage, storageKey);
              createAttempt.current = undefined;
              reset(initial);
              setShowRestored(false);
            }}
          >
            Discard unsaved changes
          </button>
        </div>
      )}
      {(needsVerification || notVerified) && (
        <div className={notVerified ? 'alert error' : 'alert warning'} role={notVerified ? 'alert' : undefined}>
          <p>
            <strong>Verify your email address to save a campaign.</strong> Open the link we emailed to {user?.email}, or send a new one.
            What you type here is kept in this tab meanwhile.
          </p>
          <ResendVerification />
          <p>
            Verified already?{' '}
            <button
              type="button"
              className="link-button org-inline-link"
              onClick={() => {
                void refreshNow().then(() => setNotVerified(false));
              }}
            >
              Check again
            </button>
          </p>
        </div>
      )}
      <div aria-live="polite">
        {savedNotice && <p className="alert success">{savedNotice}</p>}
        {problem && (
          <p className="alert error" role="alert">
            {problem}
          </p>
        )}
      </div>

      {campaign && campaign.status === 'active' && <FixedTerms campaign={campaign} />}

      <Field label="Title" error={fieldError(errors.title)}>
        {(props) => <input {...props} type="text" maxLength={300} {...register('title')} />}
      </Field>
      <Field
        label="Description"
        hint="Tell donors who needs help, why, and how the money will be used (at least 10 characters)."
        error={fieldError(errors.description)}
      >
        {(props) => <textarea {...props} rows={8} {...register('description')} />}
      </Field>

      {open('campaignType') && (
        <Field label="Campaign type" error={fieldError(errors.campaignType)}>
          {(props) => (
            <select {...props} {...register('campaignType')}>
              <option value="">Choose a type</option>
              {CAMPAIGN_TYPES.map((type) => (
                <option key={type} value={type}>
                  {CAMPAIGN_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {open('goalAmount') && (
        <Field label="Goal amount (৳)" hint="In Bangladeshi taka (BDT), for example 50000 or 50,000.50." error={fieldError(errors.goalAmount)}>
          {(props) => <input {...props} type="text" inputMode="decimal" autoComplete="off" {...register('goalAmount')} />}
        </Field>
      )}
      {open('startDate') && (
        <Field
          label="Start date"
          hint={campaign ? 'The day donations may start (Dhaka time).' : 'Optional: leave it empty to start today (Dhaka time).'}
          error={fieldError(errors.startDate)}
        >
          {(props) => <input {...props} type="date" {...register('startDate')} />}
        </Field>
      )}
      <Field
        label="End date"
        hint="The campaign takes donations until the end of this day (Dhaka time), at most 5 years ahead."
        error={fieldError(errors.endDate)}
      >
        {(props) => <input {...props} type="date" {...register('endDate')} />}
      </Field>
      {open('beneficiaryName') && (
        <Field label="Beneficiary name" hint="Optional: who the money is for." error={fieldError(errors.beneficiaryName)}>
          {(props) => <input {...props} type="text" {...register('beneficiaryName')} />}
        </Field>
      )}
      {open('beneficiaryDetails') && (
        <Field
          label="Beneficiary details"
          hint="Optional: their situation, place, hospital or school — what helps donors trust the campaign."
          error={fieldError(errors.beneficiaryDetails)}
        >
          {(props) => <textarea {...props} rows={4} {...register('beneficiaryDetails')} />}
        </Field>
      )}
      <Field label="Image URL" hint="Optional: a link to a picture (https://…). Pictures cannot be uploaded yet." error={fieldError(errors.imageUrl)}>
        {(props) => <input {...props} type="url" inputMode="url" {...register('imageUrl')} />}
      </Field>

      <fieldset>
        <legend>Supporting documents</legend>
        <p className="muted">Optional: up to {MAX_DOCUMENTS} links to documents such as a hospital estimate or an admission letter.</p>
        {documentsError && <p className="field-error">{documentsError}</p>}
        {documents.fields.map((row, index) => (
          <div key={row.id} className="org-document-row">
            <Field label={`Document ${index + 1} name`} error={fieldError(errors.documents?.[index]?.name)}>
              {(props) => <input {...props} type="text" {...register(`documents.${index}.name`)} />}
            </Field>
            <Field label={`Document ${index + 1} URL`} error={fieldError(errors.documents?.[index]?.url)}>
              {(props) => <input {...props} type="url" inputMode="url" {...register(`documents.${index}.url`)} />}
            </Field>
            <button type="button" className="button secondary" onClick={() => documents.remove(index)}>
              Remove document {index + 1}
            </button>
          </div>
        ))}
        <p>
          <button
            type="button"
            className="button secondary"
            disabled={documents.fields.length >= MAX_DOCUMENTS}
            onClick={() => documents.append({ name: '', url: '' })}
          >
            Add a document
          </button>
        </p>
      </fieldset>

      {isDraft && (
        <p className="muted">
          Every saved draft goes to the admins’ approval queue. You can keep editing it until an admin approves it; then it goes live.
        </p>
      )}
      <div className="org-editor-buttons">
        {isDraft ? (
          <>
            <button type="submit" className="button secondary" disabled={isSubmitting} onClick={() => (intent.current = 'draft')}>
              Save draft
            </button>
            <button type="submit" className="button" disabled={isSubmitting} onClick={() => (intent.current = 'submit')}>
              Submit for approval
            </button>
          </>
        ) : (
          <button type="submit" className="button" disabled={isSubmitting} onClick={() => (intent.current = 'draft')}>
            Save changes
          </button>
        )}
        <Link className="button secondary" to={campaign ? `/me/campaigns/${campaign.id}` : '/me/campaigns'}>
          Cancel
        </Link>
      </div>
      {isSubmitting && (
        <p className="muted" role="status">
          Saving…
        </p>
      )}
    </form>
  );
}

function keepUnsent(storage: Storage, key: string, values: CampaignFormValues, createAttempt: UnsentForm['createAttempt']): void {
  saveUnsent(storage, key, { values, savedAt: Date.now(), createAttempt });
}

const DRAFT_SAVED = 'Draft saved. An admin can already see it in the approval queue; you can keep editing until it is approved.';

/** An active campaign's terms, shown but not editable: donors gave against them. */
function FixedTerms({ campaign }: { campaign: Campaign }) {
  return (
    <section className="card org-card" aria-labelledby="fixed-terms">
      <h2 id="fixed-terms">Fixed while the campaign is active</h2>
      <p className="muted">People have given against these terms, so they can no longer change.</p>
      <dl className="org-facts">
        <dt>Campaign type</dt>
        <dd>{CAMPAIGN_TYPE_LABELS[campaign.campaignType as keyof typeof CAMPAIGN_TYPE_LABELS] ?? campaign.campaignType}</dd>
        <dt>Goal amount (৳)</dt>
        <dd>{formatMoney(campaign.goalAmount, campaign.currency)}</dd>
        <dt>Start date</dt>
        <dd>{formatDate(campaign.startDate)}</dd>
        <dt>Beneficiary name</dt>
        <dd>{campaign.beneficiaryName ?? '—'}</dd>
        <dt>Beneficiary details</dt>
        <dd>{campaign.beneficiaryDetails ?? '—'}</dd>
      </dl>
    </section>
  );
}
