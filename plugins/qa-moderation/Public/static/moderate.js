/* Moderators' console of one room: every question by state, the actions on each, intake, what is on screen.
   Several moderators at once: everything shown comes from the live feed, so each sees the others' actions. */
(function () {
  'use strict';
  var P = window.Podium, I = window.PodiumI18n, Q = window.PodiumQA;
  var $ = function (id) { return document.getElementById(id); };
  var m = location.pathname.match(/^\/moderate\/([^/]+)/);
  var room = m ? decodeURIComponent(m[1]) : '';
  var api = '/api/rooms/' + encodeURIComponent(room) + '/moderation';
  var NAME_KEY = 'podium.qa.moderator';

  var board = {};              // room, session, intake, onScreen, nextUp, bannedDevices
  var questions = {};          // id → moderator question
  var gotFull = false;
  var cards = {};              // id → card parts
  var modes = {};              // id → 'edit' | 'tags' | 'merge' | 'ban' (an open inline editor)
  var sessionTitles = {};      // session id → {id, title, titles}
  var feed = null;

  // ---------- who is moderating ----------
  function moderator() {
    var n = P.store.get(NAME_KEY);
    return typeof n === 'string' ? n.trim() : '';
  }
  function askName() {
    P.setHidden($('name-panel'), false);
    $('name-input').value = moderator();
    $('name-input').focus();
  }
  $('name-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var n = $('name-input').value.trim();
    if (!n) { $('name-input').focus(); return; }
    P.store.set(NAME_KEY, n.slice(0, 40));
    P.setHidden($('name-panel'), true);
    showName();
  });
  $('change-name').addEventListener('click', askName);
  function showName() {
    var n = moderator();
    P.setText($('moderator-name'), n || '—');
    document.body.classList.toggle('no-name', !n);
  }

  // ---------- commands ----------
  function showResult(kind, text, code) {
    var out = $('result');
    out.className = 'result ' + kind;
    if (code) out.setAttribute('data-code', code); else out.removeAttribute('data-code');
    P.setText(out, text);
  }

  /** Sends a moderation command as this moderator; resolves true when the daemon took it. */
  function send(command, args) {
    var by = moderator();
    var what = I.t('cmd' + command);
    if (!by) {
      askName();
      showResult('error', I.t('error') + ' — ' + what + ': ' + I.t('nameNeeded'), 'no_name');
      return Promise.resolve(false);
    }
    var body = { command: command, args: Object.assign({}, args || {}, { by: by }) };
    showResult('pending', what + '…');
    return Q.postJSON(api, body).then(function (res) {
      if (res.ok) { showResult('ok', I.t('ok') + ' — ' + what); return true; }
      var e = res.error;
      var message = e.code === 'unauthorized' ? I.t('unauthorized') : (e.message || e.code);
      showResult('error', I.t('error') + ' — ' + what + ': ' + message + (e.field ? ' (' + e.field + ')' : ''), e.code);
      return false;
    });
  }

  document.querySelectorAll('button[data-intake]').forEach(function (b) {
    b.addEventListener('click', function () { send('setIntake', { intake: b.getAttribute('data-intake') }); });
  });
  $('hide-question').addEventListener('click', function () { send('hideQuestion', {}); });
  $('show-next').addEventListener('click', function () {
    if (board.nextUp) send('showQuestion', { question: board.nextUp });
  });
  $('clear-next').addEventListener('click', function () { send('setNextQuestion', { question: null }); });
  ['sort', 'filter-state', 'filter-tag'].forEach(function (id) {
    $(id).addEventListener('change', function () {
      P.store.set('podium.qa.' + id, $(id).value);
      render();
    });
  });
  ['sort', 'filter-state'].forEach(function (id) {
    var saved = P.store.get('podium.qa.' + id);
    if (typeof saved === 'string') {
      $(id).value = saved;
      if ($(id).value !== saved) $(id).selectedIndex = 0;
    }
  });

  // ---------- cards ----------
  var ACTIONS = {
    pending: ['approve', 'editApprove', 'dismiss', 'star', 'tags', 'merge', 'ban'],
    approved: ['show', 'setNext', 'answer', 'edit', 'star', 'tags', 'merge', 'dismiss', 'ban'],
    answered: ['restore', 'star', 'tags', 'merge'],
    dismissed: ['approve', 'ban'],
    merged: []
  };

  function column(q) {
    if (q.state === 'pending' || q.state === 'approved' || q.state === 'answered') return q.state;
    return 'dismissed';
  }

  function card(q) {
    var c = cards[q.id];
    if (c) return c;
    c = cards[q.id] = {
      star: P.el('span', { cls: 'star-mark', text: '★', attrs: { 'aria-hidden': 'true' } }),
      held: P.el('p', { cls: 'held-reason' }),
      badges: P.el('span', { cls: 'badges' }),
      votes: P.el('bdi', { cls: 'votes', dir: 'ltr' }),
      lang: P.el('span', { cls: 'lang-code', dir: 'ltr' }),
      age: P.el('bdi', { cls: 'age', dir: 'ltr' }),
      asker: P.el('span', { cls: 'asker', dir: 'auto' }),
      device: P.el('code', { cls: 'device', dir: 'ltr' }),
      text: P.el('p', { cls: 'question-text', dir: 'auto' }),
      tags: P.el('ul', { cls: 'tags' }),
      merged: P.el('p', { cls: 'merged-into' }),
      actions: P.el('div', { cls: 'actions' }),
      editor: P.el('div', { cls: 'editor' }),
      sig: null
    };
    c.li = P.el('li', { cls: 'card', attrs: { 'data-question': q.id } }, [
      P.el('div', { cls: 'card-head' }, [c.star, c.votes, c.lang, c.age, c.asker, c.device, c.badges]),
      c.held, c.text, c.tags, c.merged, c.actions, c.editor
    ]);
    c.actions.addEventListener('click', function (e) {
      var b = e.target.closest('button[data-action]');
      if (b) act(q.id, b.getAttribute('data-action'));
    });
    return c;
  }

  function updateCard(c, q) {
    var sig = JSON.stringify([q, board.onScreen === q.id, board.nextUp === q.id, I.lang(), mergedText(q)]);
    if (sig === c.sig) return;
    c.sig = sig;
    c.li.setAttribute('data-state', q.state);
    c.li.classList.toggle('is-held', !!q.held && q.state === 'pending');
    c.li.classList.toggle('starred', !!q.starred);
    c.li.classList.toggle('on-screen', board.onScreen === q.id);
    c.li.classList.toggle('next-up', board.nextUp === q.id);
    P.setHidden(c.star, !q.starred);
    c.star.setAttribute('title', I.t('starred'));
    P.setText(c.votes, '▲ ' + q.votes);
    P.setText(c.lang, (q.language || I.t('noLanguage')).toUpperCase());
    c.lang.setAttribute('title', I.t('language'));
    P.setText(c.asker, q.name || I.t('anonymous'));
    c.asker.classList.toggle('anonymous', !q.name);
    P.setText(c.device, String(q.device || '').slice(0, 8));
    c.device.setAttribute('title', I.t('device') + ' ' + (q.device || ''));
    P.setHidden(c.held, !q.held);
    P.setText(c.held, q.held ? I.t('held') + ' : ' + q.held : '');
    P.setText(c.text, q.text);
    c.text.lang = q.language || '';
    P.fill(c.badges, [
      board.onScreen === q.id ? P.el('span', { cls: 'badge on-screen-badge', text: I.t('onScreen') }) : null,
      board.nextUp === q.id ? P.el('span', { cls: 'badge next-badge', text: I.t('nextUp') }) : null,
      column(q) === 'dismissed' ? P.el('span', { cls: 'badge state-badge', text: I.t('state' + cap(q.state)) }) : null
    ]);
    P.fill(c.tags, (q.tags || []).map(function (t) { return P.el('li', { cls: 'tag', dir: 'auto', text: t }); }));
    P.setHidden(c.tags, !(q.tags || []).length);
    var into = mergedText(q);
    P.setHidden(c.merged, q.state !== 'merged');
    P.setText(c.merged, q.state === 'merged' ? I.t('mergedInto') + ' ' + Q.isolate(into) : '');

    updateActions(c, q);
    var mode = modes[q.id];
    if (mode && !modeFits(mode, q)) closeEditor(q.id);
    updateAge(c, q);
  }

  function mergedText(q) {
    if (q.state !== 'merged' || !q.mergedInto) return '';
    var t = questions[q.mergedInto];
    return t ? truncate(t.text, 80) : q.mergedInto;
  }

  /**
   * The card's buttons for its state, updated in place: a button a moderator is about to click stays
   * the same element while other moderators' actions change the card.
   */
  function updateActions(c, q) {
    c.buttons = c.buttons || {};
    var wanted = (ACTIONS[q.state] || []).filter(function (a) {
      return !(a === 'setNext' && board.nextUp === q.id) && !(a === 'show' && board.onScreen === q.id);
    });
    wanted.forEach(function (a, i) {
      var b = c.buttons[a];
      if (!b) {
        var cls = a === 'approve' || a === 'show' ? 'primary' : a === 'dismiss' || a === 'ban' ? 'danger' : '';
        b = c.buttons[a] = P.el('button', { cls: cls, attrs: { type: 'button', 'data-action': a } });
      }
      P.setText(b, I.t(a === 'star' && q.starred ? 'unstar' : a));
      if (c.actions.children[i] !== b) c.actions.insertBefore(b, c.actions.children[i] || null);
    });
    Object.keys(c.buttons).forEach(function (a) {
      if (wanted.indexOf(a) < 0) { c.buttons[a].remove(); delete c.buttons[a]; }
    });
  }

  function modeFits(mode, q) {
    var acts = ACTIONS[q.state] || [];
    if (mode === 'edit') return acts.indexOf('edit') >= 0 || acts.indexOf('editApprove') >= 0;
    return acts.indexOf(mode) >= 0;
  }

  function act(id, action) {
    var q = questions[id];
    if (!q) return;
    switch (action) {
      case 'approve': return send('approveQuestion', { question: id });
      case 'dismiss': return send('dismissQuestion', { question: id });
      case 'star': return send('starQuestion', { question: id, starred: !q.starred });
      case 'show': return send('showQuestion', { question: id });
      case 'setNext': return send('setNextQuestion', { question: id });
      case 'answer': return send('answerQuestion', { question: id });
      case 'restore': return send('restoreQuestion', { question: id });
      case 'edit': case 'editApprove': return openEditor(id, 'edit');
      case 'tags': return openEditor(id, 'tags');
      case 'merge': return openEditor(id, 'merge');
      case 'ban': return openEditor(id, 'ban');
    }
  }

  // ---------- inline editors (kept as they are while the card updates live) ----------
  function openEditor(id, mode) {
    var q = questions[id], c = cards[id];
    if (!q || !c) return;
    modes[id] = mode;
    c.li.classList.add('editing');
    c.editor.setAttribute('data-mode', mode);
    var parts = [];
    var cancel = P.el('button', { text: I.t('cancel'), attrs: { type: 'button', 'data-editor': 'cancel' } });
    cancel.addEventListener('click', function () { closeEditor(id); });
    var done = function (ok) { if (ok) closeEditor(id); };

    if (mode === 'edit') {
      var area = P.el('textarea', { cls: 'edit-text', dir: 'auto', lang: q.language || '', attrs: { rows: '4' } });
      area.value = q.text;
      var buttons = [];
      if (q.state === 'pending' || q.state === 'dismissed') {
        var approve = P.el('button', { cls: 'primary', text: I.t('saveApprove'), attrs: { type: 'button', 'data-editor': 'save-approve' } });
        approve.addEventListener('click', function () {
          send('approveQuestion', { question: id, text: area.value }).then(done);
        });
        buttons.push(approve);
      }
      var save = P.el('button', { text: I.t('save'), attrs: { type: 'button', 'data-editor': 'save' } });
      save.addEventListener('click', function () { send('editQuestion', { question: id, text: area.value }).then(done); });
      buttons.push(save, cancel);
      parts = [area, P.el('div', { cls: 'actions' }, buttons)];
      setTimeout(function () { area.focus(); }, 0);
    } else if (mode === 'tags') {
      var input = P.el('input', { cls: 'tags-input', dir: 'auto', attrs: { type: 'text', placeholder: I.t('tagsHint') } });
      input.value = (q.tags || []).join(', ');
      var saveTags = P.el('button', { cls: 'primary', text: I.t('save'), attrs: { type: 'button', 'data-editor': 'save-tags' } });
      var submitTags = function () {
        var tags = input.value.split(/[,،]/).map(function (t) { return t.trim(); }).filter(Boolean);
        send('tagQuestion', { question: id, tags: tags }).then(done);
      };
      saveTags.addEventListener('click', submitTags);
      input.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); submitTags(); } });
      parts = [P.el('label', { cls: 'field-label' }, [P.el('span', { text: I.t('tags') + ' (' + I.t('tagsHint') + ')' })]), input,
        P.el('div', { cls: 'actions' }, [saveTags, cancel])];
      setTimeout(function () { input.focus(); }, 0);
    } else if (mode === 'merge') {
      var select = P.el('select', { cls: 'merge-target', attrs: { 'aria-label': I.t('mergeTarget') } });
      var targets = Object.keys(questions).map(function (k) { return questions[k]; }).filter(function (t) {
        return t.id !== id && (t.state === 'pending' || t.state === 'approved' || t.state === 'answered');
      }).sort(byVotes);
      P.fill(select, targets.map(function (t) {
        return P.el('option', { dir: 'auto', text: '▲' + t.votes + ' · ' + truncate(t.text, 70), attrs: { value: t.id } });
      }));
      var merge = P.el('button', { cls: 'primary', text: I.t('mergeConfirm'), attrs: { type: 'button', 'data-editor': 'merge' } });
      merge.disabled = !targets.length;
      merge.addEventListener('click', function () {
        if (select.value) send('mergeQuestion', { question: id, into: select.value }).then(done);
      });
      parts = [P.el('label', { cls: 'field-label', text: I.t('mergeTarget') }), select, P.el('div', { cls: 'actions' }, [merge, cancel])];
    } else if (mode === 'ban') {
      var confirm = P.el('button', { cls: 'danger', text: I.t('banConfirm'), attrs: { type: 'button', 'data-editor': 'ban' } });
      confirm.addEventListener('click', function () { send('banDevice', { device: q.device }).then(done); });
      parts = [P.el('div', { cls: 'actions' }, [confirm, cancel])];
    }
    P.fill(c.editor, parts);
  }

  function closeEditor(id) {
    delete modes[id];
    var c = cards[id];
    if (!c) return;
    c.li.classList.remove('editing');
    c.editor.removeAttribute('data-mode');
    P.fill(c.editor, []);
  }

  // ---------- rendering ----------
  function cap(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
  function truncate(s, n) { s = String(s || ''); return s.length > n ? s.slice(0, n - 1) + '…' : s; }
  function time(q) { return Date.parse(q.submittedAt) || 0; }
  function byVotes(a, b) { return (b.votes - a.votes) || (time(a) - time(b)) || (a.id < b.id ? -1 : 1); }
  function byTime(a, b) { return (time(a) - time(b)) || (a.id < b.id ? -1 : 1); }
  function byLanguage(a, b) {
    var la = a.language || '~', lb = b.language || '~';
    return la < lb ? -1 : la > lb ? 1 : byVotes(a, b);
  }

  function render() {
    var sort = { votes: byVotes, time: byTime, language: byLanguage }[$('sort').value] || byVotes;
    var tag = $('filter-tag').value;
    var all = Object.keys(questions).map(function (id) { return questions[id]; });
    var groups = { pending: [], approved: [], answered: [], dismissed: [] };
    all.forEach(function (q) {
      if (tag && (q.tags || []).indexOf(tag) < 0) return;
      groups[column(q)].push(q);
    });
    Object.keys(groups).forEach(function (name) {
      var list = $('col-' + name), items = groups[name].sort(sort);
      items.forEach(function (q, i) {
        var c = card(q);
        updateCard(c, q);
        if (list.children[i] !== c.li) list.insertBefore(c.li, list.children[i] || null);
      });
      // Cards that left this column (another column takes them) or the filter.
      Array.prototype.slice.call(list.children, items.length).forEach(function (n) { n.remove(); });
      P.setText($('count-' + name), String(items.length));
    });
    Object.keys(cards).forEach(function (id) {
      if (!questions[id]) { cards[id].li.remove(); delete cards[id]; delete modes[id]; }
    });

    var state = $('filter-state').value;
    document.querySelectorAll('.column').forEach(function (col) {
      P.setHidden(col, !!state && col.getAttribute('data-column') !== state);
    });
    $('columns').classList.toggle('single', !!state);

    tagOptions(all);
    renderBoard();
  }

  var tagsKey = '';
  function tagOptions(all) {
    var seen = {};
    all.forEach(function (q) { (q.tags || []).forEach(function (t) { seen[t] = true; }); });
    var chosen = $('filter-tag').value;
    if (chosen) seen[chosen] = true;
    var tags = Object.keys(seen).sort();
    var key = I.lang() + JSON.stringify(tags);
    if (key === tagsKey) return;
    tagsKey = key;
    P.fill($('filter-tag'), [P.el('option', { text: I.t('allTags'), attrs: { value: '' } })].concat(tags.map(function (t) {
      return P.el('option', { dir: 'auto', text: t, attrs: { value: t } });
    })));
    $('filter-tag').value = chosen;
  }

  /** The room's name in the console's language, once the room list has it; its id until then. */
  var roomListing = null;
  Q.getJSON('/api/rooms').then(function (r) { return r.status === 200 ? r.body : []; })
    .then(function (list) {
      roomListing = (list || []).filter(function (r) { return r.id === room; })[0] || null;
      renderBoard();
    }, function () {});
  function roomName() {
    return roomListing ? P.pick(roomListing.names, roomListing.name || room) : { text: board.room || room, lang: '' };
  }

  function renderBoard() {
    var name = roomName();
    P.setData($('room-id'), name);
    $('room-id').setAttribute('data-room', room);
    var intake = board.intake || 'open';
    document.body.setAttribute('data-intake', intake);
    document.querySelectorAll('button[data-intake]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-intake') === intake));
    });
    P.setText($('banned-count'), board.bannedDevices ? I.t('bannedDevices', { n: board.bannedDevices }) : '');

    slot('on-screen', board.onScreen);
    slot('next-up', board.nextUp);
    $('hide-question').disabled = !board.onScreen;
    $('show-next').disabled = !board.nextUp;
    $('clear-next').disabled = !board.nextUp;

    var session = board.session ? sessionTitles[board.session] : null;
    if (board.session && !session) fetchSession();
    P.setData($('session-title'), session ? P.sessionTitle(session) : { text: board.session || I.t('noSessionShort'), lang: board.session ? '' : I.lang() });
    document.title = I.t('moderation') + ' — ' + name.text;
  }

  function slot(id, questionId) {
    var q = questionId ? questions[questionId] : null;
    var text = $(id + '-text');
    P.setHidden(text, !questionId);
    P.setHidden($(id + '-empty'), !!questionId);
    P.setText(text, q ? q.text : (questionId || ''));
    text.lang = q && q.language ? q.language : '';
    $(id).setAttribute('data-question', questionId || '');
  }

  /** The session's title, from the audience's API (the board names the session by id). */
  var fetching = null;
  function fetchSession() {
    var wanted = board.session;
    if (fetching === wanted) return;
    fetching = wanted;
    Q.getJSON('/api/rooms/' + encodeURIComponent(room) + '/questions').then(function (res) {
      fetching = null;
      var s = res.body && res.body.session;
      if (s && s.id) { sessionTitles[s.id] = s; renderBoard(); }
    }, function () { fetching = null; });
  }

  function updateAge(c, q) {
    var now = feed ? feed.now() : Date.now();
    P.setText(c.age, Q.age(q.submittedAt, now));
    c.age.setAttribute('title', q.submittedAt);
  }
  setInterval(function () {
    Object.keys(cards).forEach(function (id) { if (questions[id]) updateAge(cards[id], questions[id]); });
  }, 10000);

  // ---------- data ----------
  function applyQuestions(batch) {
    if (!batch) return;
    if (batch.full) { questions = {}; gotFull = true; }
    (batch.questions || []).forEach(function (q) { questions[q.id] = q; });
    (batch.removed || []).forEach(function (id) { delete questions[id]; });
  }

  Q.getJSON(api).then(function (res) {
    if (res.status === 401) { showResult('error', I.t('unauthorized'), 'unauthorized'); return; }
    if (res.status !== 200 || !res.body || gotFull) return;
    board = res.body.board || {};
    applyQuestions({ full: true, questions: res.body.questions || [] });
    gotFull = false;
    render();
  }, function () { /* the live feed will bring it */ });

  feed = Q.live('/live/moderator?room=' + encodeURIComponent(room), {
    board: function (b) { board = b || {}; render(); },
    questions: function (batch) { applyQuestions(batch); render(); }
  });

  I.onChange(render);
  Q.langSwitch($('lang-switch'));
  showName();
  if (!moderator()) askName();
  render();
})();
