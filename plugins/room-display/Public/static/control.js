/* Operator's control page for one room: commands, message to speaker, previews, connected screens. */
(function () {
  'use strict';
  var P = window.Podium, T = window.PodiumTimeline, I = window.PodiumI18n;
  var $ = function (id) { return document.getElementById(id); };
  var room = P.roomId();
  var state = null;
  var messageLangTouched = false;

  P.connect({ kind: 'control', room: room, onState: function (s) { state = s; build(); } });
  I.onChange(function () { build(); previews(); langSwitch(); });
  P.loop(tick);

  function status() { return state && state.rooms && state.rooms[room]; }

  // ---------- commands ----------
  var COMMAND_LABEL = { nextSpeaker: 'nextSpeakerBtn', addTime: 'adjust', setThresholds: 'thresholds',
    showMessage: 'messageToSpeaker', clearMessage: 'clear', setRoomFull: 'roomFullButton' };

  function send(command, args) {
    var body = { command: command };
    if (args) body.args = args;
    var what = I.t(COMMAND_LABEL[command] || command);
    if (command === 'addTime') what += ' ' + (args.seconds > 0 ? '+' : '\u2212') + Math.abs(args.seconds / 60) + ' min';
    return post('/api/rooms/' + encodeURIComponent(room) + '/commands', body, what);
  }

  function post(url, body, what) {
    showResult('pending', what + '…');
    // Commands answer {"ok": …}; other calls (identify) just succeed with HTTP 2xx.
    return P.postJSON(url, body).then(function (r) {
      var e = r.error;
      if (r.ok) return showResult('ok', I.t('ok') + ' — ' + what);
      if (e.code === 'network') return showResult('error', I.t('networkError') + ' — ' + what);
      showResult('error', I.t('error') + ' — ' + what + ': ' + (e.message || e.code) + (e.field ? ' (' + e.field + ')' : ''), e.code);
    });
  }

  function showResult(kind, text, code) {
    var out = $('result');
    out.className = 'result ' + kind;
    if (code) out.setAttribute('data-code', code); else out.removeAttribute('data-code');
    P.setText(out, text);
  }

  document.querySelectorAll('button[data-command]').forEach(function (b) {
    if (b.type === 'submit') return; // forms handle these
    b.addEventListener('click', function () {
      var c = b.getAttribute('data-command');
      if (c === 'addTime') return send(c, { seconds: Number(b.getAttribute('data-seconds')) });
      // A toggle: pressed says the room is full; pressing it again says it no longer is.
      if (c === 'setRoomFull') return send(c, { full: b.getAttribute('aria-pressed') !== 'true' });
      if (c === 'start') {
        var id = $('start-session').value;
        return send(c, id ? { session: id } : null);
      }
      send(c);
    });
  });

  $('adjust-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var sign = Number((e.submitter && e.submitter.getAttribute('data-sign')) || 1);
    var minutes = Number($('adjust-minutes').value);
    if (!(minutes > 0)) return showResult('error', I.t('error') + ': ' + I.t('minutes'));
    send('addTime', { seconds: Math.round(sign * minutes * 60) });
  });

  var thresholdsDirty = false;
  ['warning-minutes', 'danger-minutes'].forEach(function (id) {
    $(id).addEventListener('input', function () { thresholdsDirty = true; });
  });
  $('thresholds-form').addEventListener('submit', function (e) {
    e.preventDefault();
    thresholdsDirty = false;
    send('setThresholds', {
      warning: Math.round(Number($('warning-minutes').value) * 60),
      danger: Math.round(Number($('danger-minutes').value) * 60)
    });
  });

  $('message-lang').addEventListener('change', function () { messageLangTouched = true; });
  document.querySelectorAll('button[data-preset]').forEach(function (b) {
    b.addEventListener('click', function () {
      $('message-text').value = I.t(b.getAttribute('data-preset'), null, $('message-lang').value);
      $('message-text').focus();
    });
  });
  $('message-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var msg = (status() || {}).message || {};
    send('showMessage', { text: $('message-text').value, blink: $('message-blink').checked, blackout: !!msg.blackout });
  });
  $('blackout').addEventListener('click', function () {
    var msg = (status() || {}).message || {};
    send('showMessage', { text: msg.text || $('message-text').value, blink: msg.text ? !!msg.blink : $('message-blink').checked,
      blackout: !msg.blackout });
  });

  // ---------- state ----------
  function build() {
    if (!state || P.showUnknownRoom(room, state, 'control')) return;
    var st = status(), cur = st.current;
    var name = P.roomName(st.room);
    P.setData($('room-name'), name);
    document.title = name.text + ' — ' + I.t('control');

    P.setHidden($('no-session'), !!cur);
    $('room-full').setAttribute('aria-pressed', String(!!(st.state && st.state.full)));
    P.setData($('session-title'), cur ? P.sessionTitle(cur.session) : { text: '' });
    P.fill($('speakers'), cur ? (cur.session.speakers || []).map(function (sp, i) {
      return P.el('li', { cls: i === cur.speakerIndex ? 'current' : '' }, [P.dataEl('span', { text: sp.name }, 'name')]);
    }) : []);
    P.setHidden($('progress'), !cur);

    var next = (st.upcoming || [])[0];
    P.setData($('next-title'), next ? P.sessionTitle(next.session) : { text: I.t('nothingNext'), lang: I.lang() });

    startOptions(st.upcoming || []);

    var msg = st.message;
    P.setData($('message'), { text: msg && msg.text ? msg.text : '—' });
    P.setHidden($('message-blinking'), !(msg && msg.blink));
    P.setHidden($('message-blackout'), !(msg && msg.blackout));
    $('blackout').setAttribute('aria-pressed', String(!!(msg && msg.blackout)));

    var th = st.thresholds || {};
    var focused = document.activeElement;
    if (!thresholdsDirty && focused !== $('warning-minutes') && focused !== $('danger-minutes')) {
      $('warning-minutes').value = th.warning != null ? th.warning / 60 : '';
      $('danger-minutes').value = th.danger != null ? th.danger / 60 : '';
    }
    if (!messageLangTouched && cur && cur.floorLanguage && I.labels[cur.floorLanguage]) $('message-lang').value = cur.floorLanguage;

    // Dim the buttons that make no sense now; they stay clickable (the daemon has the last word).
    var running = !!cur, paused = !!(cur && cur.paused);
    var applicable = { start: !running, pause: running && !paused, resume: paused, end: running, nextSpeaker: !!(cur && cur.nextSpeaker), addTime: running };
    document.querySelectorAll('button[data-command]').forEach(function (b) {
      var c = b.getAttribute('data-command');
      b.classList.toggle('inapplicable', applicable[c] === false);
    });
    tick(P.now());
  }

  /** The session picker; rebuilt only when the list changes, so an open dropdown stays open. */
  var optionsKey = '';
  function startOptions(upcoming) {
    var sel = $('start-session'), chosen = sel.value;
    var items = upcoming.map(function (u) {
      return { id: u.session.id, text: T.formatTime(Date.parse(u.session.plannedStart), P.timeZone(state)) + ' · ' + P.sessionTitle(u.session).text };
    });
    var key = I.lang() + JSON.stringify(items);
    if (key === optionsKey) return;
    optionsKey = key;
    P.fill(sel, [P.el('option', { text: I.t('firstUpcoming'), attrs: { value: '' } })].concat(items.map(function (it) {
      return P.el('option', { text: it.text, dir: 'auto', attrs: { value: it.id } });
    })));
    sel.value = chosen;
    if (sel.value !== chosen) sel.value = '';
  }

  var lastPct = -1;
  function tick(now) {
    var tz = P.timeZone(state);
    P.setText($('clock'), T.formatClock(now, tz));
    var st = status();
    if (!st) return;
    var cur = st.current;
    P.setHidden($('paused'), !(cur && cur.paused));
    if (cur) {
      var left = T.timeLeft(cur, now), ph = T.phase(left, st.thresholds);
      P.setText($('time-left'), T.formatCountdown(left));
      P.setPhase(ph);
      P.setText($('phase'), I.t('phase' + ph.charAt(0).toUpperCase() + ph.slice(1)));
      var pct = Math.round(T.progress(cur, left) * 1000) / 10;
      if (pct !== lastPct) { lastPct = pct; $('progress').firstElementChild.style.inlineSize = pct + '%'; }
    } else {
      P.setPhase(null);
      P.setText($('time-left'), '');
      P.setText($('phase'), '');
    }
    var sch = T.schedule(st, now), late = T.lateMinutes(sch.offset);
    P.setHidden($('late-banner'), !late);
    if (late) P.setText($('late-banner'), I.t('late', { n: late }));
    var n = sch.upcoming[0];
    var e = n ? T.formatTime(n.expectedStart, tz) : '', p = n ? T.formatTime(Date.parse(n.session.plannedStart), tz) : '';
    P.setText($('next-expected'), e);
    var day = n ? T.formatDay(n.expectedStart, now, tz, I.lang()) : '';
    P.setText($('next-day'), day);
    P.setHidden($('next-day'), !day);
    P.setText($('next-planned'), p);
    P.setHidden($('next-planned'), e === p);
  }

  // ---------- previews ----------
  function previews() {
    ['door', 'monitor'].forEach(function (kind) {
      var f = $('preview-' + kind);
      var src = '/rooms/' + encodeURIComponent(room) + '/' + kind + '?name=preview-' + kind + '&lang=' + encodeURIComponent(I.lang());
      if (f.getAttribute('src') !== src) f.setAttribute('src', src);
    });
  }
  function scalePreviews() {
    document.querySelectorAll('.preview').forEach(function (box) {
      box.style.setProperty('--scale', String(box.clientWidth / 1920));
    });
  }
  if (window.ResizeObserver) new ResizeObserver(scalePreviews).observe(document.querySelector('.preview-row'));
  scalePreviews();
  previews();

  // ---------- language switch ----------
  function langSwitch() {
    P.fill($('lang-switch'), ['ar', 'fr', 'en'].map(function (l) {
      var q = new URLSearchParams(location.search);
      q.set('lang', l);
      return P.el('a', { text: l.toUpperCase(), cls: l === I.lang() ? 'active' : '', attrs: { href: '?' + q.toString(), lang: l } });
    }));
  }
  langSwitch();

  // ---------- connected screens (rows updated in place, so a click on Identify is never lost) ----------
  var rows = {};
  function refreshScreens() {
    P.getJSON('/api/screens').then(function (r) { return r.status === 200 ? r.body : Promise.reject(r.status); }).then(function (list) {
      list = Array.isArray(list) ? list : [];
      list.sort(function (a, b) { return (b.room === room) - (a.room === room) || String(a.name).localeCompare(String(b.name)); });
      var tbody = $('screens'), seen = {};
      list.forEach(function (s, i) {
        seen[s.id] = true;
        var r = rows[s.id] || (rows[s.id] = screenRow(s));
        updateRow(r, s);
        if (tbody.children[i] !== r.tr) tbody.insertBefore(r.tr, tbody.children[i] || null);
      });
      Object.keys(rows).forEach(function (id) { if (!seen[id]) { rows[id].tr.remove(); delete rows[id]; } });
      var empty = $('no-screens');
      if (!list.length && !empty) tbody.appendChild(P.el('tr', { id: 'no-screens' }, [P.el('td', { text: I.t('noScreens'), attrs: { colspan: '6' } })]));
      if (list.length && empty) empty.remove();
    }, function () { /* keep the last table; the reconnecting mark tells the story */ });
  }
  function screenRow(s) {
    var r = { name: P.el('span', { dir: 'auto' }), room: P.el('span', { dir: 'auto' }), kind: P.el('td'),
      seen: P.el('bdi', { dir: 'ltr' }), conn: P.el('td', { cls: 'conn' }),
      btn: P.el('button', { attrs: { type: 'button', 'data-screen': s.id } }) };
    r.btn.addEventListener('click', function () {
      post('/api/screens/' + encodeURIComponent(s.id) + '/identify', {}, I.t('identify') + ' ' + r.name.textContent);
    });
    r.tr = P.el('tr', { attrs: { 'data-screen': s.id } }, [P.el('td', {}, [r.name]), P.el('td', {}, [r.room]), r.kind,
      P.el('td', {}, [r.seen]), r.conn, P.el('td', {}, [r.btn])]);
    return r;
  }
  function updateRow(r, s) {
    var known = s.room && state && state.rooms && state.rooms[s.room];
    P.setText(r.name, s.name || s.id);
    P.setText(r.room, known ? P.roomName(known.room).text : (s.room || '—'));
    P.setText(r.kind, I.t(s.kind));
    P.setText(r.seen, s.lastSeen ? T.formatClock(Date.parse(s.lastSeen), P.timeZone(state)) : '');
    P.setText(r.conn, I.t(s.connected ? 'connected' : 'disconnected'));
    P.setText(r.btn, I.t('identify'));
    r.tr.className = (s.connected ? 'on' : 'off') + (s.room === room ? ' this-room' : '');
  }
  I.onChange(refreshScreens);
  refreshScreens();
  setInterval(refreshScreens, 2000);
})();
