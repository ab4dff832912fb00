/* What the booth console, the chief's view and the index share: commands, turn timing, sources, messages. */
(function (root) {
  'use strict';
  var P = root.Podium, T = root.PodiumTimeline, I = root.PodiumI18n;

  /** The booth id of /rooms/:room/booths/:booth, or null. */
  function boothId() {
    var m = location.pathname.match(/^\/rooms\/[^/]+\/booths\/([^/]+)/);
    return m ? decodeURIComponent(m[1]) : null;
  }

  function boothUrl(room, booth) {
    return '/rooms/' + encodeURIComponent(room) + '/booths/' + encodeURIComponent(booth) +
      '?lang=' + encodeURIComponent(I.param());
  }

  function chiefUrl() { return '/chief?lang=' + encodeURIComponent(I.param()); }

  // ---------- commands ----------
  var chains = {};

  function commandLabel(command) {
    return I.t('command' + command.charAt(0).toUpperCase() + command.slice(1));
  }

  /**
   * POSTs {command, args} for `room`; shows the outcome in #result (class ok|error, data-code).
   * opts.chain: commands with the same chain key go one after the other (cough pressed, then released).
   * Resolves to {ok: true, ack} or {ok: false, error}.
   */
  function send(room, command, args, opts) {
    opts = opts || {};
    var run = function () {
      return post('/api/rooms/' + encodeURIComponent(room) + '/commands', commandLabel(command),
        { command: command, args: args || {} }).then(function (r) {
        return r.ok ? { ok: true, ack: r.body.ack } : { ok: false, error: r.body.error || { code: 'network' } };
      });
    };
    if (!opts.chain) return run();
    var next = (chains[opts.chain] || Promise.resolve()).then(run, run);
    chains[opts.chain] = next;
    return next;
  }

  /**
   * POSTs `body` (default {}) as JSON to `path`; shows the outcome, named `what`, in #result
   * (class ok|error, data-code). Resolves to {ok, body}.
   */
  function post(path, what, body) {
    showResult('pending', what + '…');
    return P.postJSON(path, body).then(function (r) {
      var e = r.error;
      if (r.ok) showResult('ok', I.t('ok') + ' — ' + what);
      else if (e.code === 'network') showResult('error', I.t('networkError') + ' — ' + what, 'network');
      else showResult('error', I.t('error') + ' — ' + what + ' : ' + (e.message || e.code) + (e.field ? ' (' + e.field + ')' : ''), e.code);
      return { ok: r.ok, body: r.body || {} };
    });
  }

  var resultTimer = null;
  function showResult(kind, text, code) {
    var out = document.getElementById('result');
    if (!out) return;
    out.className = 'result ' + kind;
    if (code) out.setAttribute('data-code', code); else out.removeAttribute('data-code');
    P.setText(out, text);
    clearTimeout(resultTimer);
    // A success fades after a while; an error stays until the next command.
    if (kind === 'ok') resultTimer = setTimeout(function () { out.className = 'result'; P.setText(out, ''); }, 6000);
  }

  // ---------- turns ----------
  var ms = function (iso) { return iso ? Date.parse(iso) : NaN; };

  /** Seconds left in the turn at `now` (ms), or null without a running turn. */
  function turnLeft(b, now) {
    if (!b || !b.onMic || !b.turnEndsAt) return null;
    var left = (ms(b.turnEndsAt) - now) / 1000;
    // Clocks a few ms apart must not show 30:01 for a 30-minute turn.
    return b.turnLength > 0 ? Math.min(left, b.turnLength) : left;
  }

  /** Seconds on mic at `now`, or null. */
  function turnElapsed(b, now) {
    if (!b || !b.onMic || !b.turnStartedAt) return null;
    return Math.max(0, (now - ms(b.turnStartedAt)) / 1000);
  }

  /** idle | running | handover (last minute) | overdue (past the end), counted on the daemon's clock as the daemon does. */
  function turnPhase(b, now) {
    if (!b || !b.onMic) return 'idle';
    var left = turnLeft(b, now);
    if (left == null || isNaN(left)) return b.turnPhase || 'running';
    if (left < 0) return 'overdue';
    if (left <= 60) return 'handover';
    return 'running';
  }

  var PHASES = ['idle', 'running', 'handover', 'overdue'];
  function setTurnPhase(node, phase) {
    PHASES.forEach(function (p) { node.classList.toggle('turn-' + p, p === phase); });
  }

  function phaseLabel(phase) { return I.t('turnPhase' + phase.charAt(0).toUpperCase() + phase.slice(1)); }

  /** A duration as a count up ("12:04"), no sign. */
  function formatElapsed(seconds) {
    if (seconds == null || isNaN(seconds)) return '';
    return T.formatCountdown(Math.floor(seconds));
  }

  /** The "back to floor" banner shows for 60 s around the moment the floor moved to a language the booth covers. */
  function backToFloor(b, now) {
    if (!b || !b.backToFloorAt) return false;
    var at = ms(b.backToFloorAt);
    return !isNaN(at) && Math.abs(now - at) < 60000;
  }

  // ---------- sources ----------
  function code(language) { return language ? String(language).toUpperCase() : '?'; }

  function arrow() { return P.el('span', { cls: 'arrow', text: '\u2192', attrs: { 'aria-hidden': 'true' } }); }

  /** "AR booth", with "(FR)" when it works into another language than its own (retour). */
  function boothNode(status, boothId, language) {
    var conf = configBooth(status, boothId);
    var own = conf ? conf.language : boothId;
    return P.el('span', { cls: 'src-node booth-node', attrs: { 'data-booth': boothId || '' } }, [
      P.el('span', { text: I.t('boothNode', { l: code(own) }) }),
      language && language !== own ? space() : null,
      language && language !== own ? P.el('span', { cls: 'via', dir: 'ltr', text: '(' + code(language) + ')' }) : null
    ]);
  }

  /** A space between two isolated pieces (outside both, so it stays between them in either direction). */
  function space() { return document.createTextNode(' '); }

  function floorNode(language) {
    return P.el('span', { cls: 'src-node floor-node', text: I.t('floorNode', { l: code(language) }) });
  }

  /** Whether a booth works into another language than its own now (a retour booth while the floor speaks its language). */
  function isRetour(b) { return !!(b && b.output && b.language && b.output !== b.language); }

  /** The room's floor language now, or null (nobody speaks, or the speaker's language is unknown). */
  function floorLanguage(status) {
    var interp = (status && status.interpretation) || {};
    return interp.floorLanguage || (status && status.current && status.current.floorLanguage) || null;
  }

  /** Where the floor language comes from, as a label; '' when there is none to say. */
  function floorSourceLabel(status) {
    var fs = status && status.interpretation && status.interpretation.floorSource;
    if (!fs || fs === 'none') return '';
    return I.t({ speaker: 'floorBySpeaker', session: 'floorBySession', chief: 'floorByChief',
                 speakerUnknown: 'floorSpeakerUnknown' }[fs] || 'floorUnknown');
  }

  /** The data-kind of a booth's source line: its kind, or `idle` when there is no floor to take. */
  function sourceKind(b, status) {
    var kind = (b && b.source && b.source.kind) || 'none';
    return kind === 'none' && !floorLanguage(status) ? 'idle' : kind;
  }

  /**
   * Children of a booth's source line: "FR floor", "← AR booth (FR) +", "AR floor · retour", "own language", "no source".
   * The marker element (id `markerId` if given) carries data-marker (floor | + | − | "") and shows + or −.
   */
  function sourceParts(b, status, markerId) {
    var s = (b && b.source) || { kind: 'none' };
    var marker = P.el('span', { cls: 'marker', dir: 'ltr', attrs: { 'data-marker': s.marker || '' } });
    if (markerId) marker.id = markerId;
    var parts;
    if (s.kind === 'floor') {
      parts = [floorNode(s.language)];
    } else if (s.kind === 'relay') {
      parts = [P.el('span', { cls: 'arrow from', text: '\u2190', attrs: { 'aria-hidden': 'true' } }), boothNode(status, s.booth, s.language)];
      marker.textContent = s.marker && s.marker !== 'floor' ? s.marker : '';
    } else if (s.kind === 'ownLanguage' && isRetour(b)) {
      parts = [floorNode(s.language), P.el('span', { cls: 'retour', text: I.t('retour') })];
    } else if (s.kind === 'ownLanguage') {
      parts = [P.el('span', { cls: 'src-own', text: I.t('ownLanguage') })];
    } else if (!floorLanguage(status)) {
      // Nobody speaks yet, or the speaker's language is unknown: a neutral state, not an alarm.
      parts = [P.el('span', { cls: 'src-idle', text: I.t('floorIdle') })];
    } else {
      parts = [P.el('span', { cls: 'src-none', text: I.t('noSource') })];
    }
    P.setHidden(marker, !marker.textContent);
    return parts.concat([marker]);
  }

  /** The relay chains of a room, one per booth nobody relays from: "AR floor → AR booth (FR) → EN booth +". */
  function relayChains(status) {
    var interp = (status && status.interpretation) || {};
    var booths = interp.booths || [];
    var byId = {};
    booths.forEach(function (b) { byId[b.booth] = b; });
    var relayed = {};
    booths.forEach(function (b) { if (b.source && b.source.kind === 'relay' && b.source.booth) relayed[b.source.booth] = true; });
    return booths.filter(function (b) { return !relayed[b.booth]; }).map(function (leaf) {
      var path = [], seen = {}, b = leaf;
      while (b && !seen[b.booth]) {
        seen[b.booth] = true;
        path.unshift(b);
        b = b.source && b.source.kind === 'relay' ? byId[b.source.booth] : null;
      }
      var s = path[0].source || { kind: 'none' };
      var nodes = [];
      if (s.kind === 'floor' || (s.kind === 'ownLanguage' && isRetour(path[0]))) nodes.push(floorNode(s.language));
      else if (s.kind === 'ownLanguage') nodes.push(P.el('span', { cls: 'src-own', text: I.t('ownLanguage') }));
      else if (s.kind === 'relay') nodes.push(boothNode(status, s.booth, s.language));
      else if (!floorLanguage(status)) nodes.push(P.el('span', { cls: 'src-idle', text: I.t('floorIdle') }));
      else nodes.push(P.el('span', { cls: 'src-none', text: I.t('noSource') }));
      path.forEach(function (pb) {
        var m = pb.source && pb.source.marker;
        var node = boothNode(status, pb.booth, pb.output);
        if (m && m !== 'floor') { node.appendChild(space()); node.appendChild(P.el('span', { cls: 'marker', dir: 'ltr', text: m })); }
        if (pb.source && pb.source.kind === 'ownLanguage' && !isRetour(pb)) node.classList.add('silent');
        nodes.push(arrow());
        nodes.push(node);
      });
      return P.el('li', { cls: 'chain', attrs: { 'data-booth': leaf.booth } }, nodes);
    });
  }

  // ---------- messages ----------
  /** The messages newest first, each with who sent it and when. */
  function messageItems(b, state) {
    var list = ((b && b.messages) || []).slice().reverse();
    var tz = P.timeZone(state);
    return list.map(function (m) {
      return P.el('li', { cls: 'msg from-' + (m.from === 'chief' ? 'chief' : 'booth') }, [
        P.el('span', { cls: 'msg-meta' }, [
          P.el('span', { cls: 'msg-from', text: I.t(m.from === 'chief' ? 'fromChief' : 'fromBooth') }),
          P.el('bdi', { cls: 'msg-at', dir: 'ltr', text: T.formatTime(ms(m.at), tz) })
        ]),
        P.dataEl('span', { text: m.text == null ? '' : String(m.text) }, 'msg-text')
      ]);
    });
  }

  // ---------- keyed lists (nodes kept in place, so a press is never lost to a rebuild) ----------
  /** Makes container's children one per key, in order: create(key) for new ones, update(node, key, i) for all. */
  function sync(container, keys, create, update) {
    var existing = {};
    Array.prototype.forEach.call(container.children, function (c) {
      if (c.hasAttribute('data-key')) existing[c.getAttribute('data-key')] = c;
    });
    keys.forEach(function (k, i) {
      var node = existing[k];
      if (node) delete existing[k];
      else { node = create(k); node.setAttribute('data-key', k); }
      update(node, k, i);
      if (container.children[i] !== node) container.insertBefore(node, container.children[i] || null);
    });
    Object.keys(existing).forEach(function (k) { existing[k].remove(); });
    Array.prototype.slice.call(container.children).forEach(function (c) { if (!c.hasAttribute('data-key')) c.remove(); });
  }

  // ---------- misc ----------
  /** The interpretation of booth `id` in a room status, or null. */
  function interpBooth(status, id) {
    var list = (status && status.interpretation && status.interpretation.booths) || [];
    for (var i = 0; i < list.length; i++) if (list[i].booth === id) return list[i];
    return null;
  }

  /** The configured booth `id` of a room status (room.booths), or null. */
  function configBooth(status, id) {
    var list = (status && status.room && status.room.booths) || [];
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
    return null;
  }

  /**
   * Alerts in force at `now` (daemon clock, ms): those the daemon reported, and the upcoming ones whose
   * instant has come. The daemon publishes nothing when a limit is merely reached, as with countdowns.
   */
  function activeAlerts(interpretation, now) {
    var list = ((interpretation && interpretation.alerts) || []).slice();
    ((interpretation && interpretation.upcomingAlerts) || []).forEach(function (a) {
      var since = Date.parse(a.since);
      if (isNaN(since) || since > now) return;
      var copy = {};
      Object.keys(a).forEach(function (k) { copy[k] = a[k]; });
      copy.value = a.limit + (now - since) / 1000;
      list.push(copy);
    });
    return list;
  }

  /** Which alerts are in force: pages render again when it changes. */
  function alertsKey(interpretations, now) {
    return interpretations.map(function (interpretation) {
      return activeAlerts(interpretation, now).map(function (a) { return a.rule + '/' + a.booth + '/' + (a.interpreter || ''); }).join(',');
    }).join(';');
  }

  function ruleLabel(rule) { return I.t('rule' + String(rule).charAt(0).toUpperCase() + String(rule).slice(1)); }

  /** "42 min", "1 h 05", or "30 s" under a minute (working-condition values and limits). */
  function duration(seconds) {
    if (seconds == null || isNaN(seconds)) return '';
    if (seconds < 60) return Math.floor(seconds) + ' s';
    var m = Math.floor(seconds / 60);
    return m < 60 ? m + ' min' : Math.floor(m / 60) + ' h ' + (m % 60 < 10 ? '0' : '') + (m % 60);
  }

  function minutes(seconds) { return seconds == null || isNaN(seconds) ? '' : String(Math.round(seconds / 60)); }

  function langSwitch(node) {
    P.fill(node, ['ar', 'fr', 'en'].map(function (l) {
      var q = new URLSearchParams(location.search);
      q.set('lang', l);
      return P.el('a', { text: l.toUpperCase(), cls: l === I.lang() ? 'active' : '', attrs: { href: '?' + q.toString(), lang: l } });
    }));
  }

  root.PodiumBooth = {
    boothId: boothId, boothUrl: boothUrl, chiefUrl: chiefUrl, send: send, post: post, showResult: showResult,
    turnLeft: turnLeft, turnElapsed: turnElapsed, turnPhase: turnPhase, setTurnPhase: setTurnPhase,
    phaseLabel: phaseLabel, formatElapsed: formatElapsed, backToFloor: backToFloor, code: code,
    sourceParts: sourceParts, sourceKind: sourceKind, floorLanguage: floorLanguage, floorSourceLabel: floorSourceLabel, relayChains: relayChains, messageItems: messageItems,
    sync: sync, interpBooth: interpBooth, configBooth: configBooth, ruleLabel: ruleLabel,
    activeAlerts: activeAlerts, alertsKey: alertsKey, minutes: minutes, duration: duration, langSwitch: langSwitch
  };
})(this);
