/* Speaker's confidence monitor: a huge countdown, phase colours, operator messages. */
(function () {
  'use strict';
  var P = window.Podium, T = window.PodiumTimeline, I = window.PodiumI18n;
  var $ = function (id) { return document.getElementById(id); };
  var room = P.roomId();
  var state = null;

  P.connect({ kind: 'monitor', room: room, onState: function (s) { state = s; build(); } });
  I.onChange(build);
  P.loop(tick);

  function status() { return state && state.rooms && state.rooms[room]; }

  function build() {
    if (!state || P.showUnknownRoom(room, state, 'monitor')) return;
    var st = status(), cur = st.current;
    document.title = P.roomName(st.room).text + ' — ' + I.t('monitor');

    P.setData($('session-title'), cur ? P.sessionTitle(cur.session) : P.roomName(st.room));
    P.setHidden($('time-left'), !cur);
    P.setHidden($('progress'), !cur);
    P.setHidden($('no-session'), !!cur);
    var speaker = cur && (cur.speaker || (cur.session.speakers || [])[cur.speakerIndex || 0]);
    P.setHidden($('speaker').parentNode, !speaker);
    P.setData($('speaker'), { text: speaker ? speaker.name : '' });
    P.setHidden($('next-speaker-row'), !(cur && cur.nextSpeaker));
    P.setData($('next-speaker'), { text: cur && cur.nextSpeaker ? cur.nextSpeaker.name : '' });

    var next = (st.upcoming || [])[0];
    P.setHidden($('next-row'), !(next && (!cur || !cur.nextSpeaker)));
    P.setData($('next-title'), next ? P.sessionTitle(next.session) : { text: '' });

    var msg = st.message;
    document.body.classList.toggle('blackout', !!(msg && msg.blackout));
    P.setHidden($('message'), !(msg && msg.text));
    P.setData($('message'), { text: msg && msg.text ? msg.text : '', lang: msg && msg.text ? P.pick({}, msg.text).lang : '' });
    $('message').classList.toggle('blink', !!(msg && msg.blink));

    var slow = st.slowDown || [];
    P.setHidden($('slow-down'), !slow.length);
    P.fill($('slow-down'), slow.length ? [P.el('span', { cls: 'slow-title', text: I.t('slowDown') })].concat(slow.map(function (s) {
      return P.dataEl('span', P.languageName(state, s.language || s.booth), 'slow-booth');
    })) : []);

    var q = st.questionOnScreen;
    P.setHidden($('question'), !q);
    if (q) P.fill($('question'), [
      P.el('h2', { cls: 'label', text: I.t('question') }),
      P.dataEl('p', { text: q.text, lang: q.language }, 'question-text'),
      q.name ? P.dataEl('p', { text: q.name }, 'question-name') : null
    ]);
    fitTimer();
    tick(P.now());
  }

  var lastPct = -1, lastLen = -1;
  function tick(now) {
    P.setText($('clock'), T.formatClock(now, P.timeZone(state)));
    var st = status();
    if (!st) return;
    var cur = st.current;
    document.body.classList.toggle('paused', !!(cur && cur.paused));
    P.setHidden($('paused'), !(cur && cur.paused));
    if (cur) {
      var left = T.timeLeft(cur, now);
      var text = T.formatCountdown(left);
      P.setText($('time-left'), text);
      if (text.length !== lastLen) { lastLen = text.length; fitTimer(); }
      P.setPhase(T.phase(left, st.thresholds));
      var pct = Math.round(T.progress(cur, left) * 1000) / 10;
      if (pct !== lastPct) { lastPct = pct; $('progress').firstElementChild.style.inlineSize = pct + '%'; }
    } else {
      P.setPhase(null);
    }
    var sch = T.schedule(st, now);
    var late = T.lateMinutes(sch.offset);
    P.setHidden($('late-banner'), !late);
    if (late) P.setText($('late-banner'), I.t('late', { n: late }));
    if (sch.upcoming[0]) {
      var nextStart = sch.upcoming[0].expectedStart, day = T.formatDay(nextStart, now, P.timeZone(state), I.lang());
      P.setText($('next-expected'), T.formatTime(nextStart, P.timeZone(state)));
      P.setText($('next-day'), day);
      P.setHidden($('next-day'), !day);
    }
  }

  /** Makes the countdown as large as its box allows (only when its length or the box changes). */
  function fitTimer() {
    var box = $('timer-box'), t = $('time-left');
    if (t.hidden || !t.textContent) return;
    t.style.fontSize = '100px';
    var w = t.scrollWidth, h = t.offsetHeight;
    var scale = Math.min(box.clientWidth * 0.96 / w, box.clientHeight * 0.98 / h);
    t.style.fontSize = Math.max(10, Math.floor(100 * scale)) + 'px';
  }
  if (window.ResizeObserver) new ResizeObserver(fitTimer).observe($('timer-box'));
  if (document.fonts) document.fonts.ready.then(fitTimer);
})();
