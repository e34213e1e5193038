import { useState } from 'react';
import { useI18n } from '../app/i18n';

export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard API needs a secure context; over plain http on an intranet, fall back to the legacy command.
      const area = document.createElement('textarea');
      area.value = text;
      document.body.appendChild(area);
      area.select();
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only way to copy outside a secure context
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2000);
  }

  return (
    <button
      type="button"
      className="btn btn--small"
      onClick={() => void copy()}
      data-testid={testId}
      aria-live="polite"
    >
      {copied ? t('common.copied') : t('common.copy')}
    </button>
  );
}
