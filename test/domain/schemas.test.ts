import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  adminUserSchema,
  applicationSchema,
  certificateSchema,
  companySchema,
  ENTITY_KINDS,
  firstIssueByField,
  MAX_COMPANY_NAME_ALPHA,
  MAX_DEPARTMENT_TITLE_ALPHA,
  MAX_TEXT_LENGTH,
  termsSchema,
  validateSection,
  type SectionResult,
} from '../../src/domain/index.js';
import {
  acceptedValue,
  adminUserDraft,
  applicationDraft,
  certificateDraft,
  corporationDraft,
  refusals,
} from './helpers.js';

const company = (fields: Record<string, unknown>) => validateSection(companySchema, { ...corporationDraft, ...fields });
const adminUser = (fields: Record<string, unknown>) => validateSection(adminUserSchema, { ...adminUserDraft, ...fields });
const certificate = (fields: Record<string, unknown>) =>
  validateSection(certificateSchema, { ...certificateDraft, ...fields });

describe('termsSchema (STEP 1, application guide FAQ 1)', () => {
  it('accepts both terms accepted', () => {
    assert.deepEqual(acceptedValue(validateSection(termsSchema, { service: true, certificate: true })), {
      service: true,
      certificate: true,
    });
  });

  const refused: Array<[behaviour: string, draft: unknown, issues: string[]]> = [
    ['refuses the service terms unchecked', { service: false, certificate: true }, ['service:consentRequired']],
    ['refuses the certificate terms unchecked', { service: true, certificate: false }, ['certificate:consentRequired']],
    ['refuses both unchecked, naming each', { service: false, certificate: false }, ['service:consentRequired', 'certificate:consentRequired']],
    ['refuses nothing checked yet', {}, ['service:consentRequired', 'certificate:consentRequired']],
    ['refuses a truthy string in place of a tick', { service: 'true', certificate: true }, ['service:consentRequired']],
  ];
  for (const [behaviour, draft, issues] of refused) {
    it(behaviour, () => assert.deepEqual(refusals(validateSection(termsSchema, draft)), issues));
  }
});

describe('companySchema (STEP 2)', () => {
  it('accepts every kind of applicant', () => {
    for (const kind of ENTITY_KINDS) assert.equal(acceptedValue(company({ kind })).kind, kind);
  });

  it('refuses an unknown kind', () => {
    assert.deepEqual(refusals(company({ kind: 'partnership' })), ['kind:invalid']);
  });

  it('trims the free-text fields', () => {
    const value = acceptedValue(company({ name: '  山田建設株式会社 ', address: '\u3000東京都港区 ', representative: ' 山田 太郎 ' }));
    assert.equal(value.name, '山田建設株式会社');
    assert.equal(value.address, '東京都港区');
    assert.equal(value.representative, '山田 太郎');
  });

  for (const field of ['name', 'nameKana', 'address', 'representative']) {
    for (const [what, blank] of [['missing', undefined], ['empty', ''], ['only spaces', ' \u3000 ']] as const) {
      it(`refuses the company ${field} when ${what} (required)`, () => {
        assert.deepEqual(refusals(company({ [field]: blank })), [`${field}:required`]);
      });
    }
  }

  it(`refuses a company name longer than ${MAX_TEXT_LENGTH} characters (tooLong)`, () => {
    assert.deepEqual(refusals(company({ name: '山'.repeat(MAX_TEXT_LENGTH + 1) })), ['name:tooLong']);
    assert.equal(acceptedValue(company({ name: '山'.repeat(MAX_TEXT_LENGTH) })).name.length, MAX_TEXT_LENGTH);
  });

  it('reports every field error at once', () => {
    assert.deepEqual(refusals(company({ corporateNumber: '123', nameKana: 'Yamada', address: '' })), [
      'corporateNumber:corporateNumberFormat',
      'nameKana:katakana',
      'address:required',
    ]);
  });
});

