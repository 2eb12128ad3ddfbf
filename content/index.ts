/**
 * Content script entry. It runs only on the sites the manifest lists; on a page that is not
 * a known document it costs one message and then only watches for a change of address.
 */
import { startSession } from './session';

startSession();
