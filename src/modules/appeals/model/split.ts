import { fnv1a } from './features.js';

/** A fixed held-out quarter, chosen by a hash of the example's id: stable as the corpus grows. */
export const isHeldOut = (id: string): boolean => fnv1a(`split:${id}`) % 100 < 25;
