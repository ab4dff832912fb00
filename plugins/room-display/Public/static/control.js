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
    showMessage: 'messageToSpeaker', clearMessage: 'clear', setRoomFull: 'roomFullButton',
    moveSpeaker: 'moveUp', removeSpeaker: 'removeSpeaker', setSpeakingTime: 'slot', setRoll: 'roll' };

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

  // The lineup's own buttons (rebuilt with the state): move, remove, set a speaking time.
  $('speakers').addEventListener('click', function (e) {
    var b = e.target.closest('button[data-action]');
    if (!b) return;
    var position = Number(b.getAttribute('data-position')), action = b.getAttribute('data-action');
    if (action === 'up') return send('moveSpeaker', { from: position, to: position - 1 });
    if (action === 'down') return send('moveSpeaker', { from: position, to: position + 1 });
    if (action === 'remove') return send('removeSpeaker', { position: position });
    if (action === 'time') {
      var minutes = Number(b.parentNode.querySelector('input').value);
      send('setSpeakingTime', minutes > 0 ? { position: position, seconds: Math.round(minutes * 60) } : { position: position });
    }
  });
  $('speaker-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var minutes = Number($('speaker-minutes').value);
    var args = { speaker: $('speaker-name').value };
    if (minutes > 0) args.seconds = Math.round(minutes * 60);
    send('addSpeaker', args).then(function () {
      if ($('result').classList.contains('ok')) { $('speaker-name').value = ''; $('speaker-minutes').value = ''; }
    });
  });

  $('roll-mode').addEventListener('change', function () { send('setRoll', { mode: $('roll-mode').value }); });

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
    if (document.activeElement !== $('roll-mode')) $('roll-mode').value = st.roll || 'off';
    P.setData($('session-title'), cur ? P.sessionTitle(cur.session) : { text: '' });
    var lineup = cur ? (cur.lineup || cur.session.speakers || []) : [];
    // Not while the operator types a speaking time into the list (the rebuild would drop it).
    var typing = document.activeElement && document.activeElement.tagName === 'INPUT' && $('speakers').contains(document.activeElement);
    if (!typing) {
      P.fill($('speakers'), lineup.map(function (sp, i) { return speakerRow(sp, i, cur.speakerIndex, lineup.length); }));
    }
    var over = cur && cur.speakingTimeOverrun ? Math.ceil(cur.speakingTimeOverrun / 60) : 0;
    P.setHidden($('lineup-warning'), !over);
    P.setText($('lineup-warning'), over ? I.t('speakingTimeOver', { n: over }) : '');
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
    var applicable = { start: !running, pause: running && !paused, resume: paused, end: running, nextSpeaker: !!(cur && cur.nextSpeaker), addTime: running,
      reopen: !running && !!(st.state && st.state.lastEnded), addSpeaker: running };
    document.querySelectorAll('button[data-command]').forEach(function (b) {
      var c = b.getAttribute('data-command');
      b.classList.toggle('inapplicable', applicable[c] === false);
    });
    tick(P.now());
  }

  /** One speaker of the lineup: name, speaking time, and for those to come the buttons that change them. */
  function speakerRow(sp, i, floor, count) {
    var open = i > floor, minutes = sp.speakingTime ? sp.speakingTime / 60 : '';
    var button = function (action, label, text) {
      return P.el('button', { text: text, cls: 'small', attrs: { type: 'button', 'data-action': action, 'data-position': String(i), 'aria-label': I.t(label), title: I.t(label) } });
    };
    var parts = [P.dataEl('span', { text: sp.name }, 'name'),
      P.el('bdi', { cls: 'speaking-time', dir: 'ltr', text: sp.speakingTime ? T.formatCountdown(sp.speakingTime) : '' })];
    if (open && i - 1 > floor) parts.push(button('up', 'moveUp', '\u2191'));
    if (open && i + 1 < count) parts.push(button('down', 'moveDown', '\u2193'));
    if (open) parts.push(button('remove', 'removeSpeaker', '\u2715'));
    if (i >= floor) {
      parts.push(P.el('input', { cls: 'slot-minutes', attrs: { type: 'number', min: '0', step: '0.5', value: String(minutes), 'aria-label': I.t('slot'), dir: 'ltr' } }));
      parts.push(button('time', 'setTime', I.t('setTime')));
    }
    return P.el('li', { cls: i === floor ? 'current' : '', attrs: { 'data-position': String(i) } }, parts);
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
    }
    var slot = cur && T.slot(cur);
    P.setHidden($('slot-line'), !slot);
    P.setText($('slot-left'), slot ? T.formatCountdown(T.timeLeft(slot, now)) : '');
    if (!cur) {
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