describe('katakana fields (company nameKana, adminUser nameKana)', () => {
  const accepted: Array<[input: string, output: string]> = [
    ['ヤマダ', 'ヤマダ'],
    ['ﾔﾏﾀﾞ', 'ヤマダ'],
    ['やまだ', 'ヤマダ'],
    ['ﾔﾏﾀﾞｹﾝｾﾂ', 'ヤマダケンセツ'],
    ['やまだ たろう', 'ヤマダ　タロウ'],
    ['ヤマダ　タロウ', 'ヤマダ　タロウ'],
    ['ヤマダ   タロウ', 'ヤマダ　タロウ'],
    [' ヤマダ タロウ ', 'ヤマダ　タロウ'],
    ['コンストラクション・イーシー・ドットコム', 'コンストラクション・イーシー・ドットコム'],
    ['ｺﾝｽﾄﾗｸｼｮﾝ･ｲｰｼｰ', 'コンストラクション・イーシー'],
    ['ヴァイオリン', 'ヴァイオリン'],
    ['ケ', 'ケ'],
    ['ヶ', 'ヶ'],
  ];
  const refused = ['Yamada', 'YAMADA', 'ＹＡＭＡＤＡ', '山田', 'ヤマダ太郎', 'ヤマダ1', 'ヤマダ（カブ）', 'ヤマダ&タロウ', '<script>'];

  const sections: Array<[string, (fields: Record<string, unknown>) => SectionResult<{ nameKana: string }>]> = [
    ['company', company],
    ['adminUser', adminUser],
  ];
  for (const [section, validate] of sections) {
    for (const [input, output] of accepted) {
      it(`${section}: accepts ${JSON.stringify(input)} as ${JSON.stringify(output)}`, () => {
        assert.equal(acceptedValue(validate({ nameKana: input })).nameKana, output);
      });
    }
    for (const input of refused) {
      it(`${section}: refuses ${JSON.stringify(input)} (katakana)`, () => {
        assert.deepEqual(refusals(validate({ nameKana: input })), ['nameKana:katakana']);
      });
    }
  }
});

