// Peer 2: a plain `ws` server at /ws, what a team would build without a framework.
// Each table's state lives in memory (lib/table.js); each command is applied, acked to its
// sender, and broadcast to every connection at the table, encoded once.
//   node ws/server.js [port]   (or PORT=…); prints `listening <port>` when ready.

import http from 'node:http';
import { WebSocketServer } from 'ws';
import { error, parseText, portFromArgs, seatOf } from '../lib/contract.js';
import { Table } from '../lib/table.js';

const tables = new Map(); // table index -> { table: Table, sockets: Set }

function tableAt(index) {
  let t = tables.get(index);
  if (!t) tables.set(index, (t = { table: new Table(index), sockets: new Set() }));
  return t;
}

const server = http.createServer((req, res) => {
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server, path: '/ws', perMessageDeflate: false, maxPayload: 64 * 1024 });

wss.on('connection', (socket) => {
  let seat = null; // { at, by }
  const send = (obj) => socket.send(JSON.stringify(obj));

  socket.on('message', (raw, isBinary) => {
    const parsed = parseText(isBinary ? '' : raw.toString());
    if (parsed.error) return send(parsed.error);
    const msg = parsed.msg;
    if (msg.type === 'hello') {
      if (seat) return send(error(msg.id, 'invalid', 'already seated'));
      const s = seatOf(msg.token);
      if (!s) return send(error(msg.id, 'invalid', 'token is <tableIndex>.<memberIndex>'));
      seat = { at: tableAt(s.table), by: `${s.table}.${s.member}` };
      seat.at.sockets.add(socket);
      return send({ type: 'welcome', id: msg.id });
    }
    if (!seat) return send(error(msg.id, 'invalid', 'send hello first'));
    const { table, sockets } = seat.at;
    const result = table.apply(seat.by, msg);
    if (result.error) return send(result.error);
    const seq = ++table.seq;
    send({ type: 'ack', id: msg.id, stream: table.stream, seq });
    const event = Buffer.from(JSON.stringify({
      type: 'event', stream: table.stream, seq, at: Date.now(), by: seat.by, kind: msg.type, data: result.data,
    }));
    for (const s of sockets) {
      if (s.readyState === s.OPEN) s.send(event, { binary: false });
    }
  });

  socket.on('close', () => {
    if (seat) seat.at.sockets.delete(socket);
  });
  socket.on('error', () => {});
});

server.listen(portFromArgs(), () => {
  console.log(`listening ${server.address().port}`);
});
