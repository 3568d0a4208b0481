import type { ReactNode } from 'react';

export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="auth-page">
      <title>{`${title} | Rapport`}</title>
      <div className="auth-card card">
        <p className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">R</span>
          <span className="brand-name">Rapport</span>
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
