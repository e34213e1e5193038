// Forecasting alerts carry the topic of their Criminal Code chapter (chapter:06), or chapter:all for series of all
// offences (src/modules/forecasting/anomalies/anomalies.service.ts); a subscription with topics receives only
// alerts that share one of them.

export const ALL_OFFENCES_TOPIC = 'chapter:all';

export const chapterTopic = (chapter: string) => `chapter:${chapter}`;

/** The chapter code of a topic, 'all' for all offences, or null for a topic of another kind. */
export function chapterOfTopic(topic: string): string | null {
  return topic.startsWith('chapter:') ? topic.slice('chapter:'.length) : null;
}
