/** The questions the real-notes latency is measured on: the shared dev set, or a stand-in when it is absent. */
import { existsSync, readFileSync } from 'node:fs';

const STAND_IN_QUESTIONS: readonly string[] = [
  'what is lambda',
  'tell me about ec2',
  'what is s3',
  'explain fargate',
  'ecs vs eks',
  'lambda vs ec2',
  'what is ecr',
  'how does lambda pricing work',
  'what is an api gateway',
  'aws batch',
  'lightsail?',
  'what is docker',
  'difference between fargate and ecs',
  'lamda',
  'kubernets on aws',
  'what services run containers',
  'which service stores docker images',
  'serverless compute options',
  'list topics',
  'quiz me',
  'leaderboard',
  'help',
  'what can you do',
  'what is the weather today',
  'who won the match',
  'how do I scale containers quickly',
  'what is a batch job',
  'cheap virtual servers for beginners',
  'event driven functions',
  'eks vs fargate',
];

export function readDevQuestions(path: string): { questions: string[]; source: string } {
  if (!existsSync(path))
    return { questions: [...STAND_IN_QUESTIONS], source: `built-in list (${path} not found)` };
  const questions = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { q: string }).q);
  return { questions, source: path };
}
