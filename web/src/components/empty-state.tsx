import type { ReactNode } from 'react';

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <svg className="empty-state__icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M4 5h16v11H4z M2 19h20" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      <p className="empty-state__title">{title}</p>
      {hint && <p className="empty-state__hint">{hint}</p>}
      {action}
    </div>
  );
}
