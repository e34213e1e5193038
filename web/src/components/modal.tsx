import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../app/i18n';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
}

/**
 * A modal on the native <dialog> element: the browser provides the focus trap, Escape to close and the top layer,
 * which a hand-rolled overlay gets wrong in subtle ways for keyboard and screen-reader users.
 */
export function Modal({ title, onClose, children, footer, wide = false, testId }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const handleCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', handleCancel);
    return () => {
      dialog.removeEventListener('cancel', handleCancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'modal modal--wide' : 'modal'}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <header className="modal__header">
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        <CloseButton onClick={onClose} />
      </header>
      <div className="modal__body">{children}</div>
      {footer && <footer className="modal__footer">{footer}</footer>}
    </dialog>
  );
}

export function CloseButton({ onClick, label }: { onClick: () => void; label?: string }) {
  const { t } = useI18n();
  return (
    <button type="button" className="icon-btn" onClick={onClick} aria-label={label ?? t('common.close')}>
      <svg viewBox="0 0 16 16" aria-hidden="true" width="16" height="16">
        <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="1.6" />
      </svg>
    </button>
  );
}
