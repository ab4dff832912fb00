/* Index: links to every screen of every room. */
(function () {
  'use strict';
  var P = window.Podium, T = window.PodiumTimeline, I = window.PodiumI18n;
  var $ = function (id) { return document.getElementById(id); };
  var state = null;

  // The index listens like a lobby (all rooms); its screen name starts with "index".
  P.connect({ kind: 'lobby', namePrefix: 'index', room: null, onState: function (s) { state = s; build(); } });
  I.onChange(function () { build(); langSwitch(); });
  P.loop(function (now) { P.setText($('clock'), T.formatClock(now, P.timeZone(state))); });
  langSwitch();

  function build() {
    $('lobby-link').setAttribute('href', P.screenUrl(null, 'lobby'));
    if (!state) return;
    var conf = state.conference || {};
    var name = P.pick(conf.names, conf.name || 'Podium');
    P.setData($('conference-name'), name);
    document.title = name.text;
    P.fill($('rooms'), P.roomIds(state).map(function (id) {
      var st = state.rooms[id];
      var links = ['door', 'monitor', 'control'].map(function (kind) {
        return P.el('a', { text: I.t(kind), attrs: { href: P.screenUrl(id, kind) } });
      });
      return P.el('tr', {}, [
        P.el('td', {}, [P.dataEl('span', P.roomName(st.room)), P.el('code', { dir: 'ltr', text: ' ' + id })]),
        P.el('td', {}, [st.current ? P.dataEl('span', P.sessionTitle(st.current.session)) : P.el('span', { cls: 'muted', text: I.t('noSession') })]),
        P.el('td', { cls: 'links' }, links)
      ]);
    }));
  }

  function langSwitch() {
    P.fill($('lang-switch'), ['ar', 'fr', 'en', 'rotate'].map(function (l) {
      var cls = l === I.param() ? 'active' : '';
      return P.el('a', { text: l === 'rotate' ? '↻' : l.toUpperCase(), cls: cls, attrs: { href: '?lang=' + l, title: l } });
    }));
  }
})();
