// Peer 1: a Socket.IO 4.8 server, what a team would build instead. WebSocket transport
// only, no compression. Each table is a room; each table's state lives in memory
// (lib/table.js). Messages travel as the payload of one event `m` both ways.
//   node socketio/server.js [port]   (or PORT=…); prints `listening <port>` when ready.
// A raw client speaks Engine.IO v4 at /socket.io/?EIO=4&transport=websocket:
//   server 0{…} (open), client 40, server 40{…} (connected), then 42["m",{…}] both ways;
//   the server pings with 2, the client answers 3.

import http from 'node:http';
import { Server } from 'socket.io';
import { checkMessage, error, portFromArgs, seatOf } from '../lib/contract.js';
import { Table } from '../lib/table.js';

const tables = new Map(); // table index -> Table

const server = http.createServer();
const io = new Server(server, {
  transports: ['websocket'],
  perMessageDeflate: false,
  httpCompression: false,
  serveClient: false,
  maxHttpBufferSize: 64 * 1024,
  // Engine.IO's defaults (25 s, 20 s); SIO_PING_MS shortens both for the ping test.
  pingInterval: Number(process.env.SIO_PING_MS ?? 25000),
  pingTimeout: Number(process.env.SIO_PING_MS ?? 20000),
});

io.on('connection', (socket) => {
  let seat = null; // { table, by, room }
  const send = (obj) => socket.emit('m', obj);

  socket.on('m', (payload) => {
    const checked = checkMessage(payload);
    if (checked.error) return send(checked.error);
    const msg = checked.msg;
    if (msg.type === 'hello') {
      if (seat) return send(error(msg.id, 'invalid', 'already seated'));
      const s = seatOf(msg.token);
      if (!s) return send(error(msg.id, 'invalid', 'token is <tableIndex>.<memberIndex>'));
      let table = tables.get(s.table);
      if (!table) tables.set(s.table, (table = new Table(s.table)));
      seat = { table, by: `${s.table}.${s.member}`, room: table.stream };
      socket.join(seat.room);
      return send({ type: 'welcome', id: msg.id });
    }
    if (!seat) return send(error(msg.id, 'invalid', 'send hello first'));
    const { table } = seat;
    const result = table.apply(seat.by, msg);
    if (result.error) return send(result.error);
    const seq = ++table.seq;
    send({ type: 'ack', id: msg.id, stream: table.stream, seq });
    io.to(seat.room).emit('m', {
      type: 'event', stream: table.stream, seq, at: Date.now(), by: seat.by, kind: msg.type, data: result.data,
    });
  });
});

server.listen(portFromArgs(), () => {
  console.log(`listening ${server.address().port}`);
});
