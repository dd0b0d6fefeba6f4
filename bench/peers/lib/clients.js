// Raw clients for the peer tests: a WebSocket from the `ws` package that speaks either the
// plain JSON frames of /ws or Engine.IO v4 / Socket.IO frames by hand, as the generator does.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const here = fileURLToPath(new URL('..', import.meta.url));

/** Starts a peer (`ws/server.js`…) on a free port; resolves to { port, stop }. */
export async function startPeer(script, env = {}) {
  const child = spawn(process.execPath, [script, '0'], {
    cwd: here, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env },
  });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /^listening (\d+)$/m.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    port,
    stop: async () => {
      child.kill();
      await once(child, 'exit');
    },
  };
}

/** A connected client whose messages queue up; next() takes the next or fails after a while. */
class Client {
  constructor(socket) {
    this.socket = socket;
    this.queue = [];
    this.waiting = null;
  }

  push(msg) {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      clearTimeout(w.timer);
      w.resolve(msg);
    } else {
      this.queue.push(msg);
    }
  }

  next(ms = 2000) {
    if (this.queue.length) return Promise.resolve(this.queue.shift());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error('no message came'));
      }, ms);
      this.waiting = { resolve, timer };
    });
  }

  /** Resolves to true if nothing arrives within `ms`. */
  async quiet(ms = 200) {
    try {
      const msg = await this.next(ms);
      this.queue.unshift(msg);
      return false;
    } catch {
      return true;
    }
  }

  close() {
    this.socket.terminate();
  }
}

/** Plain JSON text frames at /ws. */
export async function wsClient(port) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { perMessageDeflate: false });
  const client = new Client(socket);
  client.send = (obj) => socket.send(typeof obj === 'string' ? obj : JSON.stringify(obj));
  socket.on('message', (data) => client.push(JSON.parse(data.toString())));
  socket.on('close', () => (client.closed = true));
  await once(socket, 'open');
  return client;
}

/**
 * Engine.IO v4 by hand: the server opens with `0{…}`, the client connects to the main
 * namespace with `40`, the server confirms with `40{…}`; events are `42["m",{…}]`; the
 * server's ping `2` gets the pong `3`. `send` takes the command object (or a raw frame).
 */
export async function socketIoClient(port, { pingAnswer = true } = {}) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, {
    perMessageDeflate: false,
  });
  const client = new Client(socket);
  client.frames = [];
  client.send = (obj) => socket.send(typeof obj === 'string' ? obj : `42${JSON.stringify(['m', obj])}`);
  socket.on('close', () => (client.closed = true));
  let connected;
  const ready = new Promise((resolve) => (connected = resolve));
  socket.on('message', (data) => {
    const frame = data.toString();
    client.frames.push(frame);
    if (frame.startsWith('0')) {
      client.open = JSON.parse(frame.slice(1));
      socket.send('40');
    } else if (frame.startsWith('40')) {
      connected();
    } else if (frame === '2') {
      if (pingAnswer) socket.send('3');
    } else if (frame.startsWith('42')) {
      const [name, payload] = JSON.parse(frame.slice(2));
      if (name === 'm') client.push(payload);
    }
  });
  await ready;
  return client;
}
