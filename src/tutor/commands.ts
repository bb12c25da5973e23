import type { Command } from './reply.js';

/** What a person can ask, the same after `/aws` in Slack and at the terminal prompt. */
export const COMMANDS: Command[] = [
  { usage: '<question>', example: 'what is fargate', description: 'explain a topic from the notes' },
  { usage: '<topic> <facet>', example: 'lambda pricing', description: 'one fact about a topic' },
  { usage: '<topic> vs <topic>', example: 'ecs vs fargate', description: 'compare topics side by side' },
  { usage: 'topics', example: 'topics', description: 'list everything the notes cover' },
  {
    usage: 'quiz [topic]',
    example: 'quiz me on lambda',
    description: 'a private practice question from the notes',
  },
  {
    usage: 'quiz daily [HH:MM Zone | off | now]',
    example: 'quiz daily 09:00 Europe/Berlin',
    description: 'a daily quiz in this channel (admins set it)',
  },
  {
    usage: 'review [start [notes-file] | remind HH:MM | remind off]',
    example: 'review',
    description: 'your next due review card (spaced repetition, only you see it)',
  },
  { usage: 'score', example: 'score', description: 'your points, streak, accuracy and weakest topics' },
  {
    usage: 'leaderboard [week | month | all]',
    example: 'leaderboard month',
    description: 'the channel’s ranking (the workspace’s in a DM)',
  },
  {
    usage: 'leaderboard teams [week | month | all]',
    example: 'leaderboard teams',
    description: 'channels ranked by their best three',
  },
  { usage: 'help', example: 'help', description: 'this list' },
];
