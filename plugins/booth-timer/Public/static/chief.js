/* Chief interpreter: every room's floor, booths, relay map, teams, messages, alerts and workload. */
(function () {
  'use strict';
  var P = window.Podium, T = window.PodiumTimeline, I = window.PodiumI18n, B = window.PodiumBooth;
  var $ = function (id) { return document.getElementById(id); };
  var state = null;

  var labelsChanged = false;

  function status(room) { return state && state.rooms && state.rooms[room]; }

  // ---------- commands (one listener for every room and booth) ----------
  var roomsBox = $('rooms');
  roomsBox.addEventListener('change', function (e) {
    var t = e.target;
    if (t.matches('select.floor-select')) {
      var room = t.closest('[data-room]').getAttribute('data-room');
      B.send(room, 'setFloorLanguage', { language: t.value || null });
    } else if (t.matches('.team-form input[type="checkbox"], input.turn-length')) {
      t.form.setAttribute('data-dirty', '1'); // being edited: the next state leaves it alone
    }
  });
  roomsBox.addEventListener('input', function (e) {
    if (e.target.matches('input.turn-length')) e.target.form.setAttribute('data-dirty', '1');
  });
  roomsBox.addEventListener('click', function (e) {
    var b = e.target.closest('button.clear-slow');
    if (b) B.send(b.closest('[data-room]').getAttribute('data-room'), 'clearSlowDown', {});
    var pairing = e.target.closest('button.pair-tablet, button.unpair-tablet');
    if (pairing) pair(pairing.closest('.card'), pairing.classList.contains('pair-tablet'));
  });

  /** Pairs a tablet with the card's booth (a link and its QR code, shown once), or un-pairs the booth's tablets. */
  function pair(card, pairing) {
    var room = card.getAttribute('data-room'), booth = card.getAttribute('data-booth');
    var box = card.querySelector('.pairing');
    B.post('/api/rooms/' + encodeURIComponent(room) + '/booths/' + encodeURIComponent(booth) +
      (pairing ? '/pairing' : '/unpairing'), pairing ? I.t('pairTablet') : I.t('unpairTablet')).then(function (r) {
      if (!r.ok) return;
      P.setHidden(box, !pairing);
      if (!pairing) return;
      var link = box.querySelector('.pairing-link');
      link.setAttribute('href', r.body.link);
      P.setText(link, r.body.link);
      // The code as inline SVG (the page's policy loads no data: images), parsed as XML: no markup runs.
      var svg = new DOMParser().parseFromString(r.body.qr || '<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml');
      var qr = box.querySelector('.pairing-qr');
      qr.replaceChildren(document.importNode(svg.documentElement, true));
      P.setHidden(box.querySelector('.pairing-local'), !r.body.thisMachineOnly);
    });
  }
  roomsBox.addEventListener('submit', function (e) {
    var form = e.target, card = form.closest('.card');
    e.preventDefault();
    if (!card) return;
    var room = card.getAttribute('data-room'), booth = card.getAttribute('data-booth');
    var done = function (r) { if (r.ok) form.removeAttribute('data-dirty'); return r; };
    if (form.classList.contains('team-form')) {
      var ids = Array.prototype.filter.call(form.querySelectorAll('input[type="checkbox"]'), function (c) { return c.checked; })
        .map(function (c) { return c.value; });
      B.send(room, 'assignTeam', { booth: booth, interpreters: ids }).then(done);
    } else if (form.classList.contains('length-form')) {
      var minutes = Number(form.querySelector('input.turn-length').value);
      if (!(minutes > 0)) return B.showResult('error', I.t('error') + ' — ' + I.t('turnLength'), 'invalid');
      B.send(room, 'setTurnLength', { booth: booth, seconds: Math.round(minutes * 60) }).then(done);
    } else if (form.classList.contains('message-form')) {
      var box = form.querySelector('input.message-text'), text = box.value.trim();
      if (!text) return;
      B.send(room, 'messageBooth', { booth: booth, text: text }).then(function (r) {
        if (r.ok && box.value.trim() === text) box.value = '';
      });
    }
  });

  // ---------- building ----------
  function build() {
    if (!state) return;
    var conf = state.conference || {};
    var name = P.pick(conf.names, conf.name || 'Podium');
    P.setData($('conference-name'), name);
    document.title = I.t('chief') + ' — ' + name.text;
    var ids = P.roomIds(state);
    if (labelsChanged) { roomsBox.replaceChildren(); labelsChanged = false; } // rebuilt with the new labels
    B.sync(roomsBox, ids, createRoom, updateRoom);
    buildAlerts(ids);
    buildForecast(ids);
    buildWorkload(ids);
    tick(P.now());
  }

  function createRoom(id) {
    var select = P.el('select', { cls: 'floor-select', attrs: { 'aria-label': I.t('floor') } });
    return P.el('section', { cls: 'panel room-block', attrs: { 'data-room': id } }, [
      P.el('div', { cls: 'room-head' }, [
        P.el('h2', { cls: 'room-name', dir: 'auto' }),
        P.el('label', { cls: 'floor-ctl' }, [P.el('span', { cls: 'label-inline', text: I.t('floor') }), select]),
        P.el('span', { cls: 'floor-now' }),
        P.el('button', { cls: 'clear-slow', text: I.t('clearSlowDown'), attrs: { type: 'button' } })
      ]),
      P.el('p', { cls: 'room-now' }, [
        P.el('span', { cls: 'session-title', dir: 'auto' }),
        P.el('span', {}, [P.el('span', { cls: 'label-inline', text: I.t('speaker') }), P.el('span', { cls: 'speaker', dir: 'auto' })]),
        P.el('bdi', { cls: 'speaker-left', dir: 'ltr' })
      ]),
      P.el('div', {}, [P.el('h3', { cls: 'label', text: I.t('relayMap') }), P.el('ul', { cls: 'relay-map' })]),
      P.el('div', { cls: 'cards' })
    ]);
  }

  function updateRoom(node, id) {
    var st = status(id), interp = st.interpretation || {};
    P.setData(node.querySelector('.room-name'), P.roomName(st.room));

    var select = node.querySelector('select.floor-select');
    var langs = (state.conference && state.conference.languages) || [];
    var optKey = I.lang() + langs.map(function (l) { return l.code; }).join(',');
    if (select.getAttribute('data-options') !== optKey) {
      select.setAttribute('data-options', optKey);
      P.fill(select, [P.el('option', { text: I.t('followSpeaker'), attrs: { value: '' } })].concat(langs.map(function (l) {
        return P.el('option', { text: B.code(l.code) + ' · ' + l.name, dir: 'auto', attrs: { value: l.code } });
      })));
    }
    if (document.activeElement !== select) select.value = interp.floorSource === 'chief' && interp.floorLanguage ? interp.floorLanguage : '';
    var floorSource = B.floorSourceLabel(st);
    P.setText(node.querySelector('.floor-now'), (interp.floorLanguage ? B.code(interp.floorLanguage) : '—') +
      (floorSource ? ' (' + floorSource + ')' : ''));
    P.setHidden(node.querySelector('.clear-slow'), !(st.slowDown && st.slowDown.length));

    var cur = st.current;
    P.setData(node.querySelector('.session-title'), cur ? P.sessionTitle(cur.session) : { text: I.t('noSession'), lang: I.lang() });
    var speaker = cur && (cur.speaker || (cur.session.speakers || [])[cur.speakerIndex || 0]);
    P.setData(node.querySelector('.speaker'), { text: speaker ? speaker.name : '—' });

    P.fill(node.querySelector('.relay-map'), B.relayChains(st));

    var booths = ((st.room && st.room.booths) || []).slice().sort(function (a, b) { return a.channel - b.channel; });
    B.sync(node.querySelector('.cards'), booths.map(function (b) { return b.id; }), function (bid) {
      return createCard(id, bid);
    }, function (card, bid, i) { updateCard(card, st, booths[i]); });
  }

  function createCard(room, booth) {
    return P.el('article', { cls: 'card', attrs: { 'data-room': room, 'data-booth': booth } }, [
      P.el('div', { cls: 'card-head' }, [
        P.el('bdi', { cls: 'channel' }), P.el('span', { cls: 'lang', dir: 'auto' }), P.el('span', { cls: 'phase-badge' }),
        P.el('a', { cls: 'console-link', text: '↗', attrs: { href: B.boothUrl(room, booth), title: I.t('boothConsole') } })
      ]),
      P.el('div', { cls: 'mic-line' }, [
        P.el('span', { cls: 'label-inline', text: I.t('onMic') }), P.el('span', { cls: 'on-mic', dir: 'auto' }),
        P.el('bdi', { cls: 'turn-left', dir: 'ltr' }), P.el('bdi', { cls: 'turn-elapsed muted', dir: 'ltr' })
      ]),
      P.el('div', { cls: 'flags' }, [
        P.el('span', { cls: 'flag-muted', text: I.t('muted') }), P.el('span', { cls: 'flag-slow', text: I.t('slowDownActive') }),
        P.el('span', { cls: 'flag-handover' }, [P.el('span', { text: I.t('handoverRequested') + ' : ' }),
          P.el('span', { cls: 'from', dir: 'auto' }), P.el('span', { cls: 'arrow', text: ' \u2192 ' }), P.el('span', { cls: 'to', dir: 'auto' })])
      ]),
      P.el('p', { cls: 'source-line' }, [P.el('span', { cls: 'label-inline', text: I.t('source') }), P.el('span', { cls: 'source' }),
        P.el('span', { cls: 'label-inline', text: ' ' + I.t('output') }), P.el('span', { cls: 'output' })]),
      P.el('form', { cls: 'team-form' }, [P.el('fieldset', {}, [P.el('legend', { text: I.t('team') }), P.el('span', { cls: 'members' }),
        P.el('button', { text: I.t('assign'), attrs: { type: 'submit' } })])]),
      P.el('form', { cls: 'length-form inline-form' }, [
        P.el('label', {}, [P.el('span', { text: I.t('turnLength') }),
          P.el('input', { cls: 'turn-length', dir: 'ltr', attrs: { type: 'number', min: '5', max: '120', step: '1' } })]),
        P.el('button', { text: I.t('apply'), attrs: { type: 'submit' } })
      ]),
      P.el('ul', { cls: 'booth-alerts' }),
      P.el('ul', { cls: 'messages' }),
      P.el('div', { cls: 'tablet' }, [
        P.el('button', { cls: 'pair-tablet', text: I.t('pairTablet'), attrs: { type: 'button' } }),
        P.el('button', { cls: 'unpair-tablet', text: I.t('unpairTablet'), attrs: { type: 'button' } })
      ]),
      P.el('div', { cls: 'pairing', attrs: { hidden: '' } }, [
        P.el('div', { cls: 'pairing-qr', attrs: { role: 'img', 'aria-label': I.t('pairTablet') } }),
        P.el('p', { cls: 'muted', text: I.t('pairingNote') }),
        P.el('p', { cls: 'pairing-local warning', text: I.t('pairingLocal'), attrs: { hidden: '' } }),
        P.el('a', { cls: 'pairing-link', dir: 'ltr' })
      ]),
      P.el('form', { cls: 'message-form send-form' }, [
        P.el('input', { cls: 'message-text', dir: 'auto', attrs: { type: 'text', maxlength: '500', autocomplete: 'off', placeholder: I.t('messageBooth') } }),
        P.el('button', { cls: 'go', text: I.t('send'), attrs: { type: 'submit' } })
      ])
    ]);
  }

  function updateCard(card, st, conf) {
    var b = B.interpBooth(st, conf.id) || {};
    P.setText(card.querySelector('.channel'), I.t('channel', { n: conf.channel }));
    P.setData(card.querySelector('.lang'), P.languageName(state, conf.language));
    var onMic = b.onMic;
    P.setData(card.querySelector('.on-mic'), { text: onMic ? onMic.name : I.t('micIsOff'), lang: onMic ? '' : I.lang() });
    card.querySelector('.on-mic').setAttribute('data-interpreter', onMic ? onMic.id : '');
    P.setHidden(card.querySelector('.flag-muted'), !b.muted);
    P.setHidden(card.querySelector('.flag-slow'), !b.slowDown);
    var members = conf.interpreters || [];
    var nameOf = function (id) { var m = members.filter(function (x) { return x.id === id; })[0]; return m ? m.name : id; };
    P.setHidden(card.querySelector('.flag-handover'), !b.handover);
    P.setData(card.querySelector('.flag-handover .from'), { text: b.handover ? nameOf(b.handover.from) : '' });
    P.setData(card.querySelector('.flag-handover .to'), { text: b.handover ? nameOf(b.handover.to) : '' });
    var source = card.querySelector('.source');
    source.setAttribute('data-kind', B.sourceKind(b, st));
    P.fill(source, B.sourceParts(b, st));
    P.setData(card.querySelector('.output'), b.output ? { text: B.code(b.output), lang: '' } : { text: '—' });

    // The team: the booth's configured interpreters, ticked when assigned (left alone while being edited).
    var teamForm = card.querySelector('.team-form');
    var team = (b.team || []).map(function (m) { return m.id; });
    var dirty = teamForm.hasAttribute('data-dirty');
    B.sync(teamForm.querySelector('.members'), members.map(function (m) { return m.id; }), function (id) {
      return P.el('label', {}, [P.el('input', { attrs: { type: 'checkbox', value: id } }), P.el('span', { dir: 'auto' })]);
    }, function (label, id, i) {
      if (!dirty) label.firstChild.checked = team.indexOf(id) >= 0;
      P.setData(label.lastChild, { text: members[i].name });
    });

    var lengthForm = card.querySelector('.length-form'), length = lengthForm.querySelector('input');
    if (!lengthForm.hasAttribute('data-dirty') && document.activeElement !== length) {
      length.value = b.turnLength ? String(Math.round(b.turnLength / 6) / 10) : '';
    }

    var alerts = B.activeAlerts(st.interpretation, P.now()).filter(function (a) { return a.booth === conf.id; });
    P.fill(card.querySelector('.booth-alerts'), alerts.map(function (a) {
      return P.el('li', { cls: 'alert', attrs: { 'data-rule': a.rule }, text: B.ruleLabel(a.rule) });
    }));
    P.fill(card.querySelector('.messages'), B.messageItems(b, state));
  }

  function interpreterName(st, id) {
    var booths = (st.room && st.room.booths) || [];
    for (var i = 0; i < booths.length; i++) {
      var list = booths[i].interpreters || [];
      for (var j = 0; j < list.length; j++) if (list[j].id === id) return list[j].name;
    }
    return id;
  }

  function buildAlerts(ids) {
    var items = [];
    ids.forEach(function (id) {
      var st = status(id), alerts = B.activeAlerts(st.interpretation, P.now());
      alerts.forEach(function (a) {
        var conf = B.configBooth(st, a.booth);
        var where = P.roomName(st.room).text + (a.booth ? ' · ' + I.t('boothNode', { l: B.code(conf ? conf.language : a.booth) }) : '');
        var limit = a.limit > 0 ? B.duration(a.value) + ' / ' + B.duration(a.limit) : '';
        items.push(P.el('li', { cls: 'alert', attrs: { 'data-rule': a.rule, 'data-room': id, 'data-booth': a.booth || '',
          'data-interpreter': a.interpreter || '', title: a.message || '' } }, [
          P.el('span', { cls: 'rule', text: B.ruleLabel(a.rule) }),
          P.el('span', { cls: 'where', dir: 'auto', text: where }),
          a.interpreter ? P.dataEl('span', { text: interpreterName(st, a.interpreter) }, 'who') : null,
          limit ? P.el('bdi', { cls: 'value', dir: 'ltr', text: limit }) : null
        ]));
      });
    });
    P.fill($('alerts'), items);
    P.setHidden($('no-alerts'), items.length > 0);
    $('alerts-panel').classList.toggle('has-alerts', items.length > 0);
  }

  /** Warnings before a day's limit is passed, at each room's lateness (the daemon's forecast). */
  function buildForecast(ids) {
    var items = [];
    ids.forEach(function (id) {
      var st = status(id), lines = (st.interpretation && st.interpretation.forecast) || [];
      lines.forEach(function (f) {
        if (!f.crossesAt) return;
        var conf = B.configBooth(st, f.booth);
        var where = P.roomName(st.room).text + ' · ' + B.code(conf ? conf.language : f.booth);
        items.push(P.el('li', { cls: 'alert forecast-line', dir: 'auto', attrs: { 'data-room': id, 'data-booth': f.booth,
          'data-interpreter': (f.interpreter || {}).id || '', title: f.message || '' },
          text: I.t('forecastLine', { who: (f.interpreter || {}).name || '', where: where, limit: B.duration(f.limit),
            at: T.formatTime(Date.parse(f.crossesAt), P.timeZone(state)) }) }));
      });
    });
    P.fill($('forecast'), items);
    P.setHidden($('forecast-panel'), !items.length);
  }

  /** The workload table. Its counts are the daemon's as of the status; tick() adds the time since for whoever is on mic. */
  var workloadRows = [];
  function buildWorkload(ids) {
    workloadRows = [];
    ids.forEach(function (id) {
      var st = status(id), list = (st.interpretation && st.interpretation.workload) || [];
      list.forEach(function (w) {
        var conf = B.configBooth(st, w.booth);
        var who = w.interpreter || {};
        var cells = { mic: P.el('td', { cls: 'num mic' }), longest: P.el('td', { cls: 'num longest' }), hours: P.el('td', { cls: 'num hours' }) };
        workloadRows.push({ w: w, st: st, cells: cells, tr: P.el('tr', { attrs: { 'data-interpreter': who.id || '', 'data-room': id, 'data-booth': w.booth || '' } }, [
          P.el('td', {}, [P.dataEl('span', { text: who.name || who.id || '' })]),
          P.el('td', {}, [P.dataEl('span', P.roomName(st.room)), P.el('span', { text: ' · ' + B.code(conf ? conf.language : w.booth) })]),
          P.el('td', { cls: 'day', dir: 'ltr', text: w.day || '' }),
          cells.mic,
          P.el('td', { cls: 'num turns', text: String(w.turns || 0) }),
          cells.longest,
          cells.hours
        ]) });
      });
    });
    P.fill($('workload'), workloadRows.map(function (r) { return r.tr; }));
    P.setHidden($('no-workload'), workloadRows.length > 0);
  }

  function tickWorkload(now) {
    workloadRows.forEach(function (r) {
      var w = r.w, st = r.st, who = (w.interpreter || {}).id;
      var since = Math.max(0, (now - Date.parse(st.asOf)) / 1000) || 0;
      var b = B.interpBooth(st, w.booth) || {};
      var live = !!(b.onMic && b.onMic.id === who && b.turnStartedAt);
      var mic = (w.micSeconds || 0) + (live ? since : 0);
      var longest = Math.max(w.longestTurn || 0, live ? B.turnElapsed(b, now) || 0 : 0);
      var booth = (w.boothSeconds || 0) + (st.current ? since : 0);
      P.setText(r.cells.mic, B.minutes(mic));
      P.setText(r.cells.longest, B.minutes(longest));
      P.setText(r.cells.hours, (booth / 3600).toFixed(1));
    });
  }

  var lastAlerts = null;
  function currentAlertsKey(now) {
    return B.alertsKey(Object.keys((state && state.rooms) || {}).sort().map(function (id) { return status(id).interpretation; }), now);
  }

  function tick(now) {
    P.setText($('clock'), T.formatClock(now, P.timeZone(state)));
    if (!state) return;
    var key = currentAlertsKey(now);
    if (key !== lastAlerts) {
      var first = lastAlerts === null;
      lastAlerts = key;  // before build(), which ticks again
      if (!first) build();  // a limit was reached
    }
    tickWorkload(now);
    Array.prototype.forEach.call(roomsBox.querySelectorAll('.room-block'), function (block) {
      var st = status(block.getAttribute('data-room'));
      if (!st) return;
      var cur = st.current;
      P.setText(block.querySelector('.speaker-left'), cur ? T.formatCountdown(T.timeLeft(cur, now)) : '');
      Array.prototype.forEach.call(block.querySelectorAll('.card'), function (card) {
        var b = B.interpBooth(st, card.getAttribute('data-booth')) || {};
        var phase = B.turnPhase(b, now);
        B.setTurnPhase(card, phase);
        P.setText(card.querySelector('.phase-badge'), B.phaseLabel(phase));
        var left = B.turnLeft(b, now), elapsed = B.turnElapsed(b, now);
        P.setText(card.querySelector('.turn-left'), left == null || isNaN(left) ? '' : T.formatCountdown(left));
        P.setText(card.querySelector('.turn-elapsed'), elapsed == null ? '' : '(' + B.formatElapsed(elapsed) + ')');
      });
    });
  }

  // ---------- start (after every declaration: a cached state renders at once) ----------
  I.onChange(function () { labelsChanged = true; build(); B.langSwitch($('lang-switch')); });
  B.langSwitch($('lang-switch'));
  P.connect({ kind: 'chief', namePrefix: 'chief', room: null, onState: function (s) { state = s; build(); } });
  P.loop(tick);
})();
