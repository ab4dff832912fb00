/* Door screen: one room's now / next / lateness / channels. */
(function () {
  'use strict';
  var P = window.Podium, T = window.PodiumTimeline, I = window.PodiumI18n;
  var $ = function (id) { return document.getElementById(id); };
  var room = P.roomId();
  var state = null;
  var asked = { source: null, link: null };  // the question page's link, as asked of the display

  P.connect({ kind: 'door', room: room, onState: function (s) { state = s; build(); } });
  I.onChange(build);
  P.loop(tick);

  function status() { return state && state.rooms && state.rooms[room]; }

  function build() {
    if (!state || P.showUnknownRoom(room, state, 'door')) return;
    var st = status(), cur = st.current;
    var name = P.roomName(st.room);
    P.setData($('room-name'), name);
    document.title = name.text + ' — ' + I.t('door');

    // The question page's code first: the texts below are fitted to the room it leaves them.
    var link = questionsLink(st.qa && st.qa.open ? st.qa.url : null);
    P.setHidden($('qa'), !link);
    P.setHidden($('qa-qr'), !link);
    var qr = '/rooms/' + encodeURIComponent(room) + '/qa-qr.svg?for=' + encodeURIComponent(link || '');
    if (link && $('qa-qr').getAttribute('src') !== qr) $('qa-qr').setAttribute('src', qr);
    P.setText($('qa-url'), link || '');

    document.body.classList.toggle('idle', !cur);
    P.setHidden($('full-banner'), !(st.state && st.state.full));
    P.setHidden($('now-body'), !cur);
    P.setHidden($('no-session'), !!cur);
    if (cur) {
      P.setData($('session-title'), P.sessionTitle(cur.session));
      sizeClass($('session-title'));
      P.fill($('speakers'), speakerItems(cur));
      var many = (cur.session.speakers || []).length > 4;
      P.fitList($('speakers'), function (list, tight) { list.classList.toggle('many', many || tight); });
      P.setHidden($('floor'), !cur.floorLanguage);
      P.setData($('floor-language'), cur.floorLanguage ? P.languageName(state, cur.floorLanguage) : { text: '' });
    }

    var next = (st.upcoming || [])[0];
    P.setData($('next-title'), next ? P.sessionTitle(next.session) : { text: I.t('nothingNext'), lang: I.lang() });
    sizeClass($('next-title'));
    P.setHidden($('next-when'), !next);

    var booths = ((st.room && st.room.booths) || []).slice().sort(function (a, b) { return a.channel - b.channel; });
    P.setHidden($('channels-panel'), !booths.length);
    P.fill($('channels'), booths.map(function (b) {
      return P.el('li', {}, [
        P.dataEl('span', P.endonym(state, b.language), 'lang-name'),
        P.el('bdi', { cls: 'channel', text: I.t('channel', { n: b.channel }) })
      ]);
    }));

    fillQuestion($('question'), st.questionOnScreen);
    tick(P.now());
  }

  // The question page's link as this screen should show it (asked of the display, which knows
  // where phones reach the Q&A plugin): none while it is unknown or would not open on a phone.
  function questionsLink(source) {
    if (source !== asked.source) {
      var ask = asked = { source: source, link: null };
      if (source) {
        P.getJSON('/rooms/' + encodeURIComponent(room) + '/qa-link').then(function (answer) {
          if (asked !== ask || answer.status !== 200 || !answer.body) return;
          ask.link = answer.body.url;
          build();
        }, function () {});
      }
    }
    return asked.link;
  }

  function speakerItems(cur) {
    return (cur.session.speakers || []).map(function (sp, i) {
      return P.el('li', { cls: i === cur.speakerIndex ? 'current' : '' }, [
        P.dataEl('span', { text: sp.name }, 'name'),
        sp.affiliation ? P.dataEl('span', { text: sp.affiliation }, 'affiliation') : null
      ]);
    });
  }

  function fillQuestion(box, q) {
    P.setHidden(box, !q);
    document.body.classList.toggle('has-question', !!q);
    if (!q) return;
    P.fill(box, [
      P.el('h2', { cls: 'label', text: I.t('question') }),
      P.dataEl('p', { text: q.text, lang: q.language }, 'question-text'),
      q.name ? P.dataEl('p', { text: q.name }, 'question-name') : null
    ]);
  }

  /** Shrinks long titles (CSS caps the lines). */
  function sizeClass(node) {
    var n = node.textContent.length;
    node.classList.toggle('long', n > 60 && n <= 120);
    node.classList.toggle('very-long', n > 120);
  }

  var lastPct = -1;
  function tick(now) {
    P.setText($('clock'), T.formatClock(now, P.timeZone(state)));
    var st = status();
    if (!st) return;
    var cur = st.current;
    if (cur) {
      var left = T.timeLeft(cur, now);
      P.setText($('time-left'), T.formatCountdown(left));
      P.setPhase(T.phase(left, st.thresholds));
      P.setHidden($('paused'), !cur.paused);
      var pct = Math.round(T.progress(cur, left) * 1000) / 10;
      if (pct !== lastPct) {
        lastPct = pct;
        $('progress').firstElementChild.style.inlineSize = pct + '%';
        $('progress').setAttribute('aria-valuenow', String(Math.round(pct)));
      }
    } else {
      P.setPhase(null);
    }
    var sch = T.schedule(st, now);
    var late = T.lateMinutes(sch.offset);
    P.setHidden($('late-banner'), !late);
    if (late) P.setText($('late-banner'), I.t('late', { n: late }));
    var next = sch.upcoming[0], tz = P.timeZone(state);
    if (next) {
      var expected = T.formatTime(next.expectedStart, tz);
      var planned = T.formatTime(Date.parse(next.session.plannedStart), tz);
      P.setText($('next-expected'), expected);
      var day = T.formatDay(next.expectedStart, now, tz, I.lang());
      P.setText($('next-day'), day);
      P.setHidden($('next-day'), !day);
      P.setText($('next-planned'), planned);
      P.setHidden($('next-planned'), planned === expected);
    }
  }
})();
