/**
 * `<cec-date-field>` as a person meets it: found by its label, typed into with the keyboard in the forms
 * people use (full-width digits, 令和), the date it read and the range shown, errors announced and tied
 * to the input; inside a `<form>` it submits `YYYY-MM-DD` and blocks an invalid submit. Japanese and English.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/date-field/date-field.js';
import type { CecDateField } from '../../src/components/date-field/date-field.component.js';
import type { DateChangeDetail } from '../../src/components/date-field/date-field-events.js';
import { deepActiveElement, descriptionOf, getByLabel, press, replaceText, typeInto, visibleText, waitUntil } from '../helpers.js';

const LABEL = '有効期間開始日';

async function openField(attributes: { min?: string; max?: string; required?: boolean; lang?: string } = {}): Promise<CecDateField> {
  return fixture<CecDateField>(
    html`<cec-date-field
      label=${attributes.lang === 'en' ? 'Validity start date' : LABEL}
      name="validityStart"
      min=${attributes.min ?? ''}
      max=${attributes.max ?? ''}
      ?required=${attributes.required ?? false}
      lang=${attributes.lang ?? 'ja'}
    ></cec-date-field>`,
  );
}

describe('cec-date-field', () => {
  it('reads full-width digits and shows the date it read, with weekday and era', async () => {
    const field = await openField();
    const input = getByLabel(LABEL);
    await typeInto(input, '２０２７／４／１');
    await field.updateComplete;
    expect(field.date).to.equal('2027-04-01');
    expect(visibleText(field)).to.include('入力された日付：2027年4月1日(木)（令和9年4月1日）');
    expect(descriptionOf(input)).to.include('2027年4月1日(木)');
  });

  it('reads 令和 dates typed in Japanese', async () => {
    const field = await openField();
    await typeInto(getByLabel(LABEL), '令和9年4月1日');
    await field.updateComplete;
    expect(field.date).to.equal('2027-04-01');
  });

  it('tells each date event what was typed and the day it reads as', async () => {
    const field = await openField();
    const details: DateChangeDetail[] = [];
    field.addEventListener('cec-date-change', (event) => details.push(event.detail));
    await typeInto(getByLabel(LABEL), '2027/4/1');
    expect(details.at(-1)).to.deep.equal({ value: '2027/4/1', date: '2027-04-01' });
    expect(details.at(-3)).to.deep.equal({ value: '2027/4', date: undefined });
  });

  it('shows the accepted range in the description of the input', async () => {
    await openField({ min: '2027-04-01', max: '2027-09-27' });
    expect(descriptionOf(getByLabel(LABEL))).to.include('指定できる日付：2027年4月1日(木)から2027年9月27日(月)まで（日本時間）');
  });

  it('does not shout while the user types, and announces the error once they leave the field', async () => {
    const field = await openField();
    const input = getByLabel(LABEL);
    await typeInto(input, '2027/2/30');
    await field.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    await press('Tab');
    await field.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const error = field.shadowRoot!.querySelector('#error')!;
    expect(error.getAttribute('aria-live')).to.equal('polite');
    expect(error.textContent).to.include('エラー：有効期間開始日に存在しない日付が入力されています。');
    expect(descriptionOf(input)).to.include('存在しない日付');
  });

  const problems: Array<[typed: string, message: string]> = [
    ['4月1日', '有効期間開始日は「2027/4/1」「2027-04-01」「令和9年4月1日」のいずれかの形で入力してください。'],
    ['平成31年5月1日', '有効期間開始日の元号と年が合いません。'],
    ['2027/9/28', '有効期間開始日は2027年9月27日(月)までの日付を入力してください。'],
    ['2027/3/31', '有効期間開始日は2027年4月1日(木)以降の日付を入力してください。'],
  ];
  for (const [typed, message] of problems) {
    it(`refuses ${typed} with its own message`, async () => {
      const field = await openField({ min: '2027-04-01', max: '2027-09-27' });
      await typeInto(getByLabel(LABEL), typed);
      await press('Tab');
      await field.updateComplete;
      expect(visibleText(field)).to.include(message);
      expect(field.checkValidity()).to.equal(false);
    });
  }

  it('keeps the text as typed when it is wrong, so the user can fix it', async () => {
    const field = await openField();
    const input = getByLabel(LABEL);
    await typeInto(input, '2027/13/1');
    await press('Tab');
    await replaceText(input, '2027/12/1');
    await field.updateComplete;
    expect(input.value).to.equal('2027/12/1');
    expect(field.date).to.equal('2027-12-01');
  });

  it('shows the host’s own message instead of its own', async () => {
    const field = await openField();
    field.errorMessage = '「お申し込み時点より180日以上先の有効期間開始日をご指定いただくことはできません」';
    await field.updateComplete;
    expect(getByLabel(LABEL).getAttribute('aria-invalid')).to.equal('true');
    expect(visibleText(field)).to.include('180日以上先の有効期間開始日');
    expect(field.checkValidity()).to.equal(false);
  });

  it('in a form: submits YYYY-MM-DD under its name, and an invalid date stops the submit and is reported', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <cec-date-field label=${LABEL} name="validityStart" required lang="ja"></cec-date-field>
      <button>送信</button>
    </form>`);
    const field = form.querySelector('cec-date-field')!;
    let submitted: FormData | undefined;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted = new FormData(form);
    });
    form.requestSubmit();
    await field.updateComplete;
    expect(submitted).to.equal(undefined);
    expect(field.validity.valueMissing).to.equal(true);
    await typeInto(getByLabel(LABEL), 'R9.4.1');
    await field.updateComplete;
    form.requestSubmit();
    expect(submitted?.get('validityStart')).to.equal('2027-04-01');
    form.reset();
    await field.updateComplete;
    expect(getByLabel(LABEL).value).to.equal('');
  });

  it('is reached with Tab and focuses its input (focus is delegated)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><button>before</button><cec-date-field label=${LABEL} lang="ja"></cec-date-field></div>`);
    wrapper.querySelector('button')!.focus();
    await press('Tab');
    expect(deepActiveElement()).to.equal(getByLabel(LABEL));
  });

  it('speaks English', async () => {
    const field = await openField({ lang: 'en', max: '2027-09-27', required: true });
    await waitUntil(() => visibleText(field).includes('Dates accepted'), 'English texts');
    const input = getByLabel('Validity start date');
    await typeInto(input, '2027/9/28');
    await press('Tab');
    await field.updateComplete;
    expect(visibleText(field)).to.include('Validity start date must be');
    expect(visibleText(field)).to.include('or earlier.');
    await replaceText(input, '令和9年4月1日');
    await field.updateComplete;
    expect(visibleText(field)).to.include('Date entered:');
    expect(visibleText(field)).not.to.include('（令和');
  });

  for (const language of ['ja', 'en'] as const) {
    it(`has no axe violation, empty and with an error shown (${language})`, async () => {
      const field = await openField({ lang: language, max: '2027-09-27', required: true });
      await waitUntil(() => (language === 'en' ? visibleText(field).includes('Dates accepted') : true), 'texts');
      await expect(field).to.be.accessible();
      field.reportValidity();
      await field.updateComplete;
      expect(field.shadowRoot!.querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
      await expect(field).to.be.accessible();
    });
  }
});
