/**
 * Japanese words of `cec-date-field`, added under `dateField` to the translator the field speaks with
 * (`date-field.resources.ts`), never part of `ja.ts`.
 */
export const dateFieldJa = {
  formats: '例：2027-04-01、2027/4/1、令和9年4月1日（全角数字も使えます）',
  rangeBoth: '指定できる日付：{{min}}から{{max}}まで（日本時間）',
  rangeMin: '指定できる日付：{{min}}以降（日本時間）',
  rangeMax: '指定できる日付：{{max}}まで（日本時間）',
  rangeNone: '日付は日本時間で数えます。',
  normalised: '入力された日付：{{date}}',
  normalisedWithEra: '入力された日付：{{date}}（{{era}}）',
  errors: {
    required: '{{field}}を入力してください。',
    dateFormat: '{{field}}は「2027/4/1」「2027-04-01」「令和9年4月1日」のいずれかの形で入力してください。',
    dateInvalid: '{{field}}に存在しない日付が入力されています。月と日を確認してください。',
    eraRange: '{{field}}の元号と年が合いません。令和は2019年5月1日から、平成は2019年4月30日までです。',
    dateBeforeMin: '{{field}}は{{min}}以降の日付を入力してください。',
    dateAfterMax: '{{field}}は{{max}}までの日付を入力してください。',
  },
};

export type DateFieldMessages = typeof dateFieldJa;
