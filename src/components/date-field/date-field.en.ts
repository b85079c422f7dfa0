import type { DateFieldMessages } from './date-field.ja.js';

/** English words of `cec-date-field`, loaded only when asked for. */
export const dateFieldEn: DateFieldMessages = {
  formats: 'For example 2027-04-01, 2027/4/1 or 令和9年4月1日 (full-width digits work too)',
  rangeBoth: 'Dates accepted: {{min}} to {{max}} (Japan time)',
  rangeMin: 'Dates accepted: from {{min}} (Japan time)',
  rangeMax: 'Dates accepted: up to {{max}} (Japan time)',
  rangeNone: 'Dates are counted in Japan time.',
  normalised: 'Date entered: {{date}}',
  normalisedWithEra: 'Date entered: {{date}} ({{era}})',
  errors: {
    required: 'Enter {{field}}.',
    dateFormat: 'Enter {{field}} as 2027/4/1, 2027-04-01 or 令和9年4月1日.',
    dateInvalid: '{{field}} is not a real date. Check the month and the day.',
    eraRange: 'The era and year of {{field}} do not match: Reiwa began on 1 May 2019, Heisei ended on 30 April 2019.',
    dateBeforeMin: '{{field}} must be {{min}} or later.',
    dateAfterMax: '{{field}} must be {{max}} or earlier.',
  },
};
