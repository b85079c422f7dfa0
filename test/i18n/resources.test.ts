import { en } from '../../src/i18n/en.js';
import { includeResources, languageOf, loadProblemTexts, Translator } from '../../src/i18n/i18n.js';
import { invitationFormEn } from '../../src/i18n/invitation-form.en.js';
import { invitationFormResources } from '../../src/i18n/invitation-form.js';
import { invitationFormJa } from '../../src/i18n/invitation-form.ja.js';
import { ja } from '../../src/i18n/ja.js';
import { problemsJa } from '../../src/i18n/problems.ja.js';
import { assert, describe, it } from './harness.js';

/** Every leaf of a resource tree as `dotted.key → text`. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [leafKey, text] of leaves(value as object, path)) result.set(leafKey, text);
  }
  return result;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

const jaTexts = new Map([...leaves(ja), ...leaves(problemsJa)]);
const enTexts = leaves(en);

describe('locale resources', () => {
  it('keeps each Japanese text in one place: the bundle or the problem texts loaded on demand', () => {
    const inBundle = leaves(ja);
    for (const key of leaves(problemsJa).keys()) assert.equal(inBundle.has(key), false, key);
  });

  it('has exactly the same keys in English and Japanese', () => {
    assert.deepEqual([...enTexts.keys()].sort(), [...jaTexts.keys()].sort());
  });

  it('has the same placeholders per key in English and Japanese', () => {
    for (const [key, text] of jaTexts) {
      assert.deepEqual(placeholders(enTexts.get(key) ?? ''), placeholders(text), key);
    }
  });

  it('has no empty text in either language', () => {
    for (const [key, text] of [...jaTexts, ...enTexts]) assert.notEqual(text.trim(), '', key);
  });

  it('writes English in English, quoting Japanese only for mail subjects and the examples people type', () => {
    const quotesJapanese = /^(completion\.mails\.|invitation\.(notFound|expired|used)Body$|certificate\.(departmentJaHint|titleJaHint)$)/;
    for (const [key, text] of enTexts) {
      if (quotesJapanese.test(key)) continue;
      assert.doesNotMatch(text, /[\u3040-\u30ff\u4e00-\u9fff]/u, `${key}: ${text}`);
    }
  });

  it('keeps the Japanese subject line of each mail the applicant will receive', () => {
    for (const [key, subject] of Object.entries(ja.completion.mails)) {
      assert.ok(en.completion.mails[key as keyof typeof en.completion.mails].endsWith(subject), key);
    }
  });

  it('keeps the proper nouns', () => {
    assert.match(en.wizard.title, /CECTRUST-Light/);
    assert.match(en.terms.certificateName, /JCAN/);
  });
});

describe('invitation form resources', () => {
  const jaForm = leaves(invitationFormJa);
  const enForm = leaves(invitationFormEn);

  it('has exactly the same keys in English and Japanese', () => {
    assert.deepEqual([...enForm.keys()].sort(), [...jaForm.keys()].sort());
  });

  it('has the same placeholders per key in English and Japanese', () => {
    for (const [key, text] of jaForm) assert.deepEqual(placeholders(enForm.get(key) ?? ''), placeholders(text), key);
  });

  it('has no empty text and writes English in English', () => {
    for (const [key, text] of [...jaForm, ...enForm]) assert.notEqual(text.trim(), '', key);
    for (const [key, text] of enForm) assert.doesNotMatch(text, /[\u3040-\u30ff\u4e00-\u9fff]/u, `${key}: ${text}`);
  });

  it('stays out of the wizard resources, which the wizard bundle carries, even once included', async () => {
    includeResources(Translator.japanese(), invitationFormResources);
    await includeResources(await Translator.create('en'), invitationFormResources);
    assert.equal('invitationForm' in ja, false);
    assert.equal('invitationForm' in en, false);
  });

  it('is added to a Japanese translator at once, beside the wizard words', () => {
    const translator = Translator.japanese();
    assert.equal(includeResources(translator, invitationFormResources), true);
    assert.equal(translator.t('invitationForm.heading'), invitationFormJa.heading);
    assert.equal(translator.t('buttons.next'), '次へ');
  });

  it('is added to an English translator once its English texts are loaded', async () => {
    // Overrides give a translator of its own, one no earlier test has included the module in.
    const translator = await Translator.create('en', { en: { buttons: { next: 'Continue' } } });
    const ready = includeResources(translator, invitationFormResources);
    assert.notEqual(ready, true);
    assert.equal(translator.t('invitationForm.heading'), invitationFormJa.heading, 'Japanese stands in meanwhile');
    await ready;
    assert.equal(includeResources(translator, invitationFormResources), true);
    assert.equal(translator.t('invitationForm.heading'), 'Invite a partner');
  });
});

describe('Translator', () => {
  it('translates into English once the English resources are loaded', async () => {
    const translator = await Translator.create('en');
    assert.equal(translator.language, 'en');
    assert.equal(translator.t('buttons.next'), 'Next');
    assert.equal(translator.t('markers.required'), 'Required');
    assert.equal(translator.t('company.kinds.municipality'), 'Local government');
    assert.equal(translator.t('wizard.stepOf', { number: 3 }), 'STEP 3');
  });

  it('speaks Japanese by default, synchronously', () => {
    const translator = Translator.japanese();
    assert.equal(translator.language, 'ja');
    assert.equal(translator.t('buttons.next'), '次へ');
    assert.equal(translator.t('completion.receipt', { receiptNumber: '2401260002' }), '受付番号2401260002で利用申請を受け付けました。');
  });

  it('lets a host override a word and keeps every other one', () => {
    const translator = Translator.japanese({ ja: { buttons: { next: '進む' } } });
    assert.equal(translator.t('buttons.next'), '進む');
    assert.equal(translator.t('buttons.back'), '戻る');
  });

  it('shares one translator per language when nothing is overridden, and never one with overrides', async () => {
    assert.equal(Translator.japanese(), Translator.japanese());
    assert.equal(await Translator.create('en'), await Translator.create('en'));
    assert.notEqual(Translator.japanese({ ja: { buttons: { next: '進む' } } }), Translator.japanese());
  });

  it(
    "keeps one translator's overrides out of another on the same page",
    () => {
      Translator.japanese({ ja: { buttons: { back: '前へ' } } });
      assert.equal(ja.buttons.back, '戻る', 'the shared Japanese resources are left as they were');
      assert.equal(Translator.japanese().t('buttons.back'), '戻る');
    },
  );

  it('overrides English words for an English translator', async () => {
    const translator = await Translator.create('en', { en: { buttons: { next: 'Continue' } } });
    assert.equal(translator.t('buttons.next'), 'Continue');
    assert.equal(translator.t('buttons.back'), 'Back');
  });

  it('does not escape placeholder values: Lit renders them as text, which escapes', async () => {
    const field = '<b>企業名</b> & "Co"';
    assert.equal(Translator.japanese().t('errors.required', { field }), `${field}を入力してください。`);
    assert.equal((await Translator.create('en')).t('errors.required', { field }), `${field} is required.`);
  });

  it('gives the key back when there is no text, and treats an object or an empty text as none', () => {
    const translator = Translator.japanese({ ja: { buttons: { next: '' } } });
    assert.equal(translator.t('errors.noSuchCode'), 'errors.noSuchCode');
    assert.equal(translator.t('errors'), 'errors');
    assert.equal(translator.t('buttons.next'), '次へ', 'an empty override falls back to the built-in word');
    assert.equal(translator.has('errors'), false);
  });

  it('leaves a placeholder without a value as written, and fills every occurrence', () => {
    const translator = Translator.japanese({ ja: { wizard: { stepOf: '{{number}}/{{ number }}（{{total}}）' } } });
    assert.equal(translator.t('wizard.stepOf', { number: 2 }), '2/2（{{total}}）');
  });

  it('falls back to Japanese, overrides included, for a key English lacks', async () => {
    const overrides = { ja: { buttons: { extra: '追加' } }, en: {} } as unknown as Parameters<typeof Translator.create>[1];
    const translator = await Translator.create('en', overrides);
    assert.equal(translator.t('buttons.extra'), '追加');
    assert.equal(translator.t('buttons.next'), 'Next');
  });

  it("lets a host override a resource module's words", () => {
    const translator = Translator.japanese({ ja: { invitationForm: { heading: '招待' } } } as unknown as Parameters<typeof Translator.japanese>[0]);
    includeResources(translator, invitationFormResources);
    assert.equal(translator.t('invitationForm.heading'), '招待');
  });

  it('gives each set of values its own text, asked again and again (texts are remembered by key and values)', () => {
    const translator = Translator.japanese();
    for (let round = 0; round < 2; round++) {
      assert.equal(translator.t('wizard.stepOf', { number: 3 }), 'STEP 3');
      assert.equal(translator.t('wizard.stepOf', { number: 4 }), 'STEP 4');
      assert.equal(translator.t('errors.required', { field: '企業名' }), '企業名を入力してください。');
      assert.equal(translator.t('errors.required', { field: '氏名' }), '氏名を入力してください。');
    }
  });

  it('never reads inherited properties as texts', () => {
    assert.equal(Translator.japanese().t('buttons.constructor'), 'buttons.constructor');
    assert.equal(Translator.japanese().t('__proto__.toString'), '__proto__.toString');
  });

  it('has the words of bad links, failed submits and refused documents once they are loaded, overrides first', async () => {
    const overridden = Translator.japanese({ ja: { invitation: { usedTitle: '使用済みのURLです' } } });
    assert.equal(Translator.japanese().t('invitation.expiredTitle'), 'invitation.expiredTitle', 'not in the bundle');
    await loadProblemTexts();
    assert.equal(Translator.japanese().t('invitation.expiredTitle'), 'オンライン利用申請URLの有効期限が切れています');
    assert.equal(Translator.japanese().t('errors.documentTooLarge', { maximum: '10 MB' }), 'ファイルが大きすぎます。10 MB以下のPDFファイルを選択してください。');
    assert.equal(overridden.t('invitation.usedTitle'), '使用済みのURLです');
    assert.equal(overridden.t('invitation.usedBody'), problemsJa.invitation.usedBody);
    assert.equal((await Translator.create('en')).t('invitation.expiredTitle'), en.invitation.expiredTitle);
    assert.equal(Translator.japanese().t('invitation.constructor'), 'invitation.constructor');
  });

  it('knows which keys have text', () => {
    const translator = Translator.japanese();
    assert.equal(translator.has('errors.katakana'), true);
    assert.equal(translator.has('errors.noSuchCode'), false);
  });
});

describe('languageOf', () => {
  const examples: Array<[lang: string | null | undefined, language: 'ja' | 'en']> = [
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['fr', 'ja'],
    ['', 'ja'],
    [null, 'ja'],
    [undefined, 'ja'],
  ];
  for (const [lang, language] of examples) {
    it(`reads ${JSON.stringify(lang)} as ${language}`, () => assert.equal(languageOf(lang), language));
  }
});
