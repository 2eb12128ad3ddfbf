/**
 * Content script entry. It runs only on the sites the manifest lists; on a page that is not
 * a known document it costs one message and then only watches for a change of address.
 */
import { anchorPage } from './anchor-page';
import { paint, supportsHighlights } from './highlighter';
import { onCommand, request } from './messaging';
import { claimDocument } from './once';
import { startSession } from './session';
import { sendFingerprints } from './verify';

// Once per document: the background may inject this script where the manifest already put it.
if (claimDocument()) startSession({
  request,
  onCommand,
  anchorPage,
  // A browser without the CSS Custom Highlight API still gets the card, the popup and the badge.
  highlight: (clauses) => {
    if (supportsHighlights()) paint(clauses);
  },
  sendFingerprints,
});
