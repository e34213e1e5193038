import type { AppealStatus } from '../../../../src/modules/appeals/appeals.contract.js';

export type AppealAction = 'confirm' | 'correct' | 'escalate' | 'route' | 'close';

/**
 * Which decision is offered from which status. The server refuses any action on a closed appeal (409) and accepts the
 * rest from any status; the screen offers only moves that make sense, so confirming cannot pull an escalated appeal
 * back to "confirmed", and an appeal already with a prosecutor is not escalated twice. Re-routing stays possible,
 * for an appeal sent to the wrong agency.
 */
const FROM: Record<AppealAction, readonly AppealStatus[]> = {
  confirm: ['new'],
  correct: ['new', 'confirmed', 'escalated', 'routed'],
  escalate: ['new', 'confirmed', 'routed'],
  route: ['new', 'confirmed', 'escalated', 'routed'],
  close: ['new', 'confirmed', 'escalated', 'routed'],
};

const ORDER: AppealAction[] = ['confirm', 'correct', 'escalate', 'route', 'close'];

export function allowedActions(status: AppealStatus): AppealAction[] {
  return ORDER.filter((action) => FROM[action].includes(status));
}
