/**
 * The fixed vocabularies every pack shares. They are plain constants (no zod) so the
 * content script can import them without pulling the validator into its bundle.
 */

/** Worst first: the order the popup lists clauses in and the badge takes its colour from. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'positive'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Lower is worse; used to sort and to pick a page's worst clause. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/**
 * Categories are a closed list so that "found in N of M platforms" compares like with like.
 * Imports map their own topics onto these (see records/tosdr.ts).
 */
export const CATEGORIES = {
  'data-sharing': 'Data sharing and selling',
  'training-on-user-content': 'Training on user content',
  retention: 'Data retention',
  tracking: 'Tracking and telemetry',
  arbitration: 'Arbitration and class-action waiver',
  jurisdiction: 'Choice of law and jurisdiction',
  liability: 'Limitation of liability',
  'warranty-disclaimer': 'Warranty disclaimer',
  indemnification: 'Indemnification',
  'unilateral-change': 'Unilateral change',
  termination: 'Unilateral termination',
  'content-licence': 'Licence to your content',
  'content-removal': 'Content removal',
  'contract-by-using': 'Contract by using',
  'fees-renewal': 'Fees and auto-renewal',
  'account-deletion': 'Account deletion',
  'age-limits': 'Age limits',
  feedback: 'Feedback',
  'use-restrictions': 'Use restrictions',
  'user-rights': 'Your rights and controls',
  security: 'Security',
  other: 'Other',
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as [Category, ...Category[]];

export const DOCUMENT_KINDS = [
  'terms',
  'privacy',
  'acceptable-use',
  'data-usage',
  'service-terms',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Bumped only when a pack written for an older version can no longer be read. */
export const PACK_SCHEMA_VERSION = 1;
