import { useForecastingI18n } from './i18n';

/**
 * A change in per cent with its sign. A rise is marked in red and a fall in blue, the map's diverging colours;
 * neither is "good": a rise in registrations can as well mean better reporting.
 */
export function ChangeText({ percent }: { percent: number | null | undefined }) {
  const { signedPercent } = useForecastingI18n();
  const tone =
    percent === null || percent === undefined || percent === 0
      ? undefined
      : percent > 0
        ? 'fc-up'
        : 'fc-down';
  return <span className={tone}>{signedPercent(percent)}</span>;
}