describe('adminUserSchema (STEP 3)', () => {
  it('accepts the complete draft unchanged', () => {
    assert.deepEqual(acceptedValue(adminUser({})), adminUserDraft);
  });

  for (const field of ['department', 'title'] as const) {
    it(`accepts a draft without the optional ${field}`, () => {
      const { [field]: _omitted, ...draft } = adminUserDraft;
      assert.equal(field in acceptedValue(validateSection(adminUserSchema, draft)), false);
    });
    for (const [what, blank] of [['empty', ''], ['only spaces', '  \u3000']] as const) {
      it(`leaves the optional ${field} out of the output when ${what}`, () => {
        const value = acceptedValue(adminUser({ [field]: blank }));
        assert.equal(field in value, false);
      });
    }
    it(`sends no optional ${field} when the draft holds undefined`, () => {
      const value = acceptedValue(adminUser({ [field]: undefined }));
      assert.equal(field in JSON.parse(JSON.stringify(value)), false);
    });
    it(`trims the optional ${field}`, () => {
      assert.equal(acceptedValue(adminUser({ [field]: ' 総務部 ' }))[field], '総務部');
    });
    it(`refuses an optional ${field} longer than ${MAX_TEXT_LENGTH} characters (tooLong)`, () => {
      assert.deepEqual(refusals(adminUser({ [field]: 'a'.repeat(MAX_TEXT_LENGTH + 1) })), [`${field}:tooLong`]);
    });
  }

  for (const field of ['name', 'nameKana', 'address', 'phone', 'email']) {
    it(`refuses a blank ${field} (required)`, () => {
      assert.deepEqual(refusals(adminUser({ [field]: ' ' })), [`${field}:required`]);
    });
  }

  describe('phone (10–11 digits starting with 0)', () => {
    const accepted: Array<[input: string, output: string]> = [
      ['03-3595-4610', '0335954610'],
      ['０３３５９５４６１０', '0335954610'],
      ['０３－３５９５－４６１０', '0335954610'],
      ['090 1234 5678', '09012345678'],
      ['090-1234-5678', '09012345678'],
      ['(03)3595-4610', '0335954610'],
      ['0120-123-456', '0120123456'],
    ];
    for (const [input, output] of accepted) {
      it(`accepts ${JSON.stringify(input)} as ${output}`, () => {
        assert.equal(acceptedValue(adminUser({ phone: input })).phone, output);
      });
    }
    const refused: Array<[behaviour: string, input: string]> = [
      ['refuses 9 digits', '03-3595-461'],
      ['refuses 12 digits', '090-1234-56789'],
      ['refuses a number not starting with 0', '3-3595-46100'],
      ['refuses letters', '03-3595-461O'],
    ];
    for (const [behaviour, input] of refused) {
      it(`${behaviour}: ${JSON.stringify(input)} (phone)`, () => {
        assert.deepEqual(refusals(adminUser({ phone: input })), ['phone:phone']);
      });
    }
  });

  describe('email', () => {
    const accepted = [
      'yamaguchi@example.co.jp',
      'taro.yamada+cec@example.co.jp',
      'TARO_1@sub.example.com',
      'a-b@example-mail.jp',
    ];
    for (const input of accepted) {
      it(`accepts ${input}`, () => assert.equal(acceptedValue(adminUser({ email: input })).email, input));
    }
    it('trims the address', () => {
      assert.equal(acceptedValue(adminUser({ email: '  taro@example.jp ' })).email, 'taro@example.jp');
    });
    const refused = [
      'taro',
      'taro@',
      '@example.jp',
      'a@b',
      'taro@example',
      'taro@@example.jp',
      'taro example@example.jp',
      'taro@example..jp',
      '.taro@example.jp',
      'taro.@example.jp',
      '<script>@example.jp',
      'taro@example.jp<script>',
    ];
    for (const input of refused) {
      it(`refuses ${JSON.stringify(input)} (email)`, () => {
        assert.deepEqual(refusals(adminUser({ email: input })), ['email:email']);
      });
    }
    it('refuses an address longer than 254 characters (tooLong)', () => {
      assert.deepEqual(refusals(adminUser({ email: `${'a'.repeat(250)}@b.jp` })), ['email:tooLong']);
    });
  });
});

