import type { BlockAction } from '@slack/bolt';

/** Who asks, and where: every quiz and score is kept and shown per workspace (`teamId`). */
export interface Asker {
  teamId: string;
  channelId: string;
  userId: string;
  /** Asked in a direct message with the app: rankings are then the workspace's, not a channel's. */
  inDm: boolean;
}

/** Direct-message channel ids start with D. */
export function isDmChannel(channelId: string): boolean {
  return channelId.startsWith('D');
}

/** Who clicked a button, and where. */
export function askerOfAction(body: BlockAction): Asker {
  const channelId = body.channel?.id ?? '';
  return {
    teamId: body.team?.id ?? body.user.team_id ?? '',
    channelId,
    userId: body.user.id,
    inDm: isDmChannel(channelId),
  };
}
