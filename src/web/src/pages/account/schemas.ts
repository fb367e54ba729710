// The account forms' rules, the same as the identity service's validators (Register, Profile/Update, Login), so a
// person learns of a mistake before sending. Messages are i18n keys; the page translates them.

import { z } from 'zod';
import type { MessageKey } from '../../i18n/messages';

const EMAIL_MAX = 254;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX_BYTES = 72;
const NAME_MAX = 100;
const PHONE_MAX = 20;
const URL_MAX = 2048;
const BIO_MAX = 2000;

// EmailAddress.Shape in CareForAll.ServiceDefaults: one plain address with a dotted domain.
const EMAIL_SHAPE =
  /^[^@\s<>()[\],;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
// ProfileRules.Phone.
const PHONE_SHAPE = /^\+?[0-9][0-9 ()-]{4,19}$/;

const key = (k: MessageKey) => ({ error: k });

export function isEmailAddress(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= EMAIL_MAX && EMAIL_SHAPE.test(trimmed);
}

export function isPhoneNumber(value: string): boolean {
  return value.length <= PHONE_MAX && PHONE_SHAPE.test(value);
}

export function isHttpUrl(value: string, max = URL_MAX): boolean {
  if (value.length > max) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** bcrypt reads 72 bytes of UTF-8: a Bangla letter takes three. */
export function passwordBytes(password: string): number {
  return new TextEncoder().encode(password).length;
}

const email = z
  .string()
  .trim()
  .min(1, { ...key('validation.emailRequired'), abort: true })
  .refine(isEmailAddress, key('validation.emailInvalid'));

const optionalName = (tooLong: MessageKey) => z.string().trim().max(NAME_MAX, key(tooLong));

const optionalPhone = z
  .string()
  .trim()
  .refine((phone) => phone === '' || isPhoneNumber(phone), key('validation.phoneInvalid'));

export const signInSchema = z.object({
  email,
  password: z.string().min(1, key('validation.passwordRequired')),
});
export type SignInValues = z.infer<typeof signInSchema>;

export const registerSchema = z.object({
  email,
  password: z
    .string()
    .min(1, { ...key('validation.passwordRequired'), abort: true })
    .min(PASSWORD_MIN, { ...key('validation.passwordShort'), abort: true })
    .refine((pw) => passwordBytes(pw) <= PASSWORD_MAX_BYTES, key('validation.passwordLong')),
  firstName: optionalName('validation.firstNameLong'),
  lastName: optionalName('validation.lastNameLong'),
  phone: optionalPhone,
});
export type RegisterValues = z.infer<typeof registerSchema>;
export const registerFields = ['email', 'password', 'firstName', 'lastName', 'phone'] as const;

/** The register request: blank optional fields left out (an empty phone would fail the API's phone rule). */
export function toRegisterRequest(values: RegisterValues) {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    email: values.email.trim(),
    password: values.password,
    firstName: optional(values.firstName),
    lastName: optional(values.lastName),
    phone: optional(values.phone),
  };
}

export const profileSchema = z.object({
  firstName: optionalName('validation.firstNameLong'),
  lastName: optionalName('validation.lastNameLong'),
  phone: optionalPhone,
  avatarUrl: z
    .string()
    .trim()
    .refine((url) => url === '' || isHttpUrl(url), key('validation.avatarUrlInvalid')),
  bio: z.string().trim().max(BIO_MAX, key('validation.bioLong')),
});
export type ProfileValues = z.infer<typeof profileSchema>;
export const profileFields = ['firstName', 'lastName', 'phone', 'avatarUrl', 'bio'] as const;

/** PUT /api/auth/profile: every field sent; "" clears it (the API skips its phone and URL rules for ""). */
export function toProfileRequest(values: ProfileValues) {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    phone: values.phone.trim(),
    avatarUrl: values.avatarUrl.trim(),
    bio: values.bio.trim(),
  };
}
