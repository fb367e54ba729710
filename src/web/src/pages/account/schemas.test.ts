import { describe, expect, it } from 'vitest';
import { isEmailAddress, isHttpUrl, isPhoneNumber, passwordBytes, profileSchema, registerSchema, signInSchema, toProfileRequest, toRegisterRequest } from './schemas';

const valid = { email: 'rahim@example.com', password: 'correct horse', firstName: '', lastName: '', phone: '' };

function errorsOf(schema: typeof registerSchema | typeof profileSchema | typeof signInSchema, value: unknown): Record<string, string[]> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join('.')] ??= []).push(issue.message);
  return errors;
}

describe('registerSchema (identity Register.Validator)', () => {
  it('accepts an email and a password alone', () => {
    expect(errorsOf(registerSchema, valid)).toEqual({});
  });

  it('needs an email, one plain address with a dotted domain', () => {
    expect(errorsOf(registerSchema, { ...valid, email: '' }).email).toEqual(['validation.emailRequired']);
    expect(errorsOf(registerSchema, { ...valid, email: '   ' }).email).toEqual(['validation.emailRequired']);
    for (const email of ['rahim', 'rahim@', 'rahim@localhost', 'Rahim <rahim@example.com>', 'a b@example.com', 'a@-x.com', 'a@x..com']) {
      expect(errorsOf(registerSchema, { ...valid, email }).email, email).toEqual(['validation.emailInvalid']);
    }
    expect(errorsOf(registerSchema, { ...valid, email: '  Rahim.K+cfa@Mail.Example.com.bd ' })).toEqual({});
  });

  it('limits the email to 254 characters', () => {
    const local = 'a'.repeat(64);
    const domain = `${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.`;
    const fits = `${local}@${domain}${'e'.repeat(254 - local.length - 1 - domain.length)}`;
    expect(fits).toHaveLength(254);
    expect(isEmailAddress(fits)).toBe(true);
    expect(isEmailAddress(`${fits}e`)).toBe(false);
  });

  it('needs a password of at least 8 characters and at most 72 bytes', () => {
    expect(errorsOf(registerSchema, { ...valid, password: '' }).password).toEqual(['validation.passwordRequired']);
    expect(errorsOf(registerSchema, { ...valid, password: '1234567' }).password).toEqual(['validation.passwordShort']);
    expect(errorsOf(registerSchema, { ...valid, password: '12345678' })).toEqual({});
    expect(errorsOf(registerSchema, { ...valid, password: 'x'.repeat(72) })).toEqual({});
    expect(errorsOf(registerSchema, { ...valid, password: 'x'.repeat(73) }).password).toEqual(['validation.passwordLong']);
    // A Bangla letter is three bytes: 24 fit, 25 do not.
    expect(passwordBytes('ক')).toBe(3);
    expect(errorsOf(registerSchema, { ...valid, password: 'ক'.repeat(24) })).toEqual({});
    expect(errorsOf(registerSchema, { ...valid, password: 'ক'.repeat(25) }).password).toEqual(['validation.passwordLong']);
  });

  it('does not trim the password (the API keeps spaces)', () => {
    expect(errorsOf(registerSchema, { ...valid, password: '   abc   ' })).toEqual({});
  });

  it('limits names to 100 characters', () => {
    expect(errorsOf(registerSchema, { ...valid, firstName: 'ক'.repeat(100), lastName: 'L'.repeat(100) })).toEqual({});
    expect(errorsOf(registerSchema, { ...valid, firstName: 'F'.repeat(101) }).firstName).toEqual(['validation.firstNameLong']);
    expect(errorsOf(registerSchema, { ...valid, lastName: 'L'.repeat(101) }).lastName).toEqual(['validation.lastNameLong']);
  });

  it('takes an optional phone number as the API does', () => {
    for (const phone of ['+8801712345678', '01712345678', '+880 1712-345678', '02 (987) 6543', '12345']) {
      expect(errorsOf(registerSchema, { ...valid, phone }), phone).toEqual({});
    }
    for (const phone of ['1234', '+', '(02) 9876543', 'abc12345', '017-ABC-345', '-01712345678', '+880 1712 345 678 9012', '১৭১২৩৪৫৬৭৮']) {
      expect(errorsOf(registerSchema, { ...valid, phone }).phone, phone).toEqual(['validation.phoneInvalid']);
    }
    expect(isPhoneNumber('1'.repeat(20))).toBe(true);
    expect(isPhoneNumber('1'.repeat(21))).toBe(false);
  });

  it('leaves blank optional fields out of the request and trims the rest', () => {
    expect(toRegisterRequest({ ...valid, email: ' rahim@example.com ', firstName: ' Rahim ', phone: '  ' })).toEqual({
      email: 'rahim@example.com',
      password: 'correct horse',
      firstName: 'Rahim',
      lastName: undefined,
      phone: undefined,
    });
  });
});

describe('signInSchema', () => {
  it('needs an address and a password', () => {
    expect(errorsOf(signInSchema, { email: '', password: '' })).toEqual({
      email: ['validation.emailRequired'],
      password: ['validation.passwordRequired'],
    });
    expect(errorsOf(signInSchema, { email: 'rahim@example.com', password: 'x' })).toEqual({});
  });
});

describe('profileSchema (identity Profile/Update.Validator)', () => {
  const profile = { firstName: '', lastName: '', phone: '', avatarUrl: '', bio: '' };

  it('accepts blanks, which clear a field', () => {
    expect(errorsOf(profileSchema, profile)).toEqual({});
  });

  it('checks each field', () => {
    expect(errorsOf(profileSchema, { ...profile, firstName: 'x'.repeat(101) }).firstName).toEqual(['validation.firstNameLong']);
    expect(errorsOf(profileSchema, { ...profile, phone: 'call me' }).phone).toEqual(['validation.phoneInvalid']);
    expect(errorsOf(profileSchema, { ...profile, avatarUrl: 'ftp://x.example/a.png' }).avatarUrl).toEqual(['validation.avatarUrlInvalid']);
    expect(errorsOf(profileSchema, { ...profile, avatarUrl: '/me.png' }).avatarUrl).toEqual(['validation.avatarUrlInvalid']);
    expect(errorsOf(profileSchema, { ...profile, avatarUrl: 'https://x.example/me.png' })).toEqual({});
    expect(errorsOf(profileSchema, { ...profile, bio: 'x'.repeat(2000) })).toEqual({});
    expect(errorsOf(profileSchema, { ...profile, bio: 'x'.repeat(2001) }).bio).toEqual(['validation.bioLong']);
  });

  it('sends every field, blanks as "" so they clear', () => {
    expect(toProfileRequest({ ...profile, firstName: ' Karim ', bio: ' hi ' })).toEqual({ firstName: 'Karim', lastName: '', phone: '', avatarUrl: '', bio: 'hi' });
  });

  it('limits URLs to 2048 characters', () => {
    const base = 'https://x.example/';
    expect(isHttpUrl(base + 'a'.repeat(2048 - base.length))).toBe(true);
    expect(isHttpUrl(base + 'a'.repeat(2049 - base.length))).toBe(false);
  });
});
