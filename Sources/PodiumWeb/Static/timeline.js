/* Podium time rules: pure functions, no DOM. Times are ms since epoch unless named *Sec. */
(function (root) {
  'use strict';

  var ms = function (iso) { return iso ? Date.parse(iso) : NaN; };

  /** Seconds left in the current session at `now` (ms). */
  function timeLeft(current, now) {
    if (!current) return null;
    if (current.paused || !current.endsAt) return current.timeLeft;
    return (ms(current.endsAt) - now) / 1000;
  }

  /** Phase from seconds left and thresholds {warning, danger} (seconds). */
  function phase(left, thresholds) {
    var t = thresholds || {};
    var warning = t.warning != null ? t.warning : 300;
    var danger = t.danger != null ? t.danger : 60;
    if (left <= 0) return 'overtime';
    if (left <= danger) return 'danger';
    if (left <= warning) return 'warning';
    return 'normal';
  }

  /** Seconds spoken in the current session at `now` (ms), pauses excluded, kept live. */
  function elapsed(current, now) {
    if (!current) return null;
    if (current.paused || !current.endsAt) return current.elapsed;
    return (current.elapsed || 0) + (current.timeLeft || 0) + (now - ms(current.endsAt)) / 1000;
  }

  /**
   * What a session's screens show by its timer kind (`session.timer`): the time left (the
   * default), the time spoken (`countUp`), or the time of day (`timeOfDay`).
   */
  function timerText(current, now, timeZone) {
    var kind = (current && current.session && current.session.timer) || 'countDown';
    if (kind === 'timeOfDay') return formatClock(now, timeZone);
    if (kind === 'countUp') return formatCountdown(Math.floor(elapsed(current, now)));
    return formatCountdown(timeLeft(current, now));
  }

  /**
   * The speaking slot of the speaker with the floor, shaped like a session's timing so that
   * timeLeft and progress read it: {endsAt, timeLeft, elapsed, paused, allotted}; null without one.
   */
  function slot(current) {
    var s = current && current.slot;
    if (!s) return null;
    return { endsAt: s.endsAt, timeLeft: s.timeLeft, elapsed: s.elapsed, paused: current.paused, allotted: s.allotted };
  }

  /** A slot's thresholds: the room's, but never more than a quarter of the slot to warning, a tenth to danger. */
  function slotThresholds(thresholds, allotted) {
    var t = thresholds || {};
    return {
      warning: Math.min(t.warning != null ? t.warning : 300, allotted / 4),
      danger: Math.min(t.danger != null ? t.danger : 60, allotted / 10)
    };
  }

  /** Fraction of the session done, 0..1 (elapsed/(elapsed+timeLeft), elapsed kept live). */
  function progress(current, left) {
    if (!current) return 0;
    var total = (current.elapsed || 0) + (current.timeLeft || 0);
    if (!(total > 0)) return left <= 0 ? 1 : 0;
    var done = (total - left) / total;
    return Math.min(1, Math.max(0, done));
  }

  /**
   * Live lateness: gaps absorb it.
   * Returns {offset (s), upcoming: [{session, expectedStart (ms), delay (s)}]}.
   */
  function schedule(status, now) {
    var cur = status && status.current;
    var cursor = now;
    var offset = null;
    if (cur) {
      // A session running over ends now at the earliest, paused or not (endsAt moves with a pause).
      var endsAt = cur.paused ? now + (cur.timeLeft || 0) * 1000 : ms(cur.endsAt);
      cursor = Math.max(now, endsAt);
      offset = (cursor - ms(cur.session.plannedEnd)) / 1000;
    }
    var upcoming = ((status && status.upcoming) || []).map(function (u) {
      var start = ms(u.session.plannedStart);
      var end = ms(u.session.plannedEnd);
      var expected = Math.max(start, cursor);
      cursor = expected + (end - start);
      return { session: u.session, expectedStart: expected, delay: (expected - start) / 1000 };
    });
    if (offset === null) offset = upcoming.length ? upcoming[0].delay : 0;
    return { offset: offset, upcoming: upcoming };
  }

  /** Whole minutes late to show, or 0 when under a minute. */
  function lateMinutes(offsetSec) {
    return offsetSec >= 60 ? Math.round(offsetSec / 60) : 0;
  }

  var pad = function (n) { return n < 10 ? '0' + n : String(n); };

  /** "M:SS" or "H:MM:SS"; U+2212 minus when overtime. Shows ceil(seconds) so 0:00 is the end. */
  function formatCountdown(seconds) {
    if (seconds == null || isNaN(seconds)) return '';
    var s = Math.ceil(seconds);
    var neg = s < 0;
    s = Math.abs(s);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var body = h > 0 ? h + ':' + pad(m) + ':' + pad(sec) : m + ':' + pad(sec);
    return (neg ? '\u2212' : '') + body;
  }

  var formatters = {};
  function parts(t, timeZone, withSeconds) {
    var key = (timeZone || '') + (withSeconds ? 's' : '');
    if (!formatters[key]) {
      var opts = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', numberingSystem: 'latn' };
      if (withSeconds) opts.second = '2-digit';
      if (timeZone) opts.timeZone = timeZone;
      try { formatters[key] = new Intl.DateTimeFormat('en-GB', opts); }
      catch (e) { delete opts.timeZone; formatters[key] = new Intl.DateTimeFormat('en-GB', opts); }
    }
    var out = {};
    formatters[key].formatToParts(new Date(t)).forEach(function (p) { out[p.type] = p.value; });
    if (out.hour === '24') out.hour = '00';
    return out;
  }

  /** "HH:MM" in the conference time zone, Western digits. */
  function formatTime(t, timeZone) {
    if (t == null || isNaN(t)) return '';
    var p = parts(t, timeZone, false);
    return p.hour + ':' + p.minute;
  }

  /** "HH:MM:SS" in the conference time zone. */
  function formatClock(t, timeZone) {
    if (t == null || isNaN(t)) return '';
    var p = parts(t, timeZone, true);
    return p.hour + ':' + p.minute + ':' + p.second;
  }

  /** The calendar day of `t` in the time zone, as `YYYY-MM-DD`. */
  function dayOf(t, timeZone) {
    var opts = { year: 'numeric', month: '2-digit', day: '2-digit' };
    if (timeZone) opts.timeZone = timeZone;
    var out = {};
    try { new Intl.DateTimeFormat('en-GB', opts).formatToParts(new Date(t)).forEach(function (p) { out[p.type] = p.value; }); }
    catch (e) { return new Date(t).toISOString().slice(0, 10); }
    return out.year + '-' + out.month + '-' + out.day;
  }

  /**
   * The day of `t` as a screen says it beside a time ("jeu. 3 déc.", "Thu 3 Dec", "الخميس 3 ديسمبر"),
   * in `lang` with Western digits; '' when `t` falls on the same day as `now` in the time zone.
   */
  function formatDay(t, now, timeZone, lang) {
    if (t == null || isNaN(t) || dayOf(t, timeZone) === dayOf(now, timeZone)) return '';
    var opts = { weekday: 'short', day: 'numeric', month: 'short', numberingSystem: 'latn' };
    if (timeZone) opts.timeZone = timeZone;
    try { return new Intl.DateTimeFormat(lang || 'fr', opts).format(new Date(t)); }
    catch (e) { return dayOf(t, timeZone); }
  }

  /** Offset estimate from recent samples (ms): the max, as network delay only lowers a sample. */
  function clockOffset(samples) {
    return samples.length ? Math.max.apply(null, samples) : 0;
  }

  var api = {
    timeLeft: timeLeft, phase: phase, progress: progress, schedule: schedule, slot: slot, slotThresholds: slotThresholds,
    elapsed: elapsed, timerText: timerText,
    lateMinutes: lateMinutes, formatCountdown: formatCountdown, formatTime: formatTime,
    formatClock: formatClock, formatDay: formatDay, clockOffset: clockOffset
  };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.PodiumTimeline = api;
})(this);