describe('certificateSchema (STEP 4)', () => {
  it('accepts the complete draft unchanged', () => {
    assert.deepEqual(acceptedValue(certificate({})), certificateDraft);
  });

  for (const field of ['companyNameAlpha', 'departmentJa', 'departmentAlpha', 'titleJa', 'titleAlpha']) {
    it(`refuses a blank ${field} (required)`, () => {
      assert.deepEqual(refusals(certificate({ [field]: '' })), [`${field}:required`]);
    });
  }

  describe('alphabet fields: half-width letters, digits, space, "-" and "." only', () => {
    const accepted: Array<[input: string, output: string]> = [
      ['YAMADA', 'YAMADA'],
      ['Yamada Kensetsu', 'Yamada Kensetsu'],
      ['CONSTRUCTION-EC.COM', 'CONSTRUCTION-EC.COM'],
      ['NTT DOCOMO 2', 'NTT DOCOMO 2'],
      ['ＹＡＭＡＤＡ', 'YAMADA'],
      ['ｙａｍａｄａ　ｋｅｎｓｅｔｓｕ', 'yamada kensetsu'],
      ['  YAMADA   KENSETSU  ', 'YAMADA KENSETSU'],
    ];
    const refused = ['山田', 'やまだ', 'ヤマダ', 'YAMADA&SONS', 'YAMADA_KENSETSU', 'YAMADA, KENSETSU', 'YAMADA/KENSETSU', '<b>YAMADA</b>'];
    for (const field of ['companyNameAlpha', 'departmentAlpha', 'titleAlpha']) {
      for (const [input, output] of accepted) {
        it(`${field}: accepts ${JSON.stringify(input)} as ${JSON.stringify(output)}`, () => {
          assert.equal((acceptedValue(certificate({ [field]: input })) as Record<string, string>)[field], output);
        });
      }
      for (const input of refused) {
        it(`${field}: refuses ${JSON.stringify(input)} (alphabet)`, () => {
          assert.deepEqual(refusals(certificate({ [field]: input })), [`${field}:alphabet`]);
        });
      }
    }
  });

  describe(`companyNameAlpha: ≤ ${MAX_COMPANY_NAME_ALPHA} characters, no company-form words`, () => {
    it(`accepts ${MAX_COMPANY_NAME_ALPHA} characters`, () => {
      assert.equal(acceptedValue(certificate({ companyNameAlpha: 'A'.repeat(40) })).companyNameAlpha.length, 40);
    });
    it(`refuses ${MAX_COMPANY_NAME_ALPHA + 1} characters (tooLong, with the maximum for the message)`, () => {
      const result = certificate({ companyNameAlpha: 'A'.repeat(41) });
      assert.deepEqual(refusals(result), ['companyNameAlpha:tooLong']);
      assert.deepEqual(!result.ok && result.issues[0]?.params, { maximum: MAX_COMPANY_NAME_ALPHA });
    });
    it('counts the length after collapsing spaces and converting full width', () => {
      assert.equal(acceptedValue(certificate({ companyNameAlpha: `  ${'Ａ'.repeat(20)}    ${'B'.repeat(19)}  ` })).companyNameAlpha.length, 40);
    });

    const formWords = [
      'YAMADA Co. Ltd',
      'YAMADA CO. LTD.',
      'YAMADA INC',
      'YAMADA Inc.',
      'YAMADA KK',
      'YAMADA K.K.',
      'Yamada Kabushiki Kaisha',
      'KABUSHIKIGAISHA YAMADA',
      'YAMADA CORP.',
      'YAMADA CORPORATION',
      'YAMADA LIMITED',
      'YAMADA LLC',
      'YAMADA GODO KAISHA',
      'YAMADA YUGEN KAISHA',
      'YAMADA-CO',
      'ＹＡＭＡＤＡ　ＩＮＣ',
    ];
    for (const input of formWords) {
      it(`refuses ${JSON.stringify(input)} (companyFormWord)`, () => {
        assert.deepEqual(refusals(certificate({ companyNameAlpha: input })), ['companyNameAlpha:companyFormWord']);
      });
    }

    // Whole words only: these merely contain the letters of a form word.
    const ordinaryNames = ['COSMO', 'INCA', 'KOLTD', 'CORPORATE DESIGN', 'COCO', 'KAISHAN', 'LIMITLESS', 'SINC', 'KKR', 'DECO', 'INCOM'];
    for (const input of ordinaryNames) {
      it(`accepts ${JSON.stringify(input)}, which merely contains a form word's letters`, () => {
        assert.equal(acceptedValue(certificate({ companyNameAlpha: input })).companyNameAlpha, input);
      });
    }

    it(
      'accepts GODO as an ordinary word of a name (合同製鐵: GODO SEITETSU)',
      () => {
        assert.equal(acceptedValue(certificate({ companyNameAlpha: 'GODO SEITETSU' })).companyNameAlpha, 'GODO SEITETSU');
      },
    );

    const missedFormWords = ['YAMADA GK', 'YAMADA G.K.', 'YAMADA YK', 'YAMADA K. K.', 'YAMADA KABUSIKI KAISYA'];
    for (const input of missedFormWords) {
      it(
        `refuses ${JSON.stringify(input)} (companyFormWord)`,
        () => {
          assert.deepEqual(refusals(certificate({ companyNameAlpha: input })), ['companyNameAlpha:companyFormWord']);
        },
      );
    }
  });

  describe(`departmentAlpha + titleAlpha ≤ ${MAX_DEPARTMENT_TITLE_ALPHA} characters together`, () => {
    it('accepts 30 + 30 characters', () => {
      const value = acceptedValue(certificate({ departmentAlpha: 'D'.repeat(30), titleAlpha: 'T'.repeat(30) }));
      assert.equal(value.departmentAlpha.length + value.titleAlpha.length, 60);
    });
    it('accepts 59 + 1 characters', () => {
      assert.ok(acceptedValue(certificate({ departmentAlpha: 'D'.repeat(59), titleAlpha: 'T' })));
    });
    it('refuses 31 + 30 characters, on titleAlpha (departmentTitleTooLong)', () => {
      assert.deepEqual(refusals(certificate({ departmentAlpha: 'D'.repeat(31), titleAlpha: 'T'.repeat(30) })), [
        'titleAlpha:departmentTitleTooLong',
      ]);
    });
    it('counts full-width letters after converting them', () => {
      assert.deepEqual(refusals(certificate({ departmentAlpha: 'Ｄ'.repeat(31), titleAlpha: 'T'.repeat(30) })), [
        'titleAlpha:departmentTitleTooLong',
      ]);
    });
    it('counts after trimming and collapsing spaces', () => {
      assert.ok(acceptedValue(certificate({ departmentAlpha: `  ${'D'.repeat(30)}  `, titleAlpha: `${'T'.repeat(14)}    ${'T'.repeat(15)} ` })));
    });
    it(`refuses either field alone beyond ${MAX_DEPARTMENT_TITLE_ALPHA} characters (tooLong)`, () => {
      assert.deepEqual(refusals(certificate({ departmentAlpha: 'D'.repeat(61) })), ['departmentAlpha:tooLong']);
    });
    it(
      'carries the maximum with departmentTitleTooLong, for the message "あわせて{{maximum}}文字以内"',
      () => {
        const result = certificate({ departmentAlpha: 'D'.repeat(31), titleAlpha: 'T'.repeat(30) });
        assert.deepEqual(!result.ok && result.issues[0]?.params, { maximum: MAX_DEPARTMENT_TITLE_ALPHA });
      },
    );
    it(
      'reports departmentTitleTooLong together with the errors of other fields',
      () => {
        assert.deepEqual(refusals(certificate({ companyNameAlpha: '', departmentAlpha: 'D'.repeat(31), titleAlpha: 'T'.repeat(30) })), [
          'companyNameAlpha:required',
          'titleAlpha:departmentTitleTooLong',
        ]);
      },
    );
  });

  it('trims the Japanese department and title', () => {
    const value = acceptedValue(certificate({ departmentJa: ' 本社 ', titleJa: '\u3000社長\u3000' }));
    assert.equal(value.departmentJa, '本社');
    assert.equal(value.titleJa, '社長');
  });
});

