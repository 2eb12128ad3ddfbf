/** The words for the fixed vocabularies (severities, categories), for every page that shows them. */
import type { Category, Severity } from '../records/taxonomy';
import { t, type MessageKey } from './t';

/** Severity as a shape as well as a word and a colour, so it never rests on colour alone. */
export const SEVERITY_ICON: Record<Severity, string> = {
  critical: '‼',
  high: '▲',
  medium: '◆',
  low: '●',
  positive: '✓',
};

export const SEVERITY_KEY: Record<Severity, MessageKey> = {
  critical: 'severityCritical',
  high: 'severityHigh',
  medium: 'severityMedium',
  low: 'severityLow',
  positive: 'severityPositive',
};

export const severityLabel = (severity: Severity): string => t(SEVERITY_KEY[severity]);

/** The English of each is taxonomy.ts's CATEGORIES (a unit test holds them together). */
export const CATEGORY_KEY: Record<Category, MessageKey> = {
  'data-sharing': 'categoryDataSharing',
  'training-on-user-content': 'categoryTrainingOnUserContent',
  retention: 'categoryRetention',
  tracking: 'categoryTracking',
  arbitration: 'categoryArbitration',
  jurisdiction: 'categoryJurisdiction',
  liability: 'categoryLiability',
  'warranty-disclaimer': 'categoryWarrantyDisclaimer',
  indemnification: 'categoryIndemnification',
  'unilateral-change': 'categoryUnilateralChange',
  termination: 'categoryTermination',
  'content-licence': 'categoryContentLicence',
  'content-removal': 'categoryContentRemoval',
  'contract-by-using': 'categoryContractByUsing',
  'fees-renewal': 'categoryFeesRenewal',
  'account-deletion': 'categoryAccountDeletion',
  'age-limits': 'categoryAgeLimits',
  feedback: 'categoryFeedback',
  'use-restrictions': 'categoryUseRestrictions',
  'user-rights': 'categoryUserRights',
  security: 'categorySecurity',
  other: 'categoryOther',
};

export const categoryLabel = (category: Category): string => t(CATEGORY_KEY[category]);
