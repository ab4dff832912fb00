/* Q&A pages' shared plumbing: the live feed (server-sent events), JSON posts, the language switch. */
(function (root) {
  'use strict';
  var P = root.Podium, I = root.PodiumI18n;

  /**
   * Listens to `url` (an event stream): handlers[name](data) for each event.
   * Reconnects by itself; a stream whose clock stays silent is opened again.
   * Returns {isReconnecting(), now()}: now() is the daemon's clock.
   */
  function live(url, handlers) {
    var es = null, retry = null, errored = false, lastClock = Date.now(), offset = 0;
    function open() {
      retry = null;
      es = new EventSource(url);
      es.onopen = function () { errored = false; };
      es.onerror = function () {
        errored = true;
        if (es.readyState === EventSource.CLOSED && !retry) retry = setTimeout(open, 3000);
      };
      Object.keys(handlers).forEach(function (name) {
        es.addEventListener(name, function (e) {
          var data = parse(e.data);
          if (name === 'clock' && data) {
            var t = Date.parse(data.daemonNow);
            if (!isNaN(t)) offset = t - Date.now();
            lastClock = Date.now();
            errored = false;
          }
          handlers[name](data);
        });
      });
    }
    if (!handlers.clock) handlers.clock = function () {};
    setInterval(function () {
      if (es && !retry && Date.now() - lastClock > 15000) {
        es.close(); errored = true; lastClock = Date.now(); open();
      }
    }, 5000);
    window.addEventListener('pagehide', function () { if (es) es.close(); clearTimeout(retry); retry = null; });
    window.addEventListener('pageshow', function (e) { if (e.persisted) open(); });
    open();
    var feed = {
      isReconnecting: function () { return errored || Date.now() - lastClock > 7000; },
      now: function () { return Date.now() + offset; }
    };
    // The "reconnecting" mark of the page, if it has one.
    setInterval(function () {
      var mark = document.getElementById('reconnecting');
      if (!mark) return;
      P.setText(mark, I.t('reconnecting'));
      P.setHidden(mark, !feed.isReconnecting());
    }, 500);
    return feed;
  }

  function parse(s) { try { return JSON.parse(s); } catch (e) { return null; } }

  /** The ar/fr/en links of a page, keeping its other query parameters. */
  function langSwitch(node) {
    if (!node) return;
    P.fill(node, ['ar', 'fr', 'en'].map(function (l) {
      var q = new URLSearchParams(location.search);
      q.set('lang', l);
      return P.el('a', { text: l.toUpperCase(), cls: l === I.lang() ? 'active' : '',
        attrs: { href: '?' + q.toString(), lang: l, hreflang: l } });
    }));
  }

  /** "3 min", "45 s", "2 h" since `iso` at `now` (Western digits; the unit is short and language-neutral). */
  function age(iso, now) {
    var t = Date.parse(iso);
    if (isNaN(t)) return '';
    var s = Math.max(0, Math.round((now - t) / 1000));
    if (s < 60) return s + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min';
    return Math.floor(s / 3600) + ' h ' + (Math.floor(s / 60) % 60) + ' min';
  }

  /** "\u2068text\u2069": a piece of data that keeps its own direction inside a label. */
  function isolate(text) { return '\u2068' + text + '\u2069'; }

  root.PodiumQA = { live: live, getJSON: P.getJSON, postJSON: P.postJSON, langSwitch: langSwitch, age: age, isolate: isolate };
})(this);