describe('applicationSchema (the application JSON of SPEC.md)', () => {
  it('accepts the SPEC example shape', () => {
    assert.deepEqual(acceptedValue(validateSection(applicationSchema, applicationDraft)), applicationDraft);
  });

  it('normalises every section of a whole application as typed', () => {
    const typed = {
      ...applicationDraft,
      company: { ...corporationDraft, corporateNumber: '７０００-０１２０-５０００２', nameKana: 'ｺﾝｽﾄﾗｸｼｮﾝ' },
      adminUser: { ...adminUserDraft, nameKana: 'やまぐち しんご', phone: '03-3595-4610', department: ' ', title: '' },
      certificate: { ...certificateDraft, companyNameAlpha: 'ＣＯＮＳＴＲＵＣＴＩＯＮ' },
    };
    const { department: _department, title: _title, ...adminUserWithoutOptionals } = adminUserDraft;
    assert.deepEqual(acceptedValue(validateSection(applicationSchema, typed)), {
      ...applicationDraft,
      company: { ...corporationDraft, nameKana: 'コンストラクション' },
      adminUser: adminUserWithoutOptionals,
      certificate: { ...certificateDraft, companyNameAlpha: 'CONSTRUCTION' },
    });
  });

  it('sends no corporate number for a sole proprietor', () => {
    const value = acceptedValue(validateSection(applicationSchema, { ...applicationDraft, company: { ...corporationDraft, kind: 'soleProprietor' } }));
    assert.equal('corporateNumber' in value.company, false);
  });

  it('keeps the extensions of host-added steps', () => {
    const extensions = { 'purchase-order': { reference: 'PO-1' } };
    assert.deepEqual(acceptedValue(validateSection(applicationSchema, { ...applicationDraft, extensions })).extensions, extensions);
  });

  it('accepts English as the locale', () => {
    assert.equal(acceptedValue(validateSection(applicationSchema, { ...applicationDraft, locale: 'en' })).locale, 'en');
  });

  const refused: Array<[behaviour: string, draft: Record<string, unknown>, issues: string[]]> = [
    ['refuses a missing token', { token: '' }, ['token:required']],
    ['refuses a token longer than 200 characters', { token: 'x'.repeat(201) }, ['token:tooLong']],
    ['refuses an unknown locale', { locale: 'fr' }, ['locale:invalid']],
    ['refuses unaccepted terms', { terms: { service: true, certificate: false } }, ['terms.certificate:consentRequired']],
    [
      'reports issues with their full path inside the application',
      {
        company: { ...corporationDraft, corporateNumber: '7000012050003' },
        adminUser: { ...adminUserDraft, phone: '123', email: 'x' },
      },
      ['company.corporateNumber:corporateNumberCheckDigit', 'adminUser.phone:phone', 'adminUser.email:email'],
    ],
  ];
  for (const [behaviour, fields, issues] of refused) {
    it(behaviour, () => {
      assert.deepEqual(refusals(validateSection(applicationSchema, { ...applicationDraft, ...fields })), issues);
    });
  }

  it('groups a refused application by section with firstIssueByField', () => {
    const result = validateSection(applicationSchema, {
      ...applicationDraft,
      adminUser: { ...adminUserDraft, phone: '123', email: 'x' },
      certificate: { ...certificateDraft, titleAlpha: '社長' },
    });
    assert.equal(result.ok, false);
    const byField = firstIssueByField(result.ok ? [] : result.issues);
    assert.deepEqual(Object.keys(byField), ['adminUser', 'certificate']);
    assert.deepEqual(byField.adminUser?.path, ['adminUser', 'phone']);
    assert.equal(byField.certificate?.code, 'alphabet');
  });
});

