// Donor-facing text in English and Bangla. Bangla must name every key English does (the type enforces it).
// Admin pages are English only.

import { bn as accountBn, en as accountEn } from './account';
import { bn as donorBn, en as donorEn } from './donor';

const coreEn = {
  'app.name': 'CareForAll',
  'app.tagline': 'Give to people in need across Bangladesh',
  'app.skipToContent': 'Skip to content',
  'nav.home': 'Home',
  'nav.campaigns': 'Campaigns',
  'nav.myDonations': 'My donations',
  'nav.myCampaigns': 'My campaigns',
  'nav.admin': 'Admin',
  'nav.signIn': 'Sign in',
  'nav.register': 'Register',
  'nav.signOut': 'Sign out',
  'nav.profile': 'Profile',
  'nav.menu': 'Menu',
  'nav.main': 'Main',
  'nav.language': 'Language',
  'nav.guestHistory': 'Email me my donations',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.error': 'Something went wrong.',
  'common.empty': 'Nothing here yet.',
  'common.previous': 'Previous',
  'common.next': 'Next',
  'common.pageOf': 'Page {page} of {total}',
  'common.notFound': 'We could not find that page.',
  'common.backHome': 'Back to the home page',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.submit': 'Submit',
  'common.email': 'Email',
  'common.password': 'Password',
  'common.optional': '(optional)',
  'footer.note': 'Payments are processed by SSLCommerz: bKash, Nagad, Rocket and cards.',
  'session.expired': 'Your session ended. Sign in again to carry on where you were.',
  'session.required': 'Please sign in to continue.',
} as const;

const coreBn: Record<keyof typeof coreEn, string> = {
  'app.name': 'কেয়ারফরঅল',
  'app.tagline': 'বাংলাদেশজুড়ে অসহায় মানুষের পাশে দাঁড়ান',
  'app.skipToContent': 'মূল অংশে যান',
  'nav.home': 'প্রথম পাতা',
  'nav.campaigns': 'ক্যাম্পেইন',
  'nav.myDonations': 'আমার অনুদান',
  'nav.myCampaigns': 'আমার ক্যাম্পেইন',
  'nav.admin': 'অ্যাডমিন',
  'nav.signIn': 'সাইন ইন',
  'nav.register': 'নিবন্ধন',
  'nav.signOut': 'সাইন আউট',
  'nav.profile': 'প্রোফাইল',
  'nav.menu': 'মেনু',
  'nav.main': 'প্রধান',
  'nav.language': 'ভাষা',
  'nav.guestHistory': 'আমার অনুদানের তালিকা ইমেইলে পাঠান',
  'common.loading': 'লোড হচ্ছে…',
  'common.retry': 'আবার চেষ্টা করুন',
  'common.error': 'কিছু একটা ভুল হয়েছে।',
  'common.empty': 'এখনো কিছু নেই।',
  'common.previous': 'আগের',
  'common.next': 'পরের',
  'common.pageOf': 'পৃষ্ঠা {page} / {total}',
  'common.notFound': 'পাতাটি খুঁজে পাওয়া যায়নি।',
  'common.backHome': 'প্রথম পাতায় ফিরে যান',
  'common.save': 'সংরক্ষণ',
  'common.cancel': 'বাতিল',
  'common.close': 'বন্ধ',
  'common.submit': 'জমা দিন',
  'common.email': 'ইমেইল',
  'common.password': 'পাসওয়ার্ড',
  'common.optional': '(ঐচ্ছিক)',
  'footer.note': 'পেমেন্ট প্রক্রিয়া করে SSLCommerz: বিকাশ, নগদ, রকেট ও কার্ড।',
  'session.expired': 'আপনার সেশন শেষ হয়েছে। যেখানে ছিলেন সেখান থেকে চালিয়ে যেতে আবার সাইন ইন করুন।',
  'session.required': 'চালিয়ে যেতে সাইন ইন করুন।',
};

export const en = { ...coreEn, ...donorEn, ...accountEn };

export type MessageKey = keyof typeof en;

export const bn: Record<MessageKey, string> = { ...coreBn, ...donorBn, ...accountBn };
