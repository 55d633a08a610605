import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/auth';
import { useLocale } from '../../app/locale';
import { LanguageSwitch } from '../../components/language-switch';
import { useDocumentTitle } from '../../components/use-document-title';
import logoUrl from '../../favicon.svg';

/** The frame of the pages seen before signing in: brand and a language switch. */
type Props = { children: ReactNode; title?: string; narrow?: boolean; testId?: string };

export function PublicLayout({ children, title, narrow, testId }: Props) {
  const { locale, setGuestLocale } = useLocale();
  const me = useMe().data;
  useDocumentTitle(title);
  return (
    <div className="qd-public">
      <div className="qd-public-top">
        <Link to="/" className="qd-brand">
          <img src={logoUrl} alt="" width={28} height={28} className="qd-brand-logo" />
          <span>Quarterdeck</span>
        </Link>
        {!me && <LanguageSwitch value={locale} onChange={setGuestLocale} testId="public-language" />}
      </div>
      <main className={narrow ? 'qd-public-card qd-narrow' : 'qd-public-card'} data-testid={testId}>
        {children}
      </main>
    </div>
  );
}