describe('Japanese input as people type it (issue 9): converted, not refused; refused with the reason', () => {
  const issuesOf = <T,>(result: SectionResult<T>) => (result.ok ? [] : result.issues);

  const conversions: Array<[field: string, validate: (fields: Record<string, unknown>) => SectionResult<Record<string, unknown>>, input: string, output: string]> = [
    ['email', adminUser, 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', 'taro@example.co.jp'],
    ['email', adminUser, 'taro＠example.jp', 'taro@example.jp'],
    ['nameKana', company, 'いすゞ', 'イスズ'],
    ['nameKana', company, 'ミスヾ', 'ミスズ'],
    ['nameKana', adminUser, 'ササヽ', 'サササ'],
    ['nameKana', company, 'コンピュ-タ', 'コンピュータ'],
    ['nameKana', company, 'コンピュ－タ', 'コンピュータ'],
    ['nameKana', company, 'コンピュ‐タ', 'コンピュータ'],
    ['nameKana', company, 'コンピュ−タ', 'コンピュータ'],
    ['nameKana', company, 'コンピュ―タ', 'コンピュータ'],
    ['nameKana', company, 'ｺﾝﾋﾟｭｰﾀｰ', 'コンピューター'],
    ['companyNameAlpha', certificate, 'KŌGYŌ', 'KOGYO'],
    ['companyNameAlpha', certificate, 'ÉCOLE', 'ECOLE'],
    ['departmentAlpha', certificate, 'EIGYOーBU', 'EIGYO-BU'],
    ['departmentAlpha', certificate, 'EIGYO‐BU', 'EIGYO-BU'],
    ['departmentAlpha', certificate, 'EIGYO‑BU', 'EIGYO-BU'],
    ['departmentAlpha', certificate, 'EIGYO−BU', 'EIGYO-BU'],
    ['departmentAlpha', certificate, 'EIGYO–BU', 'EIGYO-BU'],
    ['departmentAlpha', certificate, 'EIGYO—BU', 'EIGYO-BU'],
    ['departmentAlpha', certificate, 'EIGYO－BU', 'EIGYO-BU'],
    ['companyNameAlpha', certificate, 'SEIKATSU CO-OP', 'SEIKATSU CO-OP'],
    ['corporateNumber', company, 'T7000012050002', '7000012050002'],
    ['corporateNumber', company, 'Ｔ７０００-０１２０-５０００２', '7000012050002'],
    ['phone', adminUser, '+81 3-3595-4605', '0335954605'],
    ['phone', adminUser, '+81 (0)3-3595-4605', '0335954605'],
    ['phone', adminUser, '＋８１ ９０-１２３４-５６７８', '09012345678'],
    ['name', company, '㈱山田建設', '株式会社山田建設'],
    ['name', company, '山田建設(株)', '山田建設株式会社'],
    ['name', company, '山田建設（株）', '山田建設株式会社'],
    ['name', company, '㈲山田工務店', '有限会社山田工務店'],
    ['name', company, '(有)山田工務店', '有限会社山田工務店'],
  ];
  for (const [field, validate, input, output] of conversions) {
    it(`${field}: accepts ${JSON.stringify(input)} as ${JSON.stringify(output)}`, () => {
      assert.equal(acceptedValue(validate({ [field]: input }))[field], output);
    });
  }

  const refusalsWithReason: Array<[field: string, validate: (fields: Record<string, unknown>) => SectionResult<Record<string, unknown>>, input: string, issues: Array<[code: string, character?: string]>]> = [
    ['nameKana', company, 'ヤマダ(カ)', [['katakana', '(']]],
    ['nameKana', adminUser, 'ヤマダ（カ）', [['katakana', '(']]], // named after NFKC, as it will be compared
    ['nameKana', company, 'Yamada', [['katakana', 'Y']]],
    ['companyNameAlpha', certificate, 'YAMADA, KENSETSU', [['alphabet', ',']]],
    ['titleAlpha', certificate, '社長', [['alphabet', '社']]],
    ['departmentAlpha', certificate, '---', [['alphabetLetter']]],
    ['titleAlpha', certificate, '.', [['alphabetLetter']]],
    // Every problem of 「Co., Ltd.」 in one round: the comma and the company-form words.
    ['companyNameAlpha', certificate, 'Yamada Co., Ltd.', [['alphabet', ','], ['companyFormWord']]],
    ['companyNameAlpha', certificate, 'YAMADA YUGENGAISHA', [['companyFormWord']]],
    ['companyNameAlpha', certificate, 'KABUSHIKIGAISHA YAMADA', [['companyFormWord']]],
    ['companyNameAlpha', certificate, 'YAMADA GODOGAISHA', [['companyFormWord']]],
    ['companyNameAlpha', certificate, 'YAMADA GOMEIGAISHA', [['companyFormWord']]],
    ['companyNameAlpha', certificate, 'YAMADA GOSHIGAISHA', [['companyFormWord']]],
    ['companyNameAlpha', certificate, 'YAMADA GODOKAISHA', [['companyFormWord']]],
    ['phone', adminUser, '03-3595-4610 内線 123', [['phoneExtension']]],
    ['phone', adminUser, '03-3595-4610 ext. 12', [['phoneExtension']]],
    ['phone', adminUser, '03-3595-4610 #12', [['phoneExtension']]],
    ['phone', adminUser, '03-3595-4610(内線12)', [['phoneExtension']]],
  ];
  for (const [field, validate, input, expected] of refusalsWithReason) {
    it(`${field}: refuses ${JSON.stringify(input)} (${expected.map(([code, character]) => (character ? `${code} 「${character}」` : code)).join(', ')})`, () => {
      const issues = issuesOf(validate({ [field]: input }));
      assert.deepEqual(
        issues.map((issue) => [issue.path.join('.'), issue.code, issue.params?.character]),
        expected.map(([code, character]) => [field, code, character]),
      );
    });
  }

  describe('control characters, lone surrogates, bidi overrides and zero-width-only values (browser and server alike)', () => {
    const unsafe: Array<[what: string, value: string, codePoint: string]> = [
      ['a NUL', '山田\u0000建設', 'U+0000'],
      ['a tab inside', '東京都\t港区', 'U+0009'],
      ['an escape character', '山田\u001b[31m', 'U+001B'],
      ['a C1 control', '山田\u0085', 'U+0085'],
      ['a right-to-left override', '\u202etxt.exe', 'U+202E'],
      ['a left-to-right isolate', '山田\u2066建設', 'U+2066'],
      ['a right-to-left mark', '山田\u200f', 'U+200F'],
      ['a lone high surrogate', '山田\ud800', 'U+D800'],
      ['a lone low surrogate', '\udc00山田', 'U+DC00'],
    ];
    const fields: Array<[field: string, validate: (fields: Record<string, unknown>) => SectionResult<Record<string, unknown>>]> = [
      ['name', company],
      ['address', company],
      ['department', adminUser],
      ['departmentJa', certificate],
    ];
    for (const [what, value, codePoint] of unsafe) {
      it(`refuses ${what}, naming it (${codePoint})`, () => {
        for (const [field, validate] of fields) {
          const issues = issuesOf(validate({ [field]: value }));
          assert.deepEqual(issues.map((issue) => [issue.path[0], issue.code, issue.params?.character]), [[field, 'unsafeCharacter', codePoint]], field);
        }
      });
    }
    it('refuses these in the shared katakana, phone, e-mail, alphabet and corporate-number fields too', () => {
      assert.equal(issuesOf(company({ nameKana: 'ヤマダ\u202e' }))[0]?.code, 'unsafeCharacter');
      assert.equal(issuesOf(adminUser({ phone: '03\u00003595\u00004610' }))[0]?.code, 'unsafeCharacter');
      assert.equal(issuesOf(adminUser({ email: 'taro@example.jp\u202e' }))[0]?.code, 'unsafeCharacter');
      assert.equal(issuesOf(certificate({ titleAlpha: 'SHACHO\u0007' }))[0]?.code, 'unsafeCharacter');
      assert.equal(issuesOf(company({ corporateNumber: '7000012050002\u0000' }))[0]?.code, 'unsafeCharacter');
    });
    for (const [what, value] of [['zero-width spaces', '\u200b\u200b'], ['zero-width spaces and spaces', ' \u200b \u200b '], ['a word joiner', '\u2060'], ['zero-width joiners', '\u200d\u200c']] as const) {
      it(`refuses a value of only ${what} (invisibleOnly), required or optional`, () => {
        assert.deepEqual(refusals(company({ name: value })), ['name:invisibleOnly']);
        assert.deepEqual(refusals(adminUser({ department: value })), ['department:invisibleOnly']);
      });
    }
    it('treats a byte-order mark as the white space JavaScript trims: a value of only that is missing (required)', () => {
      assert.deepEqual(refusals(company({ name: ' \ufeff ' })), ['name:required']);
    });
    it('keeps a zero-width joiner inside ordinary text (emoji sequences need it)', () => {
      assert.equal(acceptedValue(company({ representative: '山田 太郎👨\u200d👩' })).representative, '山田 太郎👨\u200d👩');
    });
  });
});
