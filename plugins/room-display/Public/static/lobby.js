/* Lobby: every room's now / next / lateness, paging through rooms every 10 s (in step on every lobby screen). */
(function () {
  'use strict';
  var P = window.Podium, T = window.PodiumTimeline, I = window.PodiumI18n;
  var $ = function (id) { return document.getElementById(id); };
  var perPage = Math.max(1, parseInt(P.params.get('per'), 10) || 4);
  var state = null, page = -1, cards = [];

  var portraitQuery = window.matchMedia('(orientation: portrait)');
  portraitQuery.addEventListener('change', build);

  P.connect({ kind: 'lobby', room: null, onState: function (s) { state = s; build(); } });
  I.onChange(build);
  P.loop(tick);

  function roomIds() { return P.roomIds(state); }
  function pageCount() { return Math.max(1, Math.ceil(roomIds().length / perPage)); }
  function pageAt(now) { return Math.floor(now / 10000) % pageCount(); }

  function build() {
    if (!state) return;
    var conf = state.conference || {};
    var name = P.pick(conf.names, conf.name);
    P.setData($('conference-name'), name);
    document.title = name.text + ' — ' + I.t('lobby');
    page = pageAt(P.now());
    var ids = roomIds().slice(page * perPage, (page + 1) * perPage);
    cards = ids.map(function (id) { return card(id, state.rooms[id]); });
    var grid = $('screen');
    var portrait = portraitQuery.matches;
    var cols = portrait ? (perPage > 4 ? 2 : 1) : (perPage > 4 ? 3 : Math.min(perPage, 2));
    // As many rows as this page's cards need: fewer rooms than a page holds leave no empty band.
    var shown = Math.max(1, Math.min(perPage, ids.length));
    grid.style.setProperty('--cols', Math.min(cols, shown));
    grid.style.setProperty('--rows', Math.ceil(shown / Math.min(cols, shown)));
    P.fill(grid, cards.map(function (c) { return c.node; }));
    var pages = pageCount();
    P.setHidden($('page'), pages < 2);
    P.setText($('page'), I.t('page', { n: page + 1, m: pages }));
    tick(P.now());
    fitCards();  // after the tick: it fills the times and days the cards must hold too
  }

  /** One room's card; keeps references to the parts that change every second. */
  function card(id, st) {
    var cur = st.current, next = (st.upcoming || [])[0];
    var c = {
      id: id, st: st,
      left: P.el('bdi', { cls: 'time-left', dir: 'ltr' }),
      day: P.el('bdi', { cls: 'next-day', dir: 'auto' }),
      expected: P.el('bdi', { cls: 'next-expected', dir: 'ltr' }),
      planned: P.el('s', { cls: 'next-planned', dir: 'ltr' }),
      late: P.el('span', { cls: 'late-badge', attrs: { role: 'status' } })
    };
    var nowRow = cur
      ? P.el('div', { cls: 'row now-row' }, [P.el('span', { cls: 'label', text: I.t('now') }),
          P.dataEl('p', P.sessionTitle(cur.session), 'now-title'), c.left])
      : P.el('div', { cls: 'row now-row idle' }, [P.el('span', { cls: 'label', text: I.t('now') }),
          P.el('p', { cls: 'now-title empty-title', text: I.t('noSession') })]);
    var nextRow = next
      ? P.el('div', { cls: 'row next-row' }, [P.el('span', { cls: 'label', text: I.t('next') }),
          P.dataEl('p', P.sessionTitle(next.session), 'next-title'), P.el('span', { cls: 'when' }, [c.day, c.expected, c.planned])])
      : null;
    c.node = P.el('article', { cls: 'room-card panel', attrs: { 'data-room': id } }, [
      P.el('header', { cls: 'card-head' }, [
        P.dataEl('h2', P.roomName(st.room), 'room-name'),
        st.state && st.state.full ? P.el('span', { cls: 'full-badge', text: I.t('roomFull'), attrs: { role: 'status' } }) : null,
        c.late
      ]),
      nowRow, nextRow
    ]);
    return c;
  }

  /** Each card gives up lines, step by step, until its text fits (see .room-card.fit-N). */
  function fitCards() {
    cards.forEach(function (c) { P.fitBox(c.node, 5); });
  }
  addEventListener('resize', fitCards);
  if (document.fonts) document.fonts.ready.then(fitCards);

  function tick(now) {
    var tz = P.timeZone(state);
    P.setText($('clock'), T.formatClock(now, tz));
    if (!state) return;
    if (pageAt(now) !== page) { build(); return; }
    cards.forEach(function (c) {
      var cur = c.st.current;
      if (cur) {
        var left = T.timeLeft(cur, now);
        P.setText(c.left, T.formatCountdown(left));
        var ph = 'phase-' + T.phase(left, c.st.thresholds);
        if (c.node.getAttribute('data-phase') !== ph) {
          c.node.classList.remove('phase-normal', 'phase-warning', 'phase-danger', 'phase-overtime');
          c.node.classList.add(ph);
          c.node.setAttribute('data-phase', ph);
        }
      }
      var sch = T.schedule(c.st, now), late = T.lateMinutes(sch.offset);
      P.setHidden(c.late, !late);
      if (late) P.setText(c.late, I.t('late', { n: late }));
      var n = sch.upcoming[0];
      if (n) {
        var e = T.formatTime(n.expectedStart, tz), p = T.formatTime(Date.parse(n.session.plannedStart), tz);
        P.setText(c.expected, e);
        var day = T.formatDay(n.expectedStart, now, tz, I.lang());
        P.setText(c.day, day);
        P.setHidden(c.day, !day);
        P.setText(c.planned, p);
        P.setHidden(c.planned, e === p);
      }
    });
  }
})();
