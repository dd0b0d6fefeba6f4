// @ts-check
// A minimal member page: joins with the token in the link's fragment, shows the table's
// proposals live and lets the member propose. The full tablet app replaces it.

const token = decodeURIComponent(location.hash.slice(1));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));
const proposals = new Map();
let lastSeq = {};
let nextId = 1;

if (!token) {
  /** @type {HTMLElement} */ (document.getElementById('join')).hidden = false;
} else {
  connect();
}

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${scheme}//${location.host}/ws`, 'tingsted.v1');
  socket.addEventListener('open', () => {
    socket.send(JSON.stringify({ type: 'hello', id: `h${nextId++}`, token, device: 'room', resume: lastSeq }));
  });
  socket.addEventListener('message', (e) => receive(socket, JSON.parse(e.data)));
  socket.addEventListener('close', () => {
    status.textContent = 'Offline: reconnecting…';
    status.className = 'offline';
    setTimeout(connect, 2000);
  });
  const form = /** @type {HTMLFormElement} */ (document.getElementById('propose'));
  form.onsubmit = (e) => {
    e.preventDefault();
    const data = new FormData(form);
    socket.send(JSON.stringify({ type: 'propose', id: `c${Date.now()}-${nextId++}`, title: data.get('title'), text: data.get('text') }));
    form.reset();
  };
}

/** @param {WebSocket} socket @param {any} m */
function receive(socket, m) {
  switch (m.type) {
    case 'welcome':
      status.textContent = 'Connected';
      status.className = '';
      /** @type {HTMLElement} */ (document.getElementById('table')).hidden = false;
      /** @type {HTMLElement} */ (document.getElementById('who')).textContent = `${m.member.name} (${m.member.role})`;
      break;
    case 'snapshot':
      proposals.clear();
      for (const p of Object.values(m.state.proposals)) proposals.set(p.id, p);
      lastSeq = { ...lastSeq, [m.stream]: m.seq };
      render();
      break;
    case 'event':
      lastSeq = { ...lastSeq, [m.stream]: m.seq };
      if (m.kind === 'proposed') proposals.set(m.data.proposal, { id: m.data.proposal, title: m.data.title, text: m.data.text, status: 'open' });
      if (m.kind === 'proposalEdited') Object.assign(proposals.get(m.data.proposal) ?? {}, { title: m.data.title, text: m.data.text });
      if (m.kind === 'proposalWithdrawn') Object.assign(proposals.get(m.data.proposal) ?? {}, { status: 'withdrawn' });
      render();
      break;
    case 'presence': {
      const list = /** @type {HTMLElement} */ (document.getElementById('presence'));
      list.replaceChildren(...m.members.map((/** @type {any} */ p) => {
        const li = document.createElement('li');
        li.textContent = `${p.name}: ${p.online ? (p.device === 'room' ? 'in the room' : 'remote') : 'not connected'}`;
        return li;
      }));
      break;
    }
    case 'error':
      status.textContent = m.message;
      break;
  }
}

function render() {
  const list = /** @type {HTMLElement} */ (document.getElementById('proposals'));
  list.replaceChildren(...[...proposals.values()].map((p) => {
    const li = document.createElement('li');
    const title = document.createElement('strong');
    title.textContent = p.title + (p.status === 'withdrawn' ? ' (withdrawn)' : '');
    const text = document.createElement('p');
    text.textContent = p.text;
    li.append(title, text);
    return li;
  }));
}
