import type { ReactNode } from 'react';
import { useAppealsI18n } from './i18n';
import { segment, spansFor, type Segment } from './highlight';
import type { AppealDetail, TextField } from '../../../../src/modules/appeals/appeals.contract.js';

interface HighlightedTextProps {
  appeal: Pick<AppealDetail, 'explanation' | 'entities'>;
  field: TextField;
  text: string;
  testId: string;
}

/** Three steps of saturation are easier to tell apart than a continuous scale. */
const level = (strength: number) => (strength >= 0.67 ? 3 : strength >= 0.34 ? 2 : 1);

/**
 * The subject or the text with each label's evidence marked in the label's colour (stronger phrases more
 * saturated; the weight is in the tooltip) and recognised entities underlined with their kind.
 */
export function HighlightedText({ appeal, field, text, testId }: HighlightedTextProps) {
  const { t, formatNumber } = useAppealsI18n();
  const { evidence, entities } = spansFor(appeal, field, text);
  const pieces = segment(text, evidence, entities);

  function render(piece: Segment): ReactNode {
    let node: ReactNode = piece.text;
    const top = piece.evidence[0];
    if (top) {
      const title = piece.evidence
        .map((e) => t('detail.weight', { label: t(`label.${e.label}`), weight: formatNumber(e.weight, 2) }))
        .join('\n');
      node = (
        <mark
          className={`hl hl--${level(top.strength)} label-tone--${top.label}`}
          title={title}
          data-testid="evidence"
          data-label={top.label}
          data-labels={piece.evidence.map((e) => e.label).join(' ')}
          data-weight={top.weight}
        >
          {node}
        </mark>
      );
    }
    const entity = piece.entities[0];
    if (entity) {
      node = (
        <span
          className="entity"
          title={`${t(`entity.${entity.kind}`)}: ${entity.value}${entity.detail ? ` (${entity.detail})` : ''}`}
          data-testid="entity"
          data-kind={entity.kind}
        >
          {node}
        </span>
      );
    }
    return (
      <span key={piece.start}>
        {node}
        {piece.entityEnds.map((e) => (
          <span key={`${e.start}-${e.kind}`} className="entity-tag" aria-hidden="true">
            {t(`entity.${e.kind}`)}
          </span>
        ))}
      </span>
    );
  }

  return (
    <p className="appeal-text" data-testid={testId}>
      {pieces.map(render)}
    </p>
  );
}
