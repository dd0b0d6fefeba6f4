// @ts-check
// Written from the server (org.tingsted.server.ClientContract): do not edit.
// ClientContractTest fails when this differs and prints what to write here.

/** Texts a person writes with their limits in characters (code points), and the limits of a vote. */
export const LIMITS = Object.freeze({
  title: 120,
  text: 2000,
  commentText: 1000,
  clusterName: 80,
  reason: 500,
  announcement: 1000,
  url: 500,
  agendaTitle: 120,
  timerLabel: 120,
  voteItems: 100,
  dotsPerMember: 100,
  defaultDotsPerMember: 5,
  defaultCapPerItem: 3
});

/** The points of the agreement scale of a scale vote. */
export const SCALE = Object.freeze({ min: 1, max: 5 });

/** Every event kind the server sends, by its wire name. */
export const EVENT_KINDS = Object.freeze([
  'proposed',
  'proposalEdited',
  'proposalWithdrawn',
  'commented',
  'clusterCreated',
  'clusterRenamed',
  'proposalMoved',
  'clustersMerged',
  'clusterDissolved',
  'voteOpened',
  'ballotCast',
  'voteClosed',
  'itemHidden',
  'itemRestored',
  'resultPublished',
  'videoLinkSet',
  'handRaised',
  'handLowered',
  'floorGiven',
  'turnEnded',
  'queueReordered',
  'draftPromoted',
  'draftEdited',
  'draftsMerged',
  'draftWithdrawn',
  'finalVoteOpened',
  'finalBallotCast',
  'finalVoteClosed',
  'answerRecorded',
  'reportPublished',
  'reportUnpublished',
  'agendaSet',
  'phaseChanged',
  'timerStarted',
  'timerPaused',
  'timerResumed',
  'timerExtended',
  'timerCancelled',
  'timerElapsed',
  'announced',
  'memberMoved'
]);

/** What the name of each kind of stream starts with: `table:<table>`, `session:<session>`. */
export const STREAM_PREFIXES = Object.freeze({
  table: 'table:',
  session: 'session:'
});

/** Member commands the phase holds back, and the phases that open them (the server's Phases). */
export const PHASE_WINDOWS = Object.freeze({
  propose: ['propose'],
  edit: ['propose', 'discuss'],
  withdraw: ['propose', 'discuss'],
  comment: ['propose', 'discuss', 'cluster'],
  createCluster: ['cluster'],
  renameCluster: ['cluster'],
  moveToCluster: ['cluster'],
  mergeClusters: ['cluster'],
  dissolveCluster: ['cluster']
});
