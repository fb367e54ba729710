import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '../lib/auth';
import { useI18n } from '../lib/i18n';
import type { Language } from '../lib/format';

export function Layout() {
  const { t, language, setLanguage } = useI18n();
  const { user, isAdmin, signOut } = useAuth();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const main = useRef<HTMLElement>(null);

  // A new page moves focus to its content, so keyboard and screen-reader users start there, not in the header.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="header-bar">
          <Link to="/" className="brand">
            <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28">
              <rect width="32" height="32" rx="6" fill="currentColor" />
              <path d="M16 25s-8-5-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 24 14c0 6-8 11-8 11z" fill="#fff" />
            </svg>
            <span>{t('app.name')}</span>
          </Link>
          <div className="header-tools">
            <label className="language-switch">
              <span className="visually-hidden">{t('nav.language')}</span>
              <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
                <option value="en" lang="en">English</option>
                <option value="bn" lang="bn">বাংলা</option>
              </select>
            </label>
            <button
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls="site-nav"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {t('nav.menu')}
            </button>
          </div>
        </div>
        <nav
          id="site-nav"
          aria-label={t('nav.main')}
          className={menuOpen ? 'site-nav open' : 'site-nav'}
          onClickCapture={(e) => {
            if ((e.target as HTMLElement).closest('a, button')) setMenuOpen(false);
          }}
        >
          <ul>
            <li><NavLink to="/" end>{t('nav.home')}</NavLink></li>
            <li><NavLink to="/campaigns">{t('nav.campaigns')}</NavLink></li>
            {user ? (
              <>
                <li><NavLink to="/me/donations">{t('nav.myDonations')}</NavLink></li>
                <li><NavLink to="/me/campaigns">{t('nav.myCampaigns')}</NavLink></li>
                {isAdmin && <li><NavLink to="/admin">{t('nav.admin')}</NavLink></li>}
                <li><NavLink to="/profile">{t('nav.profile')}</NavLink></li>
                <li>
                  <button type="button" className="link-button" onClick={() => void signOut()}>
                    {t('nav.signOut')}
                  </button>
                </li>
              </>
            ) : (
              <>
                <li><NavLink to="/donations/guest/request">{t('nav.guestHistory')}</NavLink></li>
                <li><NavLink to="/signin">{t('nav.signIn')}</NavLink></li>
                <li><NavLink to="/register">{t('nav.register')}</NavLink></li>
              </>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.note')}</p>
      </footer>
    </>
  );
}
