import { KeyedLists } from './keyed-lists.js';
import { SHIPPED_NEEDS } from './service-catalogue.js';

/**
 * Run by the build after tsc (`scripts/finish-build.mjs`): where each list of the shipped needs
 * lies in data/service-needs.json, so that no start has to look for them.
 */
KeyedLists.writeSpans(SHIPPED_NEEDS);
process.stdout.write('build-need-spans: wrote data/service-needs.spans.json\n');
