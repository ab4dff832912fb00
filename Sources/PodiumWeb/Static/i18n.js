/* Podium screen labels (ar/fr/en) and the screen's language: ?lang=ar|fr|en|rotate (default fr). */
(function (root) {
  'use strict';

  var LABELS = {
    fr: {
      now: 'En cours', next: 'Ensuite', noSession: 'Aucune séance en cours',
      nothingNext: 'Plus rien au programme', andMore: 'et {n} autres', timeLeft: 'Temps restant',
      expected: 'Début prévu', planned: 'Prévu', roomFull: 'Salle complète', roomFullButton: 'Salle complète',
      roomNotFull: 'Salle plus complète', late: 'Retard de {n} min',
      floor: 'Langue de l’orateur', channels: 'Interprétation', channel: 'Canal {n}',
      paused: 'EN PAUSE', reconnecting: 'Reconnexion…', ask: 'Posez vos questions',
      question: 'Question', speaker: 'Orateur', nextSpeaker: 'Orateur suivant',
      slowDown: 'Ralentissez', booth: 'cabine {n}',
      unknownRoom: 'Salle inconnue « {n} »', knownRooms: 'Salles connues :',
      lobby: 'Programme des salles', page: 'Page {n}/{m}',
      door: 'Porte', monitor: 'Retour orateur', control: 'Régie', screens: 'Écrans',
      loading: 'Chargement…',
      // control page
      start: 'Démarrer', pause: 'Pause', resume: 'Reprendre', end: 'Terminer',
      nextSpeakerBtn: 'Orateur suivant', plus1: '+1 min', minus1: '−1 min',
      minutes: 'minutes', add: 'Ajouter', remove: 'Retirer', adjust: 'Ajuster le temps',
      thresholds: 'Seuils', warning: 'Alerte (min)', danger: 'Danger (min)', apply: 'Appliquer',
      messageToSpeaker: 'Message à l’orateur', blink: 'Clignoter', blackout: 'Écran noir',
      send: 'Envoyer', clear: 'Effacer', messageLanguage: 'Langue du message',
      preset5: '5 minutes restantes', presetWrap: 'Merci de conclure', presetSlow: 'Parlez plus lentement',
      ok: 'OK', error: 'Erreur', phase: 'Phase', preview: 'Aperçu', session: 'Séance',
      firstUpcoming: '(prochaine séance)', name: 'Nom', room: 'Salle', kind: 'Type',
      lastSeen: 'Vu à', status: 'État', connected: 'connecté', disconnected: 'déconnecté',
      identify: 'Identifier', noScreens: 'Aucun écran connecté', currentMessage: 'Message affiché',
      allScreens: 'Tous les écrans', phaseNormal: 'normal', phaseWarning: 'alerte',
      phaseDanger: 'danger', phaseOvertime: 'dépassement', networkError: 'Erreur réseau',
      reopen: 'Rouvrir', slot: 'Temps de parole', addSpeaker: 'Ajouter un orateur',
      moveUp: 'Monter', moveDown: 'Descendre', removeSpeaker: 'Retirer', setTime: 'Fixer',
      roll: 'Enchaînement automatique', rollOff: 'désactivé', rollRolling: 'actif', rollHeld: 'suspendu',
      speakingTimeOver: function (v) { return 'Temps de parole : ' + v.n + ' min de plus que la séance'; }
    },
    en: {
      now: 'Now', next: 'Next', noSession: 'No session in progress',
      nothingNext: 'Nothing else scheduled', andMore: 'and {n} more', timeLeft: 'Time left',
      expected: 'Expected start', planned: 'Planned', roomFull: 'Room full', roomFullButton: 'Room full',
      roomNotFull: 'Room no longer full', late: 'Running {n} min late',
      floor: 'Floor language', channels: 'Interpretation', channel: 'Channel {n}',
      paused: 'PAUSED', reconnecting: 'Reconnecting…', ask: 'Ask your questions',
      question: 'Question', speaker: 'Speaker', nextSpeaker: 'Next speaker',
      slowDown: 'Slow down', booth: '{n} booth',
      unknownRoom: 'Unknown room «{n}»', knownRooms: 'Known rooms:',
      lobby: 'Rooms', page: 'Page {n}/{m}',
      door: 'Door', monitor: 'Monitor', control: 'Control', screens: 'Screens',
      loading: 'Loading…',
      start: 'Start', pause: 'Pause', resume: 'Resume', end: 'End',
      nextSpeakerBtn: 'Next speaker', plus1: '+1 min', minus1: '−1 min',
      minutes: 'minutes', add: 'Add', remove: 'Remove', adjust: 'Adjust time',
      thresholds: 'Thresholds', warning: 'Warning (min)', danger: 'Danger (min)', apply: 'Apply',
      messageToSpeaker: 'Message to speaker', blink: 'Blink', blackout: 'Blackout',
      send: 'Send', clear: 'Clear', messageLanguage: 'Message language',
      preset5: '5 minutes left', presetWrap: 'Please wrap up', presetSlow: 'Speak slower',
      ok: 'OK', error: 'Error', phase: 'Phase', preview: 'Preview', session: 'Session',
      firstUpcoming: '(next session)', name: 'Name', room: 'Room', kind: 'Kind',
      lastSeen: 'Last seen', status: 'Status', connected: 'connected', disconnected: 'disconnected',
      identify: 'Identify', noScreens: 'No screen connected', currentMessage: 'Message shown',
      allScreens: 'All screens', phaseNormal: 'normal', phaseWarning: 'warning',
      phaseDanger: 'danger', phaseOvertime: 'overtime', networkError: 'Network error',
      reopen: 'Reopen', slot: 'Speaking time', addSpeaker: 'Add speaker',
      moveUp: 'Move up', moveDown: 'Move down', removeSpeaker: 'Remove', setTime: 'Set',
      roll: 'Roll', rollOff: 'off', rollRolling: 'rolling', rollHeld: 'held',
      speakingTimeOver: function (v) { return 'Speaking times exceed the session by ' + v.n + ' min'; }
    },
    ar: {
      now: 'الآن', next: 'التالي', noSession: 'لا توجد جلسة جارية',
      nothingNext: 'لا شيء آخر في البرنامج', andMore: 'و{n} آخرون', timeLeft: 'الوقت المتبقي',
      expected: 'البداية المتوقعة', planned: 'المقرر', roomFull: 'القاعة ممتلئة', roomFullButton: 'القاعة ممتلئة',
      roomNotFull: 'القاعة لم تعد ممتلئة', late: function (v) { return 'تأخير ' + arMinutes(v.n); },
      floor: 'لغة المتحدث', channels: 'الترجمة الفورية', channel: 'القناة {n}',
      paused: 'متوقف مؤقتًا', reconnecting: 'جارٍ إعادة الاتصال…', ask: 'اطرحوا أسئلتكم',
      question: 'سؤال', speaker: 'المتحدث', nextSpeaker: 'المتحدث التالي',
      slowDown: 'تمهّل في الكلام', booth: 'مقصورة {n}',
      unknownRoom: 'قاعة غير معروفة «{n}»', knownRooms: 'القاعات المعروفة:',
      lobby: 'برنامج القاعات', page: 'صفحة {n}/{m}',
      door: 'الباب', monitor: 'شاشة المتحدث', control: 'التحكم', screens: 'الشاشات',
      loading: 'جارٍ التحميل…',
      start: 'ابدأ', pause: 'إيقاف مؤقت', resume: 'استئناف', end: 'إنهاء',
      nextSpeakerBtn: 'المتحدث التالي', plus1: '+1 دقيقة', minus1: '−1 دقيقة',
      minutes: 'دقائق', add: 'إضافة', remove: 'إنقاص', adjust: 'تعديل الوقت',
      thresholds: 'العتبات', warning: 'تنبيه (دقائق)', danger: 'خطر (دقائق)', apply: 'تطبيق',
      messageToSpeaker: 'رسالة إلى المتحدث', blink: 'وميض', blackout: 'شاشة سوداء',
      send: 'إرسال', clear: 'مسح', messageLanguage: 'لغة الرسالة',
      preset5: 'تبقّت 5 دقائق', presetWrap: 'يرجى الاختتام', presetSlow: 'تمهّل في الكلام',
      ok: 'تم', error: 'خطأ', phase: 'المرحلة', preview: 'معاينة', session: 'الجلسة',
      firstUpcoming: '(الجلسة التالية)', name: 'الاسم', room: 'القاعة', kind: 'النوع',
      lastSeen: 'آخر ظهور', status: 'الحالة', connected: 'متصل', disconnected: 'غير متصل',
      identify: 'تعريف', noScreens: 'لا توجد شاشة متصلة', currentMessage: 'الرسالة المعروضة',
      allScreens: 'كل الشاشات', phaseNormal: 'عادي', phaseWarning: 'تنبيه',
      phaseDanger: 'خطر', phaseOvertime: 'تجاوز الوقت', networkError: 'خطأ في الشبكة',
      reopen: 'إعادة فتح', slot: 'وقت الكلمة', addSpeaker: 'إضافة متحدث',
      moveUp: 'تقديم', moveDown: 'تأخير في الترتيب', removeSpeaker: 'حذف', setTime: 'تحديد',
      roll: 'التتابع التلقائي', rollOff: 'متوقف', rollRolling: 'مفعّل', rollHeld: 'معلّق',
      speakingTimeOver: function (v) { return 'أوقات الكلمات تتجاوز مدة الجلسة بـ' + arMinutes(v.n); }
    }
  };
  /** Arabic counted noun: 1 دقيقة واحدة, 2 دقيقتان, 3–10 دقائق, else دقيقة. */
  function arMinutes(n) {
    n = Number(n);
    if (n === 1) return 'دقيقة واحدة';
    if (n === 2) return 'دقيقتان';
    return n + (n >= 3 && n <= 10 ? ' دقائق' : ' دقيقة');
  }

  var ROTATION = ['ar', 'fr', 'en'];
  var RTL = { ar: true, fa: true, he: true, ur: true };

  var param = (new URLSearchParams(location.search).get('lang') || 'fr').toLowerCase();
  var rotating = param === 'rotate';
  var current = rotating ? ROTATION[0] : (LABELS[param] ? param : 'fr');
  var listeners = [];

  function apply() {
    var html = document.documentElement;
    html.lang = current;
    html.dir = RTL[current] ? 'rtl' : 'ltr';
  }

  /** Label in the screen's language (or `lang`), `{n}`/`{m}` replaced from vars. */
  function t(key, vars, lang) {
    var table = LABELS[lang || current] || LABELS.fr;
    var s = table[key] != null ? table[key] : (LABELS.en[key] != null ? LABELS.en[key] : key);
    if (typeof s === 'function') return s(vars || {});
    if (vars) s = s.replace(/\{(\w+)\}/g, function (_, k) { return vars[k] != null ? vars[k] : ''; });
    return s;
  }

  /** With ?lang=rotate, called often with the daemon-corrected time: all screens switch together. */
  function tick(now) {
    if (!rotating) return;
    var next = ROTATION[Math.floor(now / 10000) % ROTATION.length];
    if (next === current) return;
    current = next;
    apply();
    listeners.forEach(function (fn) { fn(current); });
  }

  apply();
  root.PodiumI18n = {
    t: t, tick: tick, labels: LABELS, rotating: rotating, isRtl: function (l) { return !!RTL[l]; },
    lang: function () { return current; },
    param: function () { return rotating ? 'rotate' : current; },
    onChange: function (fn) { listeners.push(fn); }
  };
})(this);
