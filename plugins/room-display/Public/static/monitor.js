/* Speaker's confidence monitor: a huge countdown (the speaker's own slot when they have a speaking
   time, the session's small beneath it), phase colours, operator messages. */
(function () {
  'use strict';
  var P = window.Podium, T = window.PodiumTimeline, I = window.PodiumI18n;
  var $ = function (id) { return document.getElementById(id); };
  var room = P.roomId();
  var state = null;
  // ?mode=focus: the time only; ?mode=standby: the conference's name only (between sessions, on stage).
  var mode = P.params.get('mode');
  if (mode === 'focus' || mode === 'standby') document.body.classList.add(mode);
  // ?sound=1: a short cue when the countdown turns to warning, to danger, and at its end. A kiosk
  // browser plays it without a click when started with --autoplay-policy=no-user-gesture-required.
  var sound = P.params.get('sound') === '1';
  var audio = null, lastPhase = null;
  window.__podiumCues = [];  // the cues played, in order: what a test (or a curious crew) can read
  function cue(phase) {
    var tones = { warning: [660], danger: [660, 880], overtime: [880, 880, 880] }[phase];
    if (!sound || !tones) return;
    window.__podiumCues.push(phase);
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === 'suspended') audio.resume();
      tones.forEach(function (frequency, i) {
        var oscillator = audio.createOscillator(), gain = audio.createGain();
        var start = audio.currentTime + i * 0.3;
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(start);
        oscillator.stop(start + 0.26);
      });
    } catch (e) { /* no audio on this screen: the colours still say it */ }
  }

  /** An operator's message with its placeholders filled: {speaker}, {next} (speaker), {timeLeft}. */
  function messageText(text, cur, now) {
    if (!text || text.indexOf('{') < 0) return text;
    var speaker = cur && (cur.speaker || (cur.session.speakers || [])[cur.speakerIndex || 0]);
    return text.replace(/\{(speaker|next|timeLeft)\}/g, function (_, key) {
      if (key === 'speaker') return speaker ? speaker.name : '';
      if (key === 'next') return cur && cur.nextSpeaker ? cur.nextSpeaker.name : '';
      return cur ? T.formatCountdown(T.timeLeft(cur, now)) : '';
    });
  }

  P.connect({ kind: 'monitor', room: room, onState: function (s) { state = s; build(); } });
  I.onChange(build);
  P.loop(tick);

  function status() { return state && state.rooms && state.rooms[room]; }

  function build() {
    if (!state || P.showUnknownRoom(room, state, 'monitor')) return;
    var st = status(), cur = st.current;
    document.title = P.roomName(st.room).text + ' — ' + I.t('monitor');

    P.setData($('session-title'), cur ? P.sessionTitle(cur.session) : P.roomName(st.room));
    var conf = state.conference || {};
    P.setData($('standby-name'), P.pick(conf.names, conf.name));
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
    var shown = msg && msg.text ? messageText(msg.text, cur, P.now()) : '';
    P.setData($('message'), { text: shown, lang: shown ? P.pick({}, shown).lang : '' });
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
    var slot = cur && T.slot(cur);
    P.setHidden($('session-line'), !slot);
    if (slot) P.setText($('session-left'), T.formatCountdown(T.timeLeft(cur, now)));
    if (cur) {
      // The big countdown is the speaker's own slot when they have one, else the session's.
      var shown = slot || cur;
      var left = T.timeLeft(shown, now);
      // A slot always counts down; a session as its timer kind says (down, up, or the time of day).
      var text = slot ? T.formatCountdown(left) : T.timerText(cur, now, P.timeZone(state));
      P.setText($('time-left'), text);
      if (text.length !== lastLen) { lastLen = text.length; fitTimer(); }
      var phase = T.phase(left, slot ? T.slotThresholds(st.thresholds, slot.allotted) : st.thresholds);
      P.setPhase(phase);
      // A cue when the phase moves on (not for the phase found on loading the page).
      if (lastPhase && phase !== lastPhase && phase !== 'normal') cue(phase);
      lastPhase = phase;
      var msg = st.message;
      if (msg && msg.text && msg.text.indexOf('{timeLeft}') >= 0) P.setText($('message'), messageText(msg.text, cur, now));
      var pct = Math.round(T.progress(shown, left) * 1000) / 10;
      if (pct !== lastPct) { lastPct = pct; $('progress').firstElementChild.style.inlineSize = pct + '%'; }
    } else {
      P.setPhase(null);
      lastPhase = null;
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
