// One table's state as a team would keep it in memory: proposals by id with their
// comments, clusters, ballots per member. apply() decides a command against the state,
// changes it, and returns the event's data, or an error to send to the sender alone.

import { COMMANDS, dataOf, error } from './contract.js';

export class Table {
  constructor(index) {
    this.index = index;
    this.stream = `table:${index}`;
    this.seq = 0;
    this.proposals = new Map(); // p<n> -> { by, title, text, comments: [], cluster }
    this.clusters = new Map(); // k<n> -> { name, proposals: Set }
    this.ballots = new Map(); // vote -> Map(member -> ballot)
    this.nextProposal = 1;
    this.nextCluster = 1;
  }

  /** Applies a checked command from member `by`; returns { data } or { error }. */
  apply(by, cmd) {
    if (!COMMANDS.has(cmd.type)) {
      return { error: error(cmd.id, 'unknown_type', `unknown command type ${JSON.stringify(cmd.type)}`) };
    }
    const data = dataOf(cmd);
    switch (cmd.type) {
      case 'propose': {
        const id = `p${this.nextProposal++}`;
        this.proposals.set(id, { by, title: cmd.title, text: cmd.text, comments: [], cluster: null });
        data.proposal = id;
        return { data };
      }
      case 'comment': {
        const proposal = this.proposals.get(cmd.proposal);
        if (!proposal) return { error: notFound(cmd, 'proposal', cmd.proposal) };
        proposal.comments.push({ by, kind: cmd.kind, text: cmd.text });
        return { data };
      }
      case 'createCluster': {
        const members = Array.isArray(cmd.proposals) ? cmd.proposals : [];
        const missing = members.find((p) => !this.proposals.has(p));
        if (missing !== undefined) return { error: notFound(cmd, 'proposal', missing) };
        const id = `k${this.nextCluster++}`;
        const cluster = { name: cmd.name, proposals: new Set() };
        this.clusters.set(id, cluster);
        for (const p of members) this.move(p, id);
        data.cluster = id;
        return { data };
      }
      case 'moveToCluster': {
        if (!this.proposals.has(cmd.proposal)) return { error: notFound(cmd, 'proposal', cmd.proposal) };
        const to = cmd.cluster ?? null;
        if (to !== null && !this.clusters.has(to)) return { error: notFound(cmd, 'cluster', to) };
        this.move(cmd.proposal, to);
        return { data };
      }
      case 'castBallot': {
        const vote = String(cmd.vote ?? '');
        let ballots = this.ballots.get(vote);
        if (!ballots) this.ballots.set(vote, (ballots = new Map()));
        ballots.set(by, cmd.ballot ?? null);
        return { data };
      }
    }
    return { error: error(cmd.id, 'unknown_type', cmd.type) };
  }

  /** Puts proposal `p` into cluster `to` (or none), leaving the cluster it was in. */
  move(p, to) {
    const proposal = this.proposals.get(p);
    if (proposal.cluster !== null) this.clusters.get(proposal.cluster)?.proposals.delete(p);
    proposal.cluster = to;
    if (to !== null) this.clusters.get(to).proposals.add(p);
  }
}

function notFound(cmd, what, id) {
  return error(cmd.id, 'not_found', `no ${what} ${JSON.stringify(id)} at this table`);
}
