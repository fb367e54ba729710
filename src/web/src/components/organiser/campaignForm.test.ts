import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import {
  campaignFieldNames,
  campaignFormSchema,
  dhakaDay,
  EMPTY_CAMPAIGN_FORM,
  endOfDhakaDay,
  formPathOf,
  formValuesOf,
  MESSAGES,
  parseGoalAmount,
  placeCampaignErrors,
  startOfDhakaDay,
  toCreateRequest,
  toUpdateRequest,
  type CampaignFormValues,
} from './campaignForm';
import { ALL_FIELDS, editableFields, type Campaign } from './campaigns';

// 2026-05-02 15:00 in Dhaka.
const NOW = new Date('2026-05-02T09:00:00Z');
const schema = campaignFormSchema(() => NOW);

const valid: CampaignFormValues = {
  ...EMPTY_CAMPAIGN_FORM,
  title: 'Heart surgery for Rina',
  description: 'Rina (9) needs an operation at the National Heart Foundation.',
  campaignType: 'medical',
  goalAmount: '50000',
  endDate: '2026-06-30',
};

function errorsOf(values: Partial<CampaignFormValues>): Record<string, string[]> {
  const result = schema.safeParse({ ...valid, ...values });
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join('.')] ??= []).push(issue.message);
  return errors;
}

