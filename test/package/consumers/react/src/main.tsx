import { StrictMode, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { CecCompanyForm } from '@cectrust/light-apply/company-form';
import '@cectrust/light-apply/company-form';
// src/Apply.tsx is the README's React snippet, written there by the test.
import { Apply } from './Apply.tsx';

function Company() {
  const form = useRef<CecCompanyForm>(null);
  return <cec-company-form ref={form} oncec-change={() => console.log(form.current?.validate())} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Apply token="invitation-token" />
    <Company />
  </StrictMode>,
);
