/** The toolbar badge: how many clauses a tab's page has, coloured by the worst of them. */
import browser from 'webextension-polyfill';
import { plural, t, type MessageKey } from '../i18n/t';
import { severityRank, type Severity } from '../records/taxonomy';

/** Badge colours; each passes 4.5:1 against the white badge text. */
export const BADGE_COLOURS: Record<Severity, string> = {
  critical: '#9f1239',
  high: '#b91c1c',
  medium: '#9a3412',
  low: '#1d4ed8',
  positive: '#166534',
};

/** The worst severity as the tooltip names it. */
const WORST: Record<Severity, MessageKey> = {
  critical: 'badgeSeverityCritical',
  high: 'badgeSeverityHigh',
  medium: 'badgeSeverityMedium',
  low: 'badgeSeverityLow',
  positive: 'badgeSeverityPositive',
};

export function worstSeverity(severities: readonly Severity[]): Severity | null {
  let worst: Severity | null = null;
  for (const s of severities) if (worst === null || severityRank(s) < severityRank(worst)) worst = s;
  return worst;
}

/** Sets the tab's badge; an empty list clears it. Returns the text shown. */
export async function showBadge(tabId: number, severities: readonly Severity[]): Promise<string> {
  const worst = worstSeverity(severities);
  const text = severities.length ? String(severities.length) : '';
  await browser.action.setBadgeText({ tabId, text });
  if (worst) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[worst] });
    await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    const title = plural(severities.length, 'badgeTitleOne', 'badgeTitleMany', text, t(WORST[worst]));
    await browser.action.setTitle({ tabId, title });
  } else {
    await browser.action.setTitle({ tabId, title: t('extensionName') });
  }
  return text;
}
