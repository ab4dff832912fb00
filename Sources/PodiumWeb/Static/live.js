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

  function now() { return shared ? shared.now() : Date.now() + offset; }

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
    if (shared) return shared.isReconnecting();
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
  var shared = null;      // the parent page's Podium when this page is a preview inside it
  var subscribers = [];   // previews fed by this page's connection
  var liveRoom;           // what this page's connection covers (room id, or null for all rooms)

  /** A same-origin parent (the control page) already listening to this room. */
  function parentLive(room) {
    try {
      var p = window.parent;
      if (p !== window && p.Podium && p.Podium.covers(room)) return p.Podium;
    } catch (e) { /* another origin */ }
    return null;
  }

  /**
   * opts: {kind, room, onState(state), namePrefix?}. Renders the cached state first.
   * Inside the control page, previews share its connection: browsers allow only 6 HTTP/1.1
   * connections per host, and 3 event streams per control page would soon starve the commands.
   */
  function connect(opts) {
    var name = screenName(opts.namePrefix || opts.kind, opts.room);
    var onState = function (s) { lastState = s; opts.onState(s); };
    shared = parentLive(opts.room);
    if (shared) {
      shared.subscribe(onState);
      window.addEventListener('pagehide', function () { shared.unsubscribe(onState); });
      return name;
    }
    liveRoom = opts.room || null;
    var cacheKey = 'podium.state.' + (opts.room ? 'room.' + opts.room : 'all');
    var cached = store.get(cacheKey);
    if (cached) publish(cached);

    function publish(s) {
      onState(s);
      subscribers.slice().forEach(function (fn) { try { fn(s); } catch (e) { unsubscribe(fn); } });
    }

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
        var s = keepKnown(parse(e.data));
        if (!s) return;
        store.set(cacheKey, s);
        publish(s);
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
    // Give the connection back when the page goes away (or into the back/forward cache).
    window.addEventListener('pagehide', function () { if (es) es.close(); clearTimeout(retry); retry = null; });
    window.addEventListener('pageshow', function (e) { if (e.persisted) open(); });
    open();
    return name;
  }

  /** Without the daemon the plugin may know less than we do: keep the rooms we last saw. */
  function keepKnown(s) {
    if (!s || s.connected !== false || !lastState) return s;
    var merged = {};
    Object.keys(lastState).forEach(function (k) { merged[k] = lastState[k]; });
    Object.keys(s).forEach(function (k) { merged[k] = s[k]; });
    merged.conference = s.conference || lastState.conference;
    merged.rooms = {};
    [lastState.rooms || {}, s.rooms || {}].forEach(function (r) {
      Object.keys(r).forEach(function (id) { merged.rooms[id] = r[id]; });
    });
    return merged;
  }

  function subscribe(fn) { subscribers.push(fn); if (lastState) fn(lastState); }
  function unsubscribe(fn) { subscribers = subscribers.filter(function (f) { return f !== fn; }); }
  function covers(room) { return liveRoom !== undefined && (liveRoom === null || liveRoom === room); }

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

  /**
   * Fits a box's content in steps rather than cutting a line through: the classes `fit-1` … `fit-n`
   * added one at a time (the page's CSS says what each gives up) until nothing overflows.
   */
  function fitBox(box, steps) {
    for (var i = 1; i <= steps; i++) box.classList.remove('fit-' + i);
    for (var n = 1; n <= steps && overflows(box); n++) box.classList.add('fit-' + n);
  }

  /**
   * Whether a box's shown children reach past its content box (into its padding, or out of it),
   * by their boxes: scrollHeight also counts the overflow of a fallback font's line, which cuts nothing.
   */
  function overflows(box) {
    var style = getComputedStyle(box), rect = box.getBoundingClientRect();
    var bottom = rect.bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth);
    var left = rect.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    var right = rect.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    for (var child = box.firstElementChild; child; child = child.nextElementSibling) {
      if (child.hidden) continue;
      var r = child.getBoundingClientRect();
      if (r.bottom > bottom + 1 || r.left < left - 1 || r.right > right + 1) return true;
    }
    return false;
  }

  /**
   * Keeps a list inside its box rather than cutting a line through: items hidden from the end
   * (the `current` one last), and an "and N more" item in their place, until nothing overflows.
   * `tighten`, if given, is tried first (e.g. a smaller style); it gets the list and whether to tighten.
   * Call it after filling the list; it is called again when the screen is resized.
   */
  function fitList(list, tighten) {
    if (tighten) tighten(list, false);
    var items = [].slice.call(list.children).filter(function (c) { return !c.classList.contains('more'); });
    items.forEach(function (item) { item.hidden = false; });
    var more = list.querySelector('li.more');
    if (more) list.removeChild(more);
    if (!list.__fitted) {  // once per list; the handlers take the latest `tighten`
      list.__fitted = true;
      addEventListener('resize', function () { fitList(list, list.__tighten); });
      if (document.fonts) document.fonts.ready.then(function () { fitList(list, list.__tighten); });
    }
    list.__tighten = tighten;
    if (tighten && overflows(list)) tighten(list, true);
    // The current item (else the first) always has its room: the list is never squeezed below it.
    var keep = items.filter(function (i) { return i.classList.contains('current'); })[0] || items[0];
    list.style.minBlockSize = '';
    if (keep) list.style.minBlockSize = keep.getBoundingClientRect().height + 'px';
    if (!overflows(list)) return;
    more = el('li', { cls: 'more' });
    list.appendChild(more);
    var order = items.filter(function (i) { return !i.classList.contains('current'); }).reverse()
      .concat(items.filter(function (i) { return i.classList.contains('current'); }));
    for (var n = 0; n < order.length && overflows(list); n++) {
      order[n].hidden = true;
      more.textContent = I.t('andMore', { n: n + 1 });
    }
    if (overflows(list)) more.hidden = true;
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

  /**
   * A language's name in the screen's language (`lang`, else the page's): "Arabe" on a French
   * screen, "العربية" on an Arabic one, from the browser's locale data (Intl.DisplayNames); the
   * conference's own name for it when the browser has none.
   */
  function languageName(state, code, lang) {
    lang = lang || I.lang();
    try {
      var name = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }).of(code);
      if (name) return { text: name.charAt(0).toLocaleUpperCase(lang) + name.slice(1), lang: lang };
    } catch (e) { /* an unknown code or locale: the conference's name below */ }
    return conferenceLanguageName(state, code) || { text: code, lang: '' };
  }

  /** The conference's name for a language (its own name, as the conference file gives it), or null. */
  function conferenceLanguageName(state, code) {
    var langs = (state && state.conference && state.conference.languages) || [];
    for (var i = 0; i < langs.length; i++) if (langs[i].code === code) return { text: langs[i].name, lang: code };
    return null;
  }

  /**
   * A language's name in itself ("العربية", "Français"): what a channel list shows, as listeners
   * look for their own language. The conference's name for it, else the browser's.
   */
  function endonym(state, code) {
    return conferenceLanguageName(state, code) || languageName(state, code, code);
  }

  /** The ids of the rooms the state has, in the conference's display order. */
  function roomIds(state) {
    var rooms = (state && state.rooms) || {};
    var conf = (state && state.conference && state.conference.rooms) || [];
    var ids = conf.map(function (r) { return r.id; }).filter(function (id) { return rooms[id]; });
    Object.keys(rooms).forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
    return ids;
  }

  /** The zone to format times in: the daemon machine's offset when sent, as browsers' zone data may disagree. */
  function timeZone(state) {
    var conference = state && state.conference;
    return conference && (conference.utcOffset || conference.timeZone);
  }

  /** Link to another screen, keeping ?lang. */
  function screenUrl(room, kind) {
    var q = '?lang=' + encodeURIComponent(I.param());
    if (kind === 'lobby') return '/lobby' + q;
    return '/rooms/' + encodeURIComponent(room) + '/' + kind + q;
  }

  /** Unknown room: hides #screen and fills #unknown-room with links to the known rooms. Returns true if unknown. */
  function showUnknownRoom(room, state, kind) {
    var rooms = (state && state.rooms) || {};
    var unknown = !rooms[room];
    setHidden(document.getElementById('screen'), unknown);
    var box = document.getElementById('unknown-room');
    setHidden(box, !unknown);
    if (!unknown || !box) return unknown;
    // The conference's room list (sent with an unknown room), else the rooms we have a status for.
    var known = (state.conference && state.conference.rooms) ||
      Object.keys(rooms).map(function (id) { return rooms[id].room; });
    var list = el('ul', {}, known.map(function (r) {
      var a = el('a', { attrs: { href: screenUrl(r.id, kind) } }, [dataEl('span', roomName(r))]);
      return el('li', {}, [a]);
    }));
    var isolated = '\u2068' + (room || '') + '\u2069'; // FSI…PDI: the id keeps its own direction
    fill(box, [
      el('h1', { text: I.t('unknownRoom', { n: isolated }) }),
      known.length ? el('p', { text: I.t('knownRooms') }) : null,
      list
    ]);
    document.title = I.t('unknownRoom', { n: isolated });
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

  // ---------- requests: the one helper every page's API calls go through ----------
  /** GET url as JSON: resolves {status, body} (body null when not JSON); rejects on a network failure. */
  function getJSON(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (body) { return { status: r.status, body: body }; });
    });
  }

  /**
   * POSTs body (an object, or nothing: {}) as JSON. Resolves {ok, status, body, error}: error is the
   * server's {code, message, field}, or {code: 'network'} when the request never got an answer.
   */
  function postJSON(url, body) {
    // Always JSON, even with nothing to say: the API takes changes as application/json only.
    var init = { method: 'POST', credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body === undefined ? {} : body) };
    return fetch(url, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (res) {
        res = res || {};
        var ok = r.ok && res.ok !== false;
        return { ok: ok, status: r.status, body: res,
          error: ok ? null : (res.error || { code: 'http_' + r.status, message: 'HTTP ' + r.status }) };
      });
    }, function () {
      return { ok: false, status: 0, body: null, error: { code: 'network', message: I.t('networkError') } };
    });
  }

  root.Podium = {
    now: now, fitList: fitList, fitBox: fitBox, connect: connect, loop: loop, isReconnecting: isReconnecting, roomId: roomId, params: params, store: store,
    subscribe: subscribe, unsubscribe: unsubscribe, covers: covers,
    el: el, dataEl: dataEl, setText: setText, setHidden: setHidden, fill: fill, setData: setData,
    pick: pick, roomName: roomName, sessionTitle: sessionTitle, languageName: languageName, endonym: endonym, timeZone: timeZone, roomIds: roomIds, screenUrl: screenUrl,
    showUnknownRoom: showUnknownRoom, setPhase: setPhase, applyLabels: applyLabels, getJSON: getJSON, postJSON: postJSON
  };
})(this);
