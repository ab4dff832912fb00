/* Audience page of one room: ask a question, vote for the approved ones, see the answered ones. Phone first. */
(function () {
  'use strict';
  var P = window.Podium, I = window.PodiumI18n, Q = window.PodiumQA;
  var $ = function (id) { return document.getElementById(id); };
  var room = P.roomId();
  var LIMIT = 500;                      // the daemon's default maximum length (characters)
  var api = '/api/rooms/' + encodeURIComponent(room) + '/questions';
  var votedKey = 'podium.qa.voted.' + room;

  var board = { intake: 'open', onScreen: null, session: null };
  var questions = {};                   // id → audience question
  var voted = {};                       // id → true: this device voted (the server's word or this browser's memory)
  (P.store.get(votedKey) || []).forEach(function (id) { voted[id] = true; });
  var gotFull = false;                  // the live feed's full view wins over the first API answer
  var rows = {};                        // id → {li, text, name, badge, button, count}

  // ---------- the form ----------
  var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  function length(text) {
    text = text.trim();
    if (!segmenter) return Array.from(text).length;
    var n = 0;
    for (var it = segmenter.segment(text)[Symbol.iterator](), s = it.next(); !s.done; s = it.next()) n++;
    return n;
  }

  function counter() {
    var n = length($('question-text').value);
    P.setText($('char-count'), n + ' / ' + LIMIT);
    $('char-count').parentNode.classList.toggle('over', n > LIMIT);
  }
  $('question-text').addEventListener('input', counter);

  var savedName = P.store.get('podium.qa.name');
  if (typeof savedName === 'string') $('asker-name').value = savedName;

  function showResult(node, kind, text, code) {
    node.className = 'result ' + kind;
    if (code) node.setAttribute('data-code', code); else node.removeAttribute('data-code');
    P.setText(node, text);
  }

  var HEADLINE = { rate_limited: 'rateLimited', not_allowed_in_state: 'notAllowed', daemon_unreachable: 'daemonUnreachable' };

  /** The refusal in the page's language, with the server's own explanation. */
  function refusal(error, fallbackLabel) {
    if (error.code === 'network') return I.t('networkError');
    var head = I.t(HEADLINE[error.code] || fallbackLabel);
    return error.message ? head + ' — ' + error.message : head;
  }

  var sending = false;
  $('ask-form').addEventListener('submit', function (e) {
    e.preventDefault();
    if (sending) return;
    var text = $('question-text').value;
    var name = $('asker-name').value.trim();
    var body = { text: text, language: $('question-language').value };
    if (name) body.name = name;
    P.store.set('podium.qa.name', name);
    sending = true;
    $('submit-question').disabled = true;
    showResult($('ask-result'), 'pending', I.t('sending'));
    Q.postJSON(api, body).then(function (res) {
      sending = false;
      $('submit-question').disabled = false;
      if (res.ok) {
        $('question-text').value = '';
        counter();
        showResult($('ask-result'), 'ok', I.t('sent'));
        return;
      }
      showResult($('ask-result'), 'error', refusal(res.error, 'refused'), res.error.code);
    });
  });

  // ---------- votes ----------
  function vote(id, button) {
    if (voted[id]) return;
    button.disabled = true;
    button.classList.add('sending');
    Q.postJSON(api + '/' + encodeURIComponent(id) + '/vote').then(function (res) {
      button.classList.remove('sending');
      if (res.ok) {
        voted[id] = true;
        P.store.set(votedKey, Object.keys(voted));
        P.setText($('vote-result'), '');
        $('vote-result').className = 'result';
      } else {
        showResult($('vote-result'), 'error', refusal(res.error, 'voteRefused'), res.error.code);
      }
      render();
    });
  }

  // ---------- rendering ----------
  function byVotes(a, b) {
    return (b.votes - a.votes) || (Date.parse(a.submittedAt) - Date.parse(b.submittedAt)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  function row(q) {
    var r = rows[q.id];
    if (r) return r;
    r = rows[q.id] = {
      badge: P.el('span', { cls: 'on-screen-badge', text: '' }),
      text: P.el('p', { cls: 'question-text', dir: 'auto' }),
      name: P.el('span', { cls: 'question-name', dir: 'auto' }),
      count: P.el('bdi', { cls: 'vote-count', dir: 'ltr' }),
      label: P.el('span', { cls: 'vote-label' }),
      button: P.el('button', { cls: 'vote', attrs: { type: 'button', 'data-question': q.id } })
    };
    r.button.appendChild(P.el('span', { cls: 'vote-arrow', text: '▲', attrs: { 'aria-hidden': 'true' } }));
    r.button.appendChild(r.count);
    r.button.appendChild(r.label);
    r.button.addEventListener('click', function () { vote(q.id, r.button); });
    r.votesText = P.el('span', { cls: 'votes-text' });
    r.li = P.el('li', { cls: 'question', attrs: { 'data-question': q.id } }, [
      P.el('div', { cls: 'q-body' }, [r.badge, r.text, P.el('p', { cls: 'question-meta' }, [r.name, r.votesText])]),
      r.button
    ]);
    return r;
  }

  function update(r, q) {
    var onScreen = board.onScreen === q.id && q.state === 'approved';
    r.li.classList.toggle('on-screen', onScreen);
    r.li.setAttribute('data-state', q.state);
    r.li.setAttribute('data-votes', String(q.votes));
    P.setHidden(r.badge, !onScreen);
    P.setText(r.badge, I.t('onScreen'));
    P.setText(r.text, q.text);
    r.text.lang = q.language || '';
    P.setText(r.name, q.name || I.t('anonymous'));
    r.name.lang = q.name ? '' : I.lang();
    r.name.classList.toggle('anonymous', !q.name);
    P.setText(r.count, String(q.votes));
    var answered = q.state === 'answered';
    P.setHidden(r.button, answered);
    P.setHidden(r.votesText, !answered);
    P.setText(r.votesText, q.votes === 1 ? I.t('oneVote') : I.t('votes', { n: q.votes }));
    var mine = !!voted[q.id];
    if (!r.button.classList.contains('sending')) r.button.disabled = mine;
    r.button.classList.toggle('voted', mine);
    r.button.setAttribute('aria-pressed', String(mine));
    r.button.setAttribute('title', I.t(mine ? 'voted' : 'voteFor'));
    P.setText(r.label, I.t(mine ? 'voted' : 'vote'));
  }

  /** Puts `items` in `list` in order, moving only the rows that are out of place. */
  function place(list, items) {
    items.forEach(function (q, i) {
      var r = row(q);
      update(r, q);
      if (list.children[i] !== r.li) list.insertBefore(r.li, list.children[i] || null);
    });
    while (list.children.length > items.length) list.lastElementChild.remove();
  }

  function render() {
    var all = Object.keys(questions).map(function (id) { return questions[id]; });
    var approved = all.filter(function (q) { return q.state === 'approved'; }).sort(byVotes);
    var answered = all.filter(function (q) { return q.state === 'answered'; }).sort(byVotes);
    // A row moving between the lists leaves the old one first.
    approved.concat(answered).forEach(function (q) {
      var r = rows[q.id], target = q.state === 'approved' ? $('questions') : $('answered');
      if (r && r.li.parentNode && r.li.parentNode !== target) r.li.remove();
    });
    place($('questions'), approved);
    place($('answered'), answered);
    Object.keys(rows).forEach(function (id) {
      if (!questions[id]) { rows[id].li.remove(); delete rows[id]; }
    });
    P.setHidden($('no-questions'), approved.length > 0);
    P.setHidden($('no-answered'), answered.length > 0);

    var session = board.session;
    if (session) P.setData($('session-title'), P.sessionTitle(session));
    else P.setData($('session-title'), { text: I.t('noSession'), lang: I.lang() });
    document.title = I.t('qaTitle') + (session ? ' — ' + P.sessionTitle(session).text : '');

    var intake = board.intake || 'open';
    document.body.setAttribute('data-intake', intake);
    P.setHidden($('ask-form'), intake !== 'open');
    P.setHidden($('intake-message'), intake === 'open');
    P.setText($('intake-message'), intake === 'paused' ? I.t('intakePaused') : intake === 'closed' ? I.t('intakeClosed') : '');
    counter();
  }

  // ---------- data ----------
  function applyBoard(b) {
    if (!b) return;
    board = { intake: b.intake || 'open', onScreen: b.onScreen || null, session: b.session || null };
  }

  function applyQuestions(batch) {
    if (!batch) return;
    if (batch.full) { questions = {}; gotFull = true; }
    (batch.questions || []).forEach(function (q) { questions[q.id] = q; });
    (batch.removed || []).forEach(function (id) { delete questions[id]; });
  }

  Q.getJSON(api).then(function (res) {
    var a = res.body;
    if (res.status !== 200 || !a) return;
    (a.questions || []).forEach(function (q) { if (q.voted) voted[q.id] = true; });
    P.store.set(votedKey, Object.keys(voted));
    if (!gotFull) {
      applyBoard(a);
      applyQuestions({ full: true, questions: a.questions || [], removed: [] });
      gotFull = false;
    }
    render();
  }, function () { /* the live feed will bring it */ });

  Q.live('/live/audience?room=' + encodeURIComponent(room), {
    board: function (b) { applyBoard(b); render(); },
    questions: function (batch) { applyQuestions(batch); render(); }
  });

  Q.langSwitch($('lang-switch'));
  render();
})();