describe('campaignFormSchema (campaigns Create.Validator / CampaignRules)', () => {
  it('accepts the required fields alone', () => {
    expect(errorsOf({})).toEqual({});
  });

  it('needs a title of 3 to 255 characters after trimming', () => {
    expect(errorsOf({ title: '' }).title).toEqual([MESSAGES.titleRequired]);
    expect(errorsOf({ title: '   ' }).title).toEqual([MESSAGES.titleRequired]);
    expect(errorsOf({ title: ' ab ' }).title).toEqual([MESSAGES.titleLength]);
    expect(errorsOf({ title: 'abc' })).toEqual({});
    expect(errorsOf({ title: 'x'.repeat(255) })).toEqual({});
    expect(errorsOf({ title: ` ${'x'.repeat(255)} ` })).toEqual({});
    expect(errorsOf({ title: 'x'.repeat(256) }).title).toEqual([MESSAGES.titleLength]);
  });

  it('needs a description of 10 to 10000 characters after trimming', () => {
    expect(errorsOf({ description: '' }).description).toEqual([MESSAGES.descriptionRequired]);
    expect(errorsOf({ description: '  123456789  ' }).description).toEqual([MESSAGES.descriptionLength]);
    expect(errorsOf({ description: '1234567890' })).toEqual({});
    expect(errorsOf({ description: 'x'.repeat(10_000) })).toEqual({});
    expect(errorsOf({ description: 'x'.repeat(10_001) }).description).toEqual([MESSAGES.descriptionLength]);
  });

  it('needs one of the four campaign types, spelled as the API spells them', () => {
    expect(errorsOf({ campaignType: '' }).campaignType).toEqual([MESSAGES.typeRequired]);
    for (const type of ['medical', 'education', 'emergency', 'long_term']) expect(errorsOf({ campaignType: type })).toEqual({});
    expect(errorsOf({ campaignType: 'Medical' }).campaignType).toEqual([MESSAGES.typeUnknown]);
    expect(errorsOf({ campaignType: 'long-term' }).campaignType).toEqual([MESSAGES.typeUnknown]);
  });

  it('needs a goal above 0, at most 9999999999999.99, with at most 2 decimals', () => {
    expect(errorsOf({ goalAmount: '' }).goalAmount).toEqual([MESSAGES.goalRequired]);
    expect(errorsOf({ goalAmount: 'fifty' }).goalAmount).toEqual([MESSAGES.goalNotNumber]);
    expect(errorsOf({ goalAmount: '-5' }).goalAmount).toEqual([MESSAGES.goalNotNumber]);
    expect(errorsOf({ goalAmount: '1e5' }).goalAmount).toEqual([MESSAGES.goalNotNumber]);
    expect(errorsOf({ goalAmount: '0' }).goalAmount).toEqual([MESSAGES.goalPositive]);
    expect(errorsOf({ goalAmount: '0.00' }).goalAmount).toEqual([MESSAGES.goalPositive]);
    expect(errorsOf({ goalAmount: '0.01' })).toEqual({});
    expect(errorsOf({ goalAmount: '100.123' }).goalAmount).toEqual([MESSAGES.goalDecimals]);
    expect(errorsOf({ goalAmount: '100.120' })).toEqual({});
    expect(errorsOf({ goalAmount: '9999999999999.99' })).toEqual({});
    expect(errorsOf({ goalAmount: '10000000000000' }).goalAmount).toEqual([MESSAGES.goalTooLarge]);
    expect(errorsOf({ goalAmount: '9999999999999.991' }).goalAmount).toEqual([MESSAGES.goalDecimals]);
  });

  it('reads goals as people type them', () => {
    expect(parseGoalAmount('50,000.50')).toMatchObject({ ok: true, value: 50000.5 });
    expect(parseGoalAmount('৳ ৫০,০০০')).toMatchObject({ ok: true, value: 50000 });
    expect(parseGoalAmount(' 1 500 ')).toMatchObject({ ok: true, value: 1500 });
    expect(parseGoalAmount('9999999999999.99')).toMatchObject({ ok: true, value: 9999999999999.99, paisa: 999999999999999n });
  });

  it('takes an optional start date that must be a real day', () => {
    expect(errorsOf({ startDate: '' })).toEqual({});
    expect(errorsOf({ startDate: '2026-05-01' })).toEqual({});
    expect(errorsOf({ startDate: '2026-02-30' }).startDate).toEqual([MESSAGES.startDateInvalid]);
    expect(errorsOf({ startDate: 'tomorrow' }).startDate).toEqual([MESSAGES.startDateInvalid]);
  });

  it('needs an end date in the future and at most 5 years ahead', () => {
    expect(errorsOf({ endDate: '' }).endDate).toEqual([MESSAGES.endDateRequired]);
    expect(errorsOf({ endDate: '30/06/2026' }).endDate).toEqual([MESSAGES.endDateInvalid]);
    expect(errorsOf({ endDate: '2026-05-01' }).endDate).toEqual([MESSAGES.endDateRange]);
    // Today in Dhaka still has hours left: the campaign runs to 23:59:59.
    expect(errorsOf({ endDate: '2026-05-02' })).toEqual({});
    // NOW + 1825 days is 2031-05-01 09:00Z; the end of 2031-04-30 in Dhaka is inside, the end of 2031-05-01 is not.
    expect(errorsOf({ endDate: '2031-04-30' })).toEqual({});
    expect(errorsOf({ endDate: '2031-05-01' }).endDate).toEqual([MESSAGES.endDateRange]);
  });

  it('needs the end date after the start date', () => {
    expect(errorsOf({ startDate: '2026-07-01', endDate: '2026-06-30' }).endDate).toEqual([MESSAGES.endDateAfterStart]);
    expect(errorsOf({ startDate: '2026-06-30', endDate: '2026-06-30' })).toEqual({});
  });

  it('limits the beneficiary fields after trimming', () => {
    expect(errorsOf({ beneficiaryName: 'x'.repeat(255), beneficiaryDetails: 'x'.repeat(5000) })).toEqual({});
    expect(errorsOf({ beneficiaryName: ` ${'x'.repeat(255)} ` })).toEqual({});
    expect(errorsOf({ beneficiaryName: 'x'.repeat(256) }).beneficiaryName).toEqual([MESSAGES.beneficiaryNameLength]);
    expect(errorsOf({ beneficiaryDetails: 'x'.repeat(5001) }).beneficiaryDetails).toEqual([MESSAGES.beneficiaryDetailsLength]);
  });

  it('takes an optional absolute http(s) image URL of at most 2048 characters', () => {
    expect(errorsOf({ imageUrl: '' })).toEqual({});
    expect(errorsOf({ imageUrl: 'https://example.org/rina.jpg' })).toEqual({});
    expect(errorsOf({ imageUrl: 'http://example.org/rina.jpg' })).toEqual({});
    for (const imageUrl of ['example.org/rina.jpg', '/rina.jpg', 'ftp://example.org/rina.jpg', 'data:image/png;base64,AAAA', 'https://']) {
      expect(errorsOf({ imageUrl }).imageUrl, imageUrl).toEqual([MESSAGES.imageUrl]);
    }
    const base = 'https://example.org/';
    expect(errorsOf({ imageUrl: base + 'a'.repeat(2048 - base.length) })).toEqual({});
    expect(errorsOf({ imageUrl: base + 'a'.repeat(2049 - base.length) }).imageUrl).toEqual([MESSAGES.imageUrl]);
  });

  it('takes up to 10 documents, each with a name of at most 200 characters and an http(s) URL', () => {
    const doc = { name: 'Hospital estimate', url: 'https://example.org/estimate.pdf' };
    expect(errorsOf({ documents: Array.from({ length: 10 }, () => doc) })).toEqual({});
    expect(errorsOf({ documents: Array.from({ length: 11 }, () => doc) }).documents).toEqual([MESSAGES.tooManyDocuments]);
    expect(errorsOf({ documents: [{ ...doc, name: '  ' }] })['documents.0.name']).toEqual([MESSAGES.documentName]);
    expect(errorsOf({ documents: [{ ...doc, name: 'x'.repeat(200) }] })).toEqual({});
    expect(errorsOf({ documents: [doc, { ...doc, name: 'x'.repeat(201) }] })['documents.1.name']).toEqual([MESSAGES.documentName]);
    expect(errorsOf({ documents: [{ ...doc, url: '' }] })['documents.0.url']).toEqual([MESSAGES.documentUrl]);
    expect(errorsOf({ documents: [{ ...doc, url: 'estimate.pdf' }] })['documents.0.url']).toEqual([MESSAGES.documentUrl]);
  });
});

