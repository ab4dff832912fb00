/* Booth console: the tablet beside an interpretation desk. Who is on mic, the turn, the source, the buttons. */
(function () {
  'use strict';
  var P = window.Podium, T = window.PodiumTimeline, I = window.PodiumI18n, B = window.PodiumBooth;
  var $ = function (id) { return document.getElementById(id); };
  var room = P.roomId(), booth = B.boothId();
  var state = null;


  function status() { return state && state.rooms && state.rooms[room]; }
  function interp() { return B.interpBooth(status(), booth); }
  function send(command, args, opts) {
    var a = { booth: booth };
    Object.keys(args || {}).forEach(function (k) { a[k] = args[k]; });
    return B.send(room, command, a, opts);
  }

  function placeholders() {
    document.querySelectorAll('[data-label-placeholder]').forEach(function (n) {
      n.setAttribute('placeholder', I.t(n.getAttribute('data-label-placeholder')));
    });
  }

  // ---------- buttons ----------
  $('take-buttons').addEventListener('click', function (e) {
    var b = e.target.closest('button[data-interpreter]');
    if (b) send('takeMic', { interpreter: b.getAttribute('data-interpreter') });
  });
  $('handover-buttons').addEventListener('click', function (e) {
    var b = e.target.closest('button[data-to]');
    if (b) send('requestHandover', { to: b.getAttribute('data-to') });
  });
  $('accept-handover').addEventListener('click', function () { send('acceptHandover', {}); });
  $('mic-off').addEventListener('click', function () { send('micOff', {}); });
  $('slow-down').addEventListener('click', function () {
    var b = interp();
    send('slowDown', { active: !(b && b.slowDown) });
  });

  // Cough: muted while held, by pointer or keyboard. Press and release go in order.
  var cough = $('cough'), held = false;
  function coughDown() {
    if (held) return;
    held = true;
    cough.classList.add('held');
    cough.setAttribute('aria-pressed', 'true');
    send('cough', { muted: true }, { chain: 'cough' });
  }
  function coughUp() {
    if (!held) return;
    held = false;
    cough.classList.remove('held');
    cough.setAttribute('aria-pressed', 'false');
    send('cough', { muted: false }, { chain: 'cough' });
  }
  cough.addEventListener('pointerdown', function (e) {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.preventDefault();
    coughDown();
  });
  ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (type) {
    cough.addEventListener(type, coughUp);
  });
  cough.addEventListener('keydown', function (e) {
    if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) { e.preventDefault(); coughDown(); }
  });
  cough.addEventListener('keyup', function (e) {
    if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); coughUp(); }
  });
  cough.addEventListener('blur', coughUp);
  cough.addEventListener('contextmenu', function (e) { e.preventDefault(); }); // long press on a tablet
  window.addEventListener('blur', coughUp);

  $('chief-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var box = $('chief-text'), text = box.value.trim();
    if (!text) return;
    send('messageChief', { text: text }).then(function (r) { if (r.ok && box.value.trim() === text) box.value = ''; });
  });

  // ---------- state ----------
  function team(st, b) {
    var t = b && b.team && b.team.length ? b.team : null;
    var conf = B.configBooth(st, booth);
    return t || (conf && conf.interpreters) || [];
  }

  function workloadOf(st, id) {
    var list = (st.interpretation && st.interpretation.workload) || [];
    var total = 0;
    list.forEach(function (w) { if (w.interpreter && w.interpreter.id === id) total += w.micSeconds || 0; });
    return total;
  }

  var shownMessages = null;

  function build() {
    if (!state || P.showUnknownRoom(room, state, 'booths/' + encodeURIComponent(booth))) return;
    var st = status();
    var conf = B.configBooth(st, booth);
    if (unknownBooth(st, conf)) return;
    var b = interp() || {};
    var rn = P.roomName(st.room);
    P.setData($('room-name'), rn);
    var ln = P.languageName(state, conf.language);
    P.setData($('booth-name'), ln);
    P.setText($('booth-channel'), I.t('channel', { n: conf.channel }));
    document.title = ln.text + ' — ' + rn.text + ' — ' + I.t('boothConsole');

    // Who is on mic, and the buttons.
    var members = team(st, b);
    var onMic = b.onMic || null;
    P.setData($('on-mic'), { text: onMic ? onMic.name : I.t('micIsOff'), lang: onMic ? '' : I.lang() });
    $('on-mic').classList.toggle('off', !onMic);
    $('on-mic').setAttribute('data-interpreter', onMic ? onMic.id : '');
    P.setHidden($('no-team'), members.length > 0);

    B.sync($('take-buttons'), members.map(function (m) { return m.id; }), function (id) {
      return P.el('button', { cls: 'big take', attrs: { type: 'button', 'data-interpreter': id } }, [
        P.el('span', { cls: 'who', dir: 'auto' }), P.el('span', { cls: 'sub' }), P.el('span', { cls: 'sub small' })
      ]);
    }, function (node, id, i) {
      var m = members[i], live = !!(onMic && onMic.id === id), mic = workloadOf(st, id);
      node.classList.toggle('live', live);
      node.setAttribute('aria-pressed', String(live));
      P.setData(node.children[0], { text: m.name });
      P.setText(node.children[1], live ? I.t('onMic') : I.t('take'));
      P.setText(node.children[2], I.t('micToday', { n: B.minutes(mic) }));
    });
    var partners = onMic ? members.filter(function (m) { return m.id !== onMic.id; }) : [];
    P.setHidden($('handover-row'), !partners.length);
    B.sync($('handover-buttons'), partners.map(function (m) { return m.id; }), function (id) {
      return P.el('button', { cls: 'big handover', attrs: { type: 'button', 'data-to': id } }, [
        P.el('span', { cls: 'arrow', text: '\u2192', attrs: { 'aria-hidden': 'true' } }), P.el('span', { cls: 'who', dir: 'auto' })
      ]);
    }, function (node, id, i) {
      var asked = !!(b.handover && b.handover.to === id);
      node.classList.toggle('asked', asked);
      node.setAttribute('aria-pressed', String(asked));
      P.setData(node.children[1], { text: partners[i].name });
    });
    $('mic-off').classList.toggle('inapplicable', !onMic);

    // A pending handover request.
    var h = b.handover;
    P.setHidden($('handover-request'), !h);
    if (h) {
      P.setData($('handover-from'), { text: nameOf(members, h.from) });
      P.setData($('handover-to'), { text: nameOf(members, h.to) });
      P.setData($('accept-name'), { text: nameOf(members, h.to) });
      $('accept-handover').setAttribute('data-interpreter', h.to);
    }

    P.setHidden($('muted'), !b.muted);
    document.body.classList.toggle('muted', !!b.muted);
    if (!held) cough.classList.toggle('active', !!b.muted);
    $('slow-down').setAttribute('aria-pressed', String(!!b.slowDown));
    P.setText($('slow-down'), I.t(b.slowDown ? 'slowDownActive' : 'askSlowDown'));
    P.setHidden($('slow-down-flag'), !b.slowDown);

    // Floor, source, output.
    var interpretation = st.interpretation || {};
    var floor = B.floorLanguage(st);
    P.setData($('floor-language'), floor ? P.languageName(state, floor) : { text: '—' });
    var floorSource = B.floorSourceLabel(st);
    P.setText($('floor-source'), floorSource ? '(' + floorSource + ')' : '');
    $('source').setAttribute('data-kind', B.sourceKind(b, st));
    P.fill($('source'), B.sourceParts(b, st, 'source-marker'));
    P.setData($('output'), b.output ? P.languageName(state, b.output) : { text: '—' });
    P.setText($('back-to-floor-language'), floor ? B.code(floor) : '');

    var alerts = B.activeAlerts(interpretation, P.now()).filter(function (a) { return a.booth === booth; });
    lastAlerts = B.alertsKey([interpretation], P.now());
    P.fill($('booth-alerts'), alerts.map(function (a) {
      return P.el('li', { cls: 'alert', attrs: { 'data-rule': a.rule, title: a.message || '' } }, [
        P.el('span', { text: B.ruleLabel(a.rule) })
      ]);
    }));

    // Speaker.
    var cur = st.current;
    P.setHidden($('no-session'), !!cur);
    var speaker = cur && (cur.speaker || (cur.session.speakers || [])[cur.speakerIndex || 0]);
    P.setData($('speaker'), { text: speaker ? speaker.name : '—' });
    P.setData($('session-title'), cur ? P.sessionTitle(cur.session) : { text: '' });

    // Messages, newest first; a new one from the chief makes the panel flash.
    var msgs = b.messages || [];
    P.setHidden($('no-messages'), msgs.length > 0);
    P.fill($('messages'), B.messageItems(b, state));
    var fromChief = msgs.filter(function (m) { return m.from === 'chief'; }).length;
    if (shownMessages !== null && fromChief > shownMessages) flash($('messages-panel'));
    shownMessages = fromChief;

    tick(P.now());
  }

  function nameOf(members, id) {
    for (var i = 0; i < members.length; i++) if (members[i].id === id) return members[i].name;
    return id || '';
  }

  var flashTimer = null;
  function flash(node) {
    node.classList.add('new-message');
    clearTimeout(flashTimer);
    flashTimer = setTimeout(function () { node.classList.remove('new-message'); }, 10000);
  }

  function unknownBooth(st, conf) {
    var unknown = !conf;
    P.setHidden($('screen'), unknown);
    var box = $('unknown-room');
    P.setHidden(box, !unknown);
    if (!unknown) return false;
    var isolated = '\u2068' + (booth || '') + '\u2069';
    var booths = (st.room && st.room.booths) || [];
    P.fill(box, [
      P.el('h1', { text: I.t('unknownBooth', { n: isolated }) }),
      P.el('p', { text: booths.length ? I.t('roomBooths') : I.t('noBooths') }),
      P.el('ul', {}, booths.map(function (cb) {
        return P.el('li', {}, [P.el('a', { attrs: { href: B.boothUrl(room, cb.id) } }, [
          P.dataEl('span', P.languageName(state, cb.language)), P.el('bdi', { text: ' ' + I.t('channel', { n: cb.channel }) })
        ])]);
      }))
    ]);
    document.title = I.t('unknownBooth', { n: isolated });
    return true;
  }

  var lastPct = -1, lastAlerts = '';
  function tick(now) {
    P.setText($('clock'), T.formatClock(now, P.timeZone(state)));
    var st = status();
    if (!st || !B.configBooth(st, booth)) return;
    var alertsNow = B.alertsKey([st.interpretation], now);
    if (alertsNow !== lastAlerts) {
      lastAlerts = alertsNow;  // before build(), which ticks again
      build();  // a limit was reached
    }
    var b = interp() || {};
    var phase = B.turnPhase(b, now);
    B.setTurnPhase(document.body, phase);
    P.setText($('turn-phase'), B.phaseLabel(phase));
    var left = B.turnLeft(b, now);
    P.setText($('turn-left'), left == null || isNaN(left) ? '—' : T.formatCountdown(left));
    var elapsed = B.turnElapsed(b, now);
    P.setText($('turn-elapsed'), elapsed == null ? '—' : B.formatElapsed(elapsed));
    var alert = phase === 'handover' ? 'handOverNow' : phase === 'overdue' ? 'turnOverdue' : null;
    P.setHidden($('turn-alert'), !alert);
    if (alert) P.setText($('turn-alert'), I.t(alert));
    var length = b.turnLength || 0;
    var pct = left == null || !(length > 0) ? 0 : Math.round(Math.min(1, Math.max(0, 1 - left / length)) * 1000) / 10;
    if (pct !== lastPct) { lastPct = pct; $('progress').firstElementChild.style.inlineSize = pct + '%'; }

    var back = B.backToFloor(b, now);
    P.setHidden($('back-to-floor'), !back);
    document.body.classList.toggle('back-to-floor-on', back);

    var cur = st.current;
    P.setText($('speaker-left'), cur ? T.formatCountdown(T.timeLeft(cur, now)) : '—');
    var sp = cur ? T.phase(T.timeLeft(cur, now), st.thresholds) : null;
    ['normal', 'warning', 'danger', 'overtime'].forEach(function (p) { $('speaker-left').classList.toggle('phase-' + p, p === sp); });
  }

  // ---------- start (after every declaration: a cached state renders at once) ----------
  I.onChange(function () { placeholders(); build(); B.langSwitch($('lang-switch')); });
  placeholders();
  B.langSwitch($('lang-switch'));
  // Only the booth's paired tablet (or the chief) acts; any other browser watches, read-only.
  P.getJSON('/api/rooms/' + encodeURIComponent(room) + '/booths/' + encodeURIComponent(booth) + '/access')
    .then(function (answer) {
      var access = answer.status === 200 ? answer.body : null;
      var readOnly = !!access && !access.canAct;
      document.body.classList.toggle('read-only', readOnly);
      $('screen').inert = readOnly;
      P.setHidden($('read-only'), !readOnly);
      if (access && access.reason) $('read-only').setAttribute('title', access.reason);
    }, function () {});
  P.connect({ kind: 'booth', namePrefix: 'booth-' + booth, room: room, onState: function (s) { state = s; build(); } });
  P.loop(tick);
})();
