import type { DateReach } from './blocking.js';
import { dateAgreements, dateNumber, iinNumber } from './identity.js';
import { bestPossibleScore, iinUpperWeight, type ObservedPerson } from './person-score.js';

/** Index of "no date on one side" in a gate, after the dateAgreements. */
export const UNDATED = dateAgreements.length;

/**
 * Which date agreements (dateAgreements, then UNDATED) leave a pair able to reach the threshold, worked out once per
 * observation: without help from the IIN, and with the most an IIN one digit off the listed one could add.
 */
export interface DateGate {
  observed: ObservedPerson;
  date: number;
  iin: number;
  plain: readonly boolean[];
  withIin: readonly boolean[];
  /** The date agreements open with or without the IIN's help: the only blocks worth looking up. */
  reach: DateReach;
}

function openings(observed: ObservedPerson, iin: number, threshold: number): boolean[] {
  const open = dateAgreements.map((dates) => bestPossibleScore(observed, dates, iin) >= threshold);
  return [...open, bestPossibleScore(observed, null, iin) >= threshold];
}

export function dateGate(observed: ObservedPerson, threshold: number): DateGate {
  const plain = openings(observed, 0, threshold);
  const iin = iinUpperWeight(observed);
  const withIin = iin === 0 ? plain : openings(observed, iin, threshold);
  const open = (agreement: number) => plain[agreement] === true || withIin[agreement] === true;
  return {
    observed,
    date: dateNumber(observed.birthDate),
    iin: iinNumber(observed.iin),
    plain,
    withIin,
    reach: { equal: open(0), swapped: open(1), oneDigit: open(2), undated: open(UNDATED) },
  };
}

/** What a gate's openings depend on: the name's shape (words, patronymic) and the IIN's state. */
export function gateShape(observed: ObservedPerson): number {
  const iinState = observed.iin === null ? 0 : observed.iin.valid ? 1 : 2;
  return (
    ((observed.name?.tokens.length ?? 0) * 2 + (observed.name?.patronymic != null ? 1 : 0)) * 3 + iinState
  );
}