describe('Dhaka days', () => {
  it('turns a day into its first and last second in Dhaka', () => {
    expect(startOfDhakaDay('2026-06-30').toISOString()).toBe('2026-06-29T18:00:00.000Z');
    expect(endOfDhakaDay('2026-06-30').toISOString()).toBe('2026-06-30T17:59:59.000Z');
  });

  it('names the Dhaka day of an instant', () => {
    expect(dhakaDay('2026-06-30T17:59:59Z')).toBe('2026-06-30');
    expect(dhakaDay('2026-06-30T18:00:00Z')).toBe('2026-07-01');
    expect(dhakaDay(null)).toBe('');
  });
});

const campaign: Campaign = {
  id: 'c1',
  title: 'Heart surgery for Rina',
  description: 'Rina (9) needs an operation at the National Heart Foundation.',
  campaignType: 'medical',
  goalAmount: 50000,
  currentAmount: 0,
  currency: 'BDT',
  startDate: '2026-05-02T09:15:12.345+00:00',
  endDate: '2026-06-30T17:59:59+00:00',
  status: 'draft',
  organizerId: 'u1',
  beneficiaryName: 'Rina Akter',
  beneficiaryDetails: null,
  imageUrl: null,
  documents: [{ name: 'Estimate', url: 'https://example.org/e.pdf' }],
  goalReachedAt: null,
  closedAt: null,
  cancelReason: null,
  createdAt: '2026-05-02T09:15:12.345+00:00',
  updatedAt: '2026-05-02T09:15:12.345+00:00',
};

describe('request bodies', () => {
  it('creates with numbers, instants, BDT, and without blank optional fields', () => {
    expect(
      toCreateRequest({
        ...valid,
        title: '  Heart surgery for Rina ',
        goalAmount: '৫০,০০০.৫০',
        startDate: '2026-05-03',
        beneficiaryName: '  ',
        documents: [{ name: ' Estimate ', url: ' https://example.org/e.pdf ' }],
      }),
    ).toEqual({
      title: 'Heart surgery for Rina',
      description: valid.description,
      campaignType: 'medical',
      goalAmount: 50000.5,
      currency: 'BDT',
      startDate: '2026-05-02T18:00:00.000Z',
      endDate: '2026-06-30T17:59:59.000Z',
      beneficiaryName: undefined,
      beneficiaryDetails: undefined,
      imageUrl: undefined,
      documents: [{ name: 'Estimate', url: 'https://example.org/e.pdf' }],
    });
    expect(toCreateRequest(valid).startDate).toBeUndefined();
  });

  it('starts the editor from the campaign, dates as Dhaka days', () => {
    expect(formValuesOf(campaign)).toEqual({
      title: campaign.title,
      description: campaign.description,
      campaignType: 'medical',
      goalAmount: '50000',
      startDate: '2026-05-02',
      endDate: '2026-06-30',
      beneficiaryName: 'Rina Akter',
      beneficiaryDetails: '',
      imageUrl: '',
      documents: [{ name: 'Estimate', url: 'https://example.org/e.pdf' }],
    });
  });

  it('updates nothing when nothing changed', () => {
    const initial = formValuesOf(campaign);
    expect(toUpdateRequest(initial, initial, ALL_FIELDS)).toEqual({});
    expect(toUpdateRequest({ ...initial, goalAmount: '50,000.00', title: ` ${initial.title} ` }, initial, ALL_FIELDS)).toEqual({});
  });

  it('sends only what changed, clearing blanks with ""', () => {
    const initial = formValuesOf(campaign);
    expect(
      toUpdateRequest(
        { ...initial, goalAmount: '60000', beneficiaryName: '', endDate: '2026-07-31', imageUrl: 'https://example.org/r.jpg', documents: [] },
        initial,
        ALL_FIELDS,
      ),
    ).toEqual({
      goalAmount: 60000,
      beneficiaryName: '',
      endDate: '2026-07-31T17:59:59.000Z',
      imageUrl: 'https://example.org/r.jpg',
      documents: [],
    });
  });

  it('keeps the stored start date when the box is emptied (the API cannot unset it)', () => {
    const initial = formValuesOf(campaign);
    expect(toUpdateRequest({ ...initial, startDate: '' }, initial, ALL_FIELDS)).toEqual({});
    expect(toUpdateRequest({ ...initial, startDate: '2026-05-10' }, initial, ALL_FIELDS)).toEqual({ startDate: '2026-05-09T18:00:00.000Z' });
  });

  it('never sends an active campaign its fixed terms', () => {
    const initial = formValuesOf({ ...campaign, status: 'active' });
    const changed = { ...initial, title: 'New title', goalAmount: '1', campaignType: 'emergency', beneficiaryName: 'X', startDate: '2026-05-20' };
    expect(toUpdateRequest(changed, initial, editableFields('active'))).toEqual({ title: 'New title' });
    expect(toUpdateRequest(changed, initial, editableFields('completed'))).toEqual({});
  });
});

