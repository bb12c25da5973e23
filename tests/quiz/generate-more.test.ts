import { describeQuestionsOf, FOLDERS } from './folder-questions.js';

// The other half of the folders of generate.test.ts, so that the two files run side by side.
describeQuestionsOf(Object.keys(FOLDERS).filter((_, at) => at % 2 === 1));
