/** Organisation policy: the numbers behind quarantine, exposure and bridging. */
export interface Policy {
  /** Days a member must stay out of a new team's office after their last office day with the old one. */
  exposureWindowDays: number;
  /** Default length of a quarantine (inclusive: start + days − 1). */
  quarantineDays: number;
  /** Days a team returning from standby waits before its next office day. */
  returnSeparationDays: number;
  /** How far before a positive case's onset exposure is looked up. */
  exposureLookbackDays: number;
  /** With several slots a day: does the whole day count as shared ('day', cautious) or only the slot? */
  exposureScope: 'day' | 'slot';
}

export const DEFAULT_POLICY: Policy = {
  exposureWindowDays: 14,
  quarantineDays: 14,
  returnSeparationDays: 0,
  exposureLookbackDays: 2,
  exposureScope: 'day',
};

/** The policy fields an admin has set; the rest are the design's defaults. */
export type PolicyOverrides = Partial<Policy>;
