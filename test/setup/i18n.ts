/** Vitest setup: t() reads the English messages.json in Node, where there is no browser i18n. */
import { setMessageSource } from '../../src/i18n/t';
import { englishMessages } from '../helpers/node-i18n';

setMessageSource(englishMessages);
