/* Index: the conference's rooms, each linking to its audience page (moderator links stay private). */
(function () {
  'use strict';
  var P = window.Podium, I = window.PodiumI18n, Q = window.PodiumQA;
  var $ = function (id) { return document.getElementById(id); };
  /** The rooms as [{id, name, names}], from the server's room list. */
  function loadRooms() {
    return window.Podium.getJSON('/api/rooms').then(function (r) {
      if (r.status !== 200) throw new Error('HTTP ' + r.status);
      return r.body;
    });
  }

  var rooms = null;
  function build() {
    if (!rooms) return;
    P.fill($('rooms'), rooms.map(function (r) {
      var href = '/rooms/' + encodeURIComponent(r.id) + '/ask?lang=' + encodeURIComponent(I.lang());
      var link = P.el('a', { attrs: { href: href, 'data-room': r.id } }, [P.dataEl('span', P.pick(r.names, r.name || r.id), 'room-name')]);
      return P.el('li', {}, [link, P.el('code', { dir: 'ltr', text: r.id })]);
    }));
    if (!rooms.length) P.fill($('rooms'), [P.el('li', { cls: 'muted', text: I.t('noneHere') })]);
  }

  loadRooms().then(function (list) { rooms = list || []; build(); },
    function () { P.fill($('rooms'), [P.el('li', { cls: 'muted', text: I.t('networkError') })]); });
  Q.langSwitch($('lang-switch'));
  document.title = I.t('qaTitle');
})();
