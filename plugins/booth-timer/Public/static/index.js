/* Index: a link to every booth console of every room, and to the chief interpreter's view. */
(function () {
  'use strict';
  var P = window.Podium, T = window.PodiumTimeline, I = window.PodiumI18n, B = window.PodiumBooth;
  var $ = function (id) { return document.getElementById(id); };
  var state = null;

  P.connect({ kind: 'index', namePrefix: 'booth-index', room: null, onState: function (s) { state = s; build(); } });
  I.onChange(function () { build(); B.langSwitch($('lang-switch')); });
  P.loop(function (now) { P.setText($('clock'), T.formatClock(now, P.timeZone(state))); });
  B.langSwitch($('lang-switch'));
  build();

  function build() {
    $('chief-link').setAttribute('href', B.chiefUrl());
    if (!state) return;
    var conf = state.conference || {};
    var name = P.pick(conf.names, conf.name || 'Podium');
    P.setData($('conference-name'), name);
    document.title = name.text + ' — ' + I.t('boothTimer');
    P.fill($('rooms'), P.roomIds(state).map(function (id) {
      var st = state.rooms[id];
      var booths = ((st.room && st.room.booths) || []).slice().sort(function (a, b) { return a.channel - b.channel; });
      return P.el('section', { cls: 'room', attrs: { 'data-room': id } }, [
        P.el('h2', {}, [P.dataEl('span', P.roomName(st.room)), P.el('code', { dir: 'ltr', text: id })]),
        booths.length ? P.el('ul', {}, booths.map(function (b) {
          return P.el('li', {}, [P.el('a', { attrs: { href: B.boothUrl(id, b.id), 'data-booth': b.id } }, [
            P.dataEl('span', P.languageName(state, b.language)),
            P.el('bdi', { cls: 'channel', text: ' · ' + I.t('channel', { n: b.channel }) })
          ])]);
        })) : P.el('p', { cls: 'muted', text: I.t('noBooths') })
      ]);
    }));
  }
})();
