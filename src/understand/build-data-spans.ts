import { SHIPPED_CONCEPT_NEEDS } from './concept-needs.js';
import { JsonSections } from './json-sections.js';
import { SHIPPED_NEEDS } from './service-catalogue.js';

/**
 * Run by the build after tsc (`scripts/finish-build.mjs`): where each service's needs and each
 * concept's lie in the shipped data, so that no start has to look for them.
 */
for (const path of [SHIPPED_NEEDS, SHIPPED_CONCEPT_NEEDS]) JsonSections.writeSpans(path);
process.stdout.write('build-data-spans: wrote the spans of service-needs.json and concept-needs.json\n');
