import { words } from '../knowledge/text.js';
import { readShippedConceptNeeds } from './concept-needs.js';
import conceptData from './data/cloud-concepts.json' with { type: 'json' };
import catalogueData from './data/cloud-services.json' with { type: 'json' };
import conceptKeysData from './data/concept-keys.json' with { type: 'json' };
import { loadShippedNeeds } from './service-catalogue.js';

/**
 * Every word of the tutor's own word lists: the official names of the catalogue's services, the
 * cloud lexicon, and how people describe the needs of services, concepts and features. They are
 * written with care, so none is a typo, though no dictionary of English has most of them
 * (`backend`, `systemd`, `idempotence`). The catalogue's other spellings are left out: some are
 * misspellings on purpose (`lamda`), to recognise them.
 */
let tradeWords: ReadonlySet<string> | null = null;

export function loadTradeWords(): ReadonlySet<string> {
  if (!tradeWords) {
    const found = new Set<string>();
    const visit = (value: unknown): void => {
      if (typeof value === 'string') for (const word of words(value)) found.add(word);
      else if (Array.isArray(value)) for (const item of value) visit(item);
      else if (value && typeof value === 'object')
        for (const [key, item] of Object.entries(value)) {
          visit(key);
          visit(item);
        }
    };
    visit(catalogueData.services.map((service) => service.name));
    visit(conceptData);
    visit(conceptKeysData.keys);
    const needs = loadShippedNeeds();
    for (const service of needs.names('needs')) visit([service, needs.list('needs', service)]);
    // Situations are chat, abbreviations and commit hashes among them, and stay out as the services' do.
    const concepts = readShippedConceptNeeds();
    visit([...concepts.concepts, ...concepts.features].map(({ names, needs }) => ({ names, needs })));
    tradeWords = found;
  }
  return tradeWords;
}
