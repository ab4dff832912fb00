/* Podium live plumbing shared by every screen: SSE, daemon clock, last known state, DOM helpers. */
(function (root) {
  'use strict';
  var T = root.PodiumTimeline, I = root.PodiumI18n;
  var params = new URLSearchParams(location.search);
  var store = {
    get: function (k) { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* full or disabled */ } }
  };

  // ---- daemon clock ----
  var samples = [];
  var offset = store.get('podium.clockOffset') || 0;
  var lastClock = Date.now();
  var errored = false;
  var lastState = null;

  function now() { return Date.now() + offset; }

  function onClock(data) {
    var t = Date.parse(data.daemonNow);
    if (isNaN(t)) return;
    samples.push(t - Date.now());
    if (samples.length > 5) samples.shift();
    offset = T.clockOffset(samples);
    lastClock = Date.now();
    errored = false;
    store.set('podium.clockOffset', offset);
  }

  function isReconnecting() {
    return errored || Date.now() - lastClock > 5000 || !!(lastState && lastState.connected === false);
  }

  // ---- identity ----
  function roomId() {
    var m = location.pathname.match(/^\/rooms\/([^/]+)/);
    return m ? decodeURIComponent(m[1]) : null;
  }

  function screenName(kind, room) {
    var name = params.get('name');
    if (name) return name;
    var key = 'podium.screenName.' + kind + (room ? '.' + room : '');
    name = store.get(key);
    if (!name) {
      name = kind + (room ? '-' + room : '') + '-' + Math.random().toString(36).slice(2, 7);
      store.set(key, name);
    }
    return name;
  }

  function flashIdentify(name) {
    var old = document.getElementById('identify');
    if (old) old.remove();
    var box = el('div', { id: 'identify', dir: 'auto', text: name });
    document.body.appendChild(box);
    setTimeout(function () { box.remove(); }, 5000);
  }

  // ---- SSE ----
  /** opts: {kind, room, onState(state)}; renders the cached state first. */
  function connect(opts) {
    var cacheKey = 'podium.state.' + (opts.room ? 'room.' + opts.room : 'all');
    var name = screenName(opts.kind, opts.room);
    var cached = store.get(cacheKey);
    if (cached) { lastState = cached; opts.onState(cached); }

    var url = '/live?' + (opts.room ? 'room=' + encodeURIComponent(opts.room) + '&' : '') +
      'screen=' + encodeURIComponent(name) + '&kind=' + encodeURIComponent(opts.kind);
    var es = null, retry = null;

    function open() {
      retry = null;
      es = new EventSource(url);
      es.onopen = function () { errored = false; };
      es.onerror = function () {
        errored = true;
        if (es.readyState === EventSource.CLOSED && !retry) retry = setTimeout(open, 3000);
      };
      es.addEventListener('state', function (e) {
        var s = parse(e.data);
        if (!s) return;
        lastState = s;
        store.set(cacheKey, s);
        opts.onState(s);
      });
      es.addEventListener('clock', function (e) { var c = parse(e.data); if (c) onClock(c); });
      es.addEventListener('identify', function (e) {
        var d = parse(e.data);
        if (d && d.screen === name) flashIdentify(name);
      });
    }
    // A half-open connection never errors: start over when the clock stays silent.
    setInterval(function () {
      if (es && !retry && Date.now() - lastClock > 15000) {
        es.close(); lastClock = Date.now() - 5001; errored = true; open();
      }
    }, 5000);
    open();
    return name;
  }

  function parse(s) { try { return JSON.parse(s); } catch (e) { return null; } }

  /** Calls fn(now) every 200 ms; keeps the language rotation and the reconnecting mark up to date. */
  function loop(fn) {
    function step() {
      var t = now();
      I.tick(t);
      var mark = document.getElementById('reconnecting');
      if (mark) {
        setText(mark, I.t('reconnecting'));
        setHidden(mark, !isReconnecting());
      }
      fn(t);
    }
    step();
    return setInterval(step, 200);
  }

  // ---- DOM helpers (data only ever goes through textContent) ----
  /** el('div', {id, cls, text, lang, dir, attrs:{}}, [children]) */
  function el(tag, o, children) {
    var n = document.createElement(tag);
    o = o || {};
    if (o.id) n.id = o.id;
    if (o.cls) n.className = o.cls;
    if (o.dir) n.dir = o.dir;
    if (o.lang != null) n.lang = o.lang;
    if (o.text != null) n.textContent = o.text;
    if (o.attrs) Object.keys(o.attrs).forEach(function (k) { n.setAttribute(k, o.attrs[k]); });
    (children || []).forEach(function (c) { if (c) n.appendChild(c); });
    return n;
  }

  /** A text from the schedule: dir=auto and its own language when known. */
  function dataEl(tag, picked, cls) {
    return el(tag, { cls: cls, dir: 'auto', lang: picked.lang || '', text: picked.text });
  }

  function setText(node, text) {
    if (node && node.textContent !== text) node.textContent = text;
  }

  function setHidden(node, hidden) {
    if (node && node.hidden !== !!hidden) node.hidden = !!hidden;
  }

  /** Empties `node` and fills it with `children`. */
  function fill(node, children) {
    if (!node) return;
    node.replaceChildren.apply(node, (children || []).filter(Boolean));
  }

  /** Puts one schedule text into an existing element (dir=auto, its own lang). */
  function setData(node, picked) {
    if (!node) return;
    node.dir = 'auto';
    node.lang = picked.lang || '';
    setText(node, picked.text);
  }

  var ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
  var LATIN = /[A-Za-z\u00C0-\u024F]/;

  /** Chooses map[lang] || fallback; returns {text, lang} with the text's language when it can tell. */
  function pick(map, fallback, lang) {
    map = map || {};
    lang = lang || I.lang();
    if (map[lang]) return { text: map[lang], lang: lang };
    var text = fallback != null ? String(fallback) : '';
    var known = Object.keys(map).filter(function (k) { return map[k] === text; })[0];
    return { text: text, lang: known || guessLang(text) };
  }

  function guessLang(text) {
    return ARABIC.test(text) && !LATIN.test(text) ? 'ar' : '';
  }

  function roomName(room, lang) { return pick(room.names, room.name, lang); }
  function sessionTitle(session, lang) { return pick(session.titles, session.title, lang); }

  /** A language's own name ("العربية") from the conference, else the browser's name for it. */
  function languageName(state, code) {
    var langs = (state && state.conference && state.conference.languages) || [];
    for (var i = 0; i < langs.length; i++) if (langs[i].code === code) return { text: langs[i].name, lang: code };
    try { return { text: new Intl.DisplayNames([code], { type: 'language' }).of(code), lang: code }; }
    catch (e) { return { text: code, lang: '' }; }
  }

  function timeZone(state) { return state && state.conference && state.conference.timeZone; }

  /** HH:MM in the conference zone, isolated left-to-right. */
  function timeEl(t, state, cls) {
    return el('bdi', { cls: cls, dir: 'ltr', text: T.formatTime(t, timeZone(state)) });
  }

  /** Link to another screen, keeping ?lang. */
  function screenUrl(room, kind) {
    var q = '?lang=' + encodeURIComponent(I.param());
    if (kind === 'lobby') return '/lobby' + q;
    return '/rooms/' + encodeURIComponent(room) + '/' + kind + q;
  }

  /** Unknown room: hides #screen and fills #unknown-room with links to the known rooms. Returns true if unknown. */
  function showUnknownRoom(room, state, kind) {
    var known = Object.keys((state && state.rooms) || {});
    var unknown = known.indexOf(room) < 0;
    setHidden(document.getElementById('screen'), unknown);
    var box = document.getElementById('unknown-room');
    setHidden(box, !unknown);
    if (!unknown || !box) return unknown;
    var list = el('ul', {}, known.map(function (id) {
      var a = el('a', { attrs: { href: screenUrl(id, kind) } }, [dataEl('span', roomName(state.rooms[id].room))]);
      return el('li', {}, [a]);
    }));
    fill(box, [
      el('h1', { dir: 'auto', text: I.t('unknownRoom', { n: room || '' }) }),
      known.length ? el('p', { text: I.t('knownRooms') }) : null,
      list
    ]);
    document.title = I.t('unknownRoom', { n: room || '' });
    return true;
  }

  /** body.phase-normal|warning|danger|overtime (none when null). */
  function setPhase(phase) {
    ['normal', 'warning', 'danger', 'overtime'].forEach(function (p) {
      document.body.classList.toggle('phase-' + p, p === phase);
    });
  }

  /** Fills every [data-label] element with its label in the screen's language. */
  function applyLabels() {
    document.querySelectorAll('[data-label]').forEach(function (n) {
      setText(n, I.t(n.getAttribute('data-label')));
    });
  }
  I.onChange(applyLabels);
  applyLabels();

  root.Podium = {
    now: now, connect: connect, loop: loop, roomId: roomId, params: params,
    isReconnecting: isReconnecting, el: el, dataEl: dataEl, setText: setText, setHidden: setHidden,
    fill: fill, setData: setData, pick: pick, roomName: roomName, sessionTitle: sessionTitle,
    languageName: languageName, timeZone: timeZone, timeEl: timeEl, screenUrl: screenUrl,
    showUnknownRoom: showUnknownRoom, setPhase: setPhase, applyLabels: applyLabels, store: store
  };
})(this);
