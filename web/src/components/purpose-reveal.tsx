import { useState, type ReactNode } from 'react';
import { useAction } from '../app/use-action';
import { NoteDialog } from '../core/alerts/note-dialog';

// Personal data may be processed only for a stated purpose (Law of the Republic of Kazakhstan of 21 May 2013
// No. 94-V "On Personal Data and Their Protection"), so the server requires one for every reveal and audits it.
const MIN_PURPOSE_LENGTH = 10;

export interface PurposeRevealLabels {
  button: string;
  title: string;
  purpose: string;
  hint: string;
  submit: string;
}

/** A button that asks for a purpose, sends it with the reveal request, and shows what came back. */
export function PurposeReveal<T>({
  request,
  render,
  labels,
  buttonTestId,
}: {
  request: (purpose: string) => Promise<T>;
  render: (value: T) => ReactNode;
  labels: PurposeRevealLabels;
  buttonTestId: string;
}) {
  const [asking, setAsking] = useState(false);
  const [value, setValue] = useState<T | null>(null);
  const reveal = useAction(request);

  async function submit(purpose: string) {
    const res = await reveal.run(purpose);
    if (res) {
      setValue(res);
      setAsking(false);
    }
  }

  if (value !== null) return <>{render(value)}</>;

  return (
    <>
      <button
        type="button"
        className="btn btn--small btn--warning-outline"
        onClick={() => setAsking(true)}
        data-testid={buttonTestId}
      >
        {labels.button}
      </button>
      {asking && (
        <NoteDialog
          title={labels.title}
          label={labels.purpose}
          hint={labels.hint}
          submitLabel={labels.submit}
          minLength={MIN_PURPOSE_LENGTH}
          pending={reveal.pending}
          error={reveal.error}
          onSubmit={(purpose) => void submit(purpose)}
          onClose={() => setAsking(false)}
          testId="reveal-dialog"
        />
      )}
    </>
  );
}
