// A seeded sample of generated quiz questions for a blind review: answers hidden unless --answers.
// node scripts/quiz-sample.mjs SEED [--answers] DIR:COUNT ...   (run `npm run build` first)
import { loadKnowledgeDir } from '../dist/src/knowledge/load.js';
import { generateQuestions } from '../dist/src/quiz/generate.js';
import { seededRandom, shuffled } from '../dist/src/quiz/random.js';
import { createTutor } from '../dist/src/tutor/tutor.js';

const [seed = 'review', ...rest] = process.argv.slice(2);
const answers = rest.includes('--answers');
const folders = rest.filter((arg) => arg !== '--answers').map((arg) => arg.split(':'));
let n = 0;
for (const [dir, count = '7'] of folders) {
  const knowledge = loadKnowledgeDir(dir).knowledge;
  const questions = generateQuestions(knowledge, createTutor(knowledge));
  for (const question of shuffled(questions, seededRandom(seed + dir)).slice(0, Number(count))) {
    n++;
    console.log(`\n#${n} [${dir}]${answers ? ` ${question.kind} ${question.id}` : ''}\n${question.stem}`);
    question.options.forEach((option, i) => {
      console.log(`  ${'ABCD'[i]}. ${option}`);
    });
    if (answers) {
      console.log(`  ANSWER: ${'ABCD'[question.answer]}`);
      console.log(question.explanation.replace(/^/gm, '    '));
    }
  }
}
