import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import '../src/components/date-field/date-field.js';
import type { CecDateField } from '../src/components/date-field/date-field.component.js';
import { afterRender } from './support/render.js';

interface Args {
  label: string;
  value: string;
  min: string;
  max: string;
  required: boolean;
  disabled: boolean;
  hint: string;
  errorMessage: string;
  noFormatsHint: boolean;
}

// A date field for Japanese forms: the renewal form's dates, and the paper application's ★ issue dates.
const meta: Meta<Args> = {
  title: 'Certificate renewal/cec-date-field',
  component: 'cec-date-field',
  decorators: [withActions],
  parameters: {
    usage: `<form>
  <cec-date-field name="validityStart" label="有効期間開始日" max="2027-09-27"></cec-date-field>
</form>
<script type="module">
  const field = document.querySelector('cec-date-field');
  field.addEventListener('cec-date-change', (event) => console.log(event.detail.date)); // '2027-04-01' or undefined
  // In a <form>: submits YYYY-MM-DD under its name; checkValidity() / reportValidity() as any control.
</script>`,
    actions: { handles: ['cec-date-change'] },
  },
  args: { label: '有効期間開始日', value: '', min: '', max: '', required: false, disabled: false, hint: '', errorMessage: '', noFormatsHint: false },
  render: (args) =>
    html`<cec-date-field
      label=${args.label}
      name="date"
      .value=${args.value}
      min=${args.min}
      max=${args.max}
      ?required=${args.required}
      ?disabled=${args.disabled}
      hint=${args.hint}
      error-message=${args.errorMessage}
      ?no-formats-hint=${args.noFormatsHint}
    ></cec-date-field>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing typed, no range: the formats it accepts, and that dates are Japan time. */
export const Empty: Story = {};

/** Required, with the range the renewal form gives 有効期間開始日 (up to application date + 179 days). */
export const WithRange: Story = { args: { required: true, min: '2027-04-01', max: '2027-09-27' } };

/** Full-width digits, read as 2027-04-01 and shown with weekday and era. */
export const FullWidthDigits: Story = { args: { value: '２０２７／４／１' } };

/** A 和暦 date: 令和9年4月1日. */
export const JapaneseEra: Story = { args: { value: '令和9年4月1日' } };

/** A 平成 date in the past (the paper application's ★ issue dates may be 平成 on old documents). */
export const Heisei: Story = { args: { label: '発行日', value: '平成31年4月30日' } };

/** A day that does not exist, its error shown (as after the host's form was submitted). */
export const InvalidDay: Story = {
  args: { value: '2027/2/30' },
  render: (args) => html`<cec-date-field label=${args.label} .value=${args.value} show-errors></cec-date-field>`,
};

/** Not a date at all. */
export const NotADate: Story = {
  args: { value: '来月の1日' },
  render: InvalidDay.render,
};

/** 平成31年5月1日 does not exist: 令和 began that day. */
export const EraMismatch: Story = {
  args: { value: '平成31年5月1日' },
  render: InvalidDay.render,
};

/** Later than `max`. */
export const AfterMax: Story = {
  args: { value: '2027/9/28', max: '2027-09-27' },
  render: (args) => html`<cec-date-field label=${args.label} .value=${args.value} max=${args.max} show-errors></cec-date-field>`,
};

/** Required and left empty, reported as a form's submit would. */
export const RequiredReported: Story = {
  args: { required: true },
  render: (args) =>
    html`<cec-date-field label=${args.label} required ${afterRender<CecDateField>((field) => field.reportValidity())}></cec-date-field>`,
};

/** A message of the host's own rule (here the renewal seed's 180-day sentence) instead of the field's. */
export const HostMessage: Story = {
  args: {
    value: '2027/10/1',
    errorMessage: '「お申し込み時点より180日以上先の有効期間開始日をご指定いただくことはできません。」2027年9月27日(月)までの日付を入力してください。',
  },
};

/** Disabled (as inside a disabled fieldset). */
export const Disabled: Story = { args: { value: '2027-04-01', disabled: true } };

/** With a hint of the host's, and without the line of example formats (a form with many dates says it once). */
export const HintWithoutFormats: Story = { args: { hint: '空欄の場合は証明書の発行日が開始日になります。', noFormatsHint: true } };
