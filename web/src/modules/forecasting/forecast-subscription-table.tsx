import { useReferenceData } from '../../app/reference-data';
import type { Agency } from '../../app/types';
import { SeverityBadge } from '../../components/badge';
import { RelativeTime } from '../../components/relative-time';
import { Table, type Column } from '../../components/table';
import { useCatalogue } from './catalogue';
import { useForecastingI18n } from './i18n';
import { chapterOfTopic } from './topics';
import type { TopicSubscription } from './types';

export function ForecastSubscriptionTable({
  items,
  agencies,
}: {
  items: TopicSubscription[];
  agencies: Agency[];
}) {
  const { t, pick } = useForecastingI18n();
  const { scopeLabel } = useReferenceData();
  const { categoryName } = useCatalogue();
  const topicName = (topic: string) => {
    const chapter = chapterOfTopic(topic);
    if (chapter === null) return topic;
    return chapter === 'all' ? t('sub.allOffences') : categoryName({ chapter, article: null });
  };
  const columns: Column<TopicSubscription>[] = [
    {
      id: 'agency',
      header: t('sub.agency'),
      cell: (s) => pick(agencies.find((a) => a.id === s.agencyId)?.name) || s.agencyId,
    },
    {
      id: 'url',
      header: t('sub.url'),
      cell: (s) => <span className="mono small break">{s.url}</span>,
      className: 'cell-url',
    },
    { id: 'regions', header: t('sub.regions'), cell: (s) => scopeLabel(s.regions) },
    {
      id: 'topics',
      header: t('sub.chapters'),
      cell: (s) =>
        s.topics.length === 0 ? (
          <span className="muted">{t('sub.allChapters')}</span>
        ) : (
          <ul className="fc-topic-list" data-testid="fc-subscription-topics">
            {s.topics.map((topic) => (
              <li key={topic} data-topic={topic}>
                {topicName(topic)}
              </li>
            ))}
          </ul>
        ),
    },
    { id: 'min', header: t('sub.minSeverity'), cell: (s) => <SeverityBadge severity={s.minSeverity} /> },
    {
      id: 'created',
      header: t('sub.created'),
      cell: (s) => <RelativeTime iso={s.createdAt} />,
      className: 'nowrap',
    },
  ];
  return (
    <Table
      columns={columns}
      rows={items}
      rowKey={(s) => s.id}
      caption={t('sub.listTitle')}
      rowTestId="fc-subscription-row"
      testId="fc-subscriptions"
    />
  );
}
