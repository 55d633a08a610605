import type { ReactNode } from 'react';
import { Link } from 'react-router';
import logoUrl from '../../favicon.svg';
import { useMe } from '../../app/auth';
import { useLocale } from '../../app/locale';
import { LanguageSelect } from '../../components/language-select';

/** The frame of the pages seen before signing in: brand and a language switch. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { locale, setGuestLocale } = useLocale();
  const me = useMe().data;
  return (
    <div className="qd-public">
      <div className="qd-public-top">
        <Link to="/" className="qd-brand">
          <img src={logoUrl} alt="" width={28} height={28} className="qd-brand-logo" />
          <span>Quarterdeck</span>
        </Link>
        {!me && <LanguageSelect value={locale} onChange={setGuestLocale} testId="public-language" size="small" />}
      </div>
      {children}
    </div>
  );
}