describe('editableFields (CampaignEditRules)', () => {
  it('opens every field of a draft, the story and end date of an active campaign, nothing once closed', () => {
    expect(editableFields('draft')).toEqual(ALL_FIELDS);
    expect([...editableFields('active')].sort()).toEqual(['description', 'documents', 'endDate', 'imageUrl', 'title']);
    for (const status of ['completed', 'expired', 'cancelled']) expect(editableFields(status)).toEqual([]);
  });
});

describe('placeCampaignErrors', () => {
  const validation = (details: Record<string, string[]>) => new ApiError(400, 'VALIDATION_ERROR', 'One or more fields are invalid.', details);

  it('puts each field message next to its field, documents included', () => {
    const setError = vi.fn();
    const banner = placeCampaignErrors(
      validation({
        title: ['Title must be between 3 and 255 characters.'],
        goalAmount: ['Goal amount is required.'],
        'documents[1].url': ['Document URL must be an absolute http(s) URL of at most 2048 characters.'],
        EndDate: ['End date must be after the start date.'],
      }),
      setError,
      2,
    );
    expect(banner).toBeNull();
    expect(setError).toHaveBeenCalledWith('title', { type: 'server', message: 'Title must be between 3 and 255 characters.' });
    expect(setError).toHaveBeenCalledWith('goalAmount', { type: 'server', message: 'Goal amount is required.' });
    expect(setError).toHaveBeenCalledWith('documents.1.url', { type: 'server', message: 'Document URL must be an absolute http(s) URL of at most 2048 characters.' });
    expect(setError).toHaveBeenCalledWith('endDate', { type: 'server', message: 'End date must be after the start date.' });
  });

  it('answers what no field takes for the banner', () => {
    const setError = vi.fn();
    const banner = placeCampaignErrors(validation({ currency: ['Currency must be BDT.'], serializerErrors: ['Bad JSON.'] }), setError, 0);
    expect(banner).toBe('Currency must be BDT. Bad JSON.');
    expect(setError).not.toHaveBeenCalled();
  });

  it('does not place a message on a document row the form does not have', () => {
    const setError = vi.fn();
    expect(placeCampaignErrors(validation({ 'documents[3].name': ['Document name is required.'] }), setError, 1)).toBe('Document name is required.');
  });

  it('marks the terms an active campaign cannot change', () => {
    const setError = vi.fn();
    const error = new ApiError(409, 'CAMPAIGN_TERMS_FIXED', "An active campaign's goal, type, beneficiary and start date cannot change.", {
      fields: ['goalAmount', 'startDate'],
    });
    expect(placeCampaignErrors(error, setError, 0)).toBe(error.message);
    expect(setError).toHaveBeenCalledWith('goalAmount', { type: 'server', message: MESSAGES.termsFixed });
    expect(setError).toHaveBeenCalledWith('startDate', { type: 'server', message: MESSAGES.termsFixed });
  });

  it('passes other errors on as text', () => {
    const setError = vi.fn();
    expect(placeCampaignErrors(new ApiError(409, 'CAMPAIGN_CLOSED', 'This campaign is closed.', { status: 'completed' }), setError, 0)).toBe(
      'This campaign is closed.',
    );
    expect(placeCampaignErrors(new ApiError(0, 'NETWORK_ERROR', 'x'), setError, 0)).toMatch(/connection failed/);
    expect(setError).not.toHaveBeenCalled();
  });

  it('maps the API keys to form paths', () => {
    expect(formPathOf('documents[0].name')).toBe('documents.0.name');
    expect(formPathOf('title')).toBe('title');
    expect(campaignFieldNames(1)).toContain('documents.0.url');
  });
});
