import type { Command } from './reply.js';

/** What a person can ask, the same after `/aws` in Slack and at the terminal prompt. */
export const COMMANDS: Command[] = [
  { usage: '<question>', example: 'what is fargate', description: 'explain a topic from the notes' },
  { usage: '<topic> <facet>', example: 'lambda pricing', description: 'one fact about a topic' },
  { usage: '<topic> vs <topic>', example: 'ecs vs fargate', description: 'compare topics side by side' },
  { usage: 'topics', example: 'topics', description: 'list everything the notes cover' },
  { usage: 'quiz [topic]', example: 'quiz me on lambda', description: 'a practice question from the notes' },
  { usage: 'leaderboard', example: 'leaderboard', description: 'quiz scores' },
  { usage: 'help', example: 'help', description: 'this list' },
];
