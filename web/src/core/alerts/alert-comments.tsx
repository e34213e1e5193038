import { useState, type SubmitEvent } from 'react';
import { useApi } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { Alert, AlertComment } from '../../app/types';
import { useAction } from '../../app/use-action';
import { ErrorState } from '../../components/error-state';
import { Field } from '../../components/field';
import { RelativeTime } from '../../components/relative-time';
import { actorName } from './actor-name';

interface AlertCommentsProps {
  alertId: string;
  comments: AlertComment[];
  /** Commenting needs alerts.act; readers (e.g. auditors) see the thread without the form. */
  canPost: boolean;
  onPosted: (alert: Alert) => void;
}

export function AlertComments({ alertId, comments, canPost, onPosted }: AlertCommentsProps) {
  const api = useApi();
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const post = useAction((text: string) =>
    api.post<Alert>(`/api/alerts/${encodeURIComponent(alertId)}/comments`, { body: text }),
  );

  async function handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const updated = await post.run(body.trim());
    if (updated) {
      setBody('');
      onPosted(updated);
    }
  }

  return (
    <div className="comments">
      {comments.length === 0 ? (
        <p className="muted">{t('alert.noComments')}</p>
      ) : (
        <ul className="comment-list" data-testid="alert-comments">
          {comments.map((c) => (
            <li key={c.id} className="comment">
              <p className="comment__meta">
                <strong>{actorName(c.author) ?? t('alert.system')}</strong> · <RelativeTime iso={c.at} />
              </p>
              <p className="comment__body">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canPost && (
        <form className="form" onSubmit={(e) => void handleSubmit(e)}>
          <Field label={t('alert.commentLabel')}>
            {({ id }) => (
              <textarea
                id={id}
                className="input"
                rows={3}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                data-testid="comment-body"
              />
            )}
          </Field>
          {post.error && <ErrorState error={post.error} inline />}
          <div className="form__actions">
            <button
              type="submit"
              className="btn"
              disabled={post.pending || !body.trim()}
              data-testid="comment-submit"
            >
              {post.pending ? t('common.working') : t('alert.postComment')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
