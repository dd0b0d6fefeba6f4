// @ts-check
// Written from the protocol module (org.tingsted.protocol.ClientContract): do not edit.
// ClientContractTest fails when this differs and prints what to write here.

/** Texts a person writes, and their limits in characters (code points). */
export const LIMITS = Object.freeze({
  title: 120,
  text: 2000,
  commentText: 1000,
  clusterName: 80,
  reason: 500,
  announcement: 1000,
  url: 500,
  agendaTitle: 120,
  timerLabel: 120
});

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
