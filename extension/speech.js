// Listen: the reader's text read aloud, sentence by sentence, by a speech engine.
//
// The engine is the browser's speechSynthesis behind a small interface, so that a test can put a
// stand-in in its place that fires the same events (headless browsers may have no voices):
//   engine.getVoices() -> [{name, lang, default?}]
//   engine.createUtterance(text) -> an object with text, lang, voice, rate and the handlers
//     onstart, onend, onerror({error}) that the engine calls
//   engine.speak(u), engine.pause(), engine.resume(), engine.cancel()
// The reader (content.js) owns the DOM: it hands the Speaker its paragraphs as sentence lists and
// hears back which sentence is being read.
//
// Classic script, injected before content.js: defines MalgeumSpeech as an own, read-only,
// non-configurable property of the isolated world's global (read only as an own property).
(() => {
  'use strict';
  if (Object.getOwnPropertyDescriptor(globalThis, 'MalgeumSpeech')) return;

  // Sentence ends: `.`, `?`, `!`, `…` and their full-width forms, then any closing quotes and
  // brackets, then white space or the end of the text. A `.` between digits (3.5, 1.200) is
  // followed by a digit, not a space, so numbers never split; Korean endings (`다.`, `요.`)
  // are ends like any other. A few English abbreviations (Mr. Dr. e.g.) do not end sentences.
  const END = /[.?!…。？！]+[\u0022\u0027\u201d\u2019\u300d\u300f\u3009\u300b\u3011)\]}>»]*(?=\s|$)/g;
  const ABBREVIATIONS = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|vs|etc|e\.g|i\.e|No|Vol|p|pp|U\.S|a\.m|p\.m)\.$/i;

  /** [{start, end, text}] of the sentences of `text` (offsets into it; white space trimmed). */
  function splitSentences(text) {
    const s = String(text || '');
    const out = [];
    let from = 0;
    const push = (a, b) => {
      while (a < b && /\s/.test(s[a])) a++;
      while (b > a && /\s/.test(s[b - 1])) b--;
      if (b > a) out.push({ start: a, end: b, text: s.slice(a, b) });
    };
    END.lastIndex = 0;
    for (let m; (m = END.exec(s));) {
      const end = m.index + m[0].length;
      if (m[0] === '.' && ABBREVIATIONS.test(s.slice(Math.max(from, m.index - 6), m.index + 1))) continue;
      push(from, end);
      from = end;
    }
    push(from, s.length);
    return out;
  }

  /** The voice for `lang` ('ko' → ko-KR first): exact tag, then same language, the system's
   *  default among those first. null when the system has none for the language. */
  function chooseVoice(voices, lang) {
    const want = String(lang || '').toLowerCase();
    const base = want.split('-')[0];
    if (!base) return null;
    const list = Array.isArray(voices) ? voices.filter((v) => v && typeof v.lang === 'string') : [];
    const norm = (v) => v.lang.toLowerCase().replace('_', '-');
    const preferred = base === 'ko' ? 'ko-kr' : want;
    const fit = (v) => (norm(v) === preferred ? 0 : norm(v) === want ? 1 : norm(v).split('-')[0] === base ? 2 : null);
    const rank = (v) => fit(v) - (v.default ? 0.5 : 0);
    const fitting = list.filter((v) => fit(v) !== null).sort((a, b) => rank(a) - rank(b));
    return fitting[0] || null;
  }

  /** The browser's speech synthesis as an engine (null when the browser has none). */
  function browserEngine(win) {
    const synth = win.speechSynthesis;
    const Utterance = win.SpeechSynthesisUtterance;
    if (!synth || typeof Utterance !== 'function') return null;
    return {
      getVoices: () => synth.getVoices(),
      createUtterance: (text) => new Utterance(text),
      speak: (u) => synth.speak(u),
      pause: () => synth.pause(),
      resume: () => synth.resume(),
      cancel: () => synth.cancel(),
    };
  }

  /**
   * Reads `paragraphs` ([[sentence text, …], …]) aloud with `engine`, one utterance per sentence.
   * Callbacks: onSentence(p, s) when sentence s of paragraph p starts, onState('playing' |
   * 'paused' | 'stopped'), onError(text). Every utterance carries the generation it was spoken
   * in: events of a cancelled one (cancel() fires their end or error) change nothing.
   */
  function Speaker({ engine, lang, voice, rate = 1, paragraphs, onSentence, onState, onError }) {
    let p = 0;
    let s = 0;
    let gen = 0;
    let mode = 'stopped';
    let currentRate = rate;
    const setMode = (m) => {
      mode = m;
      if (onState) onState(m);
    };

    function speakCurrent() {
      while (p < paragraphs.length && s >= paragraphs[p].length) {
        p++;
        s = 0;
      }
      if (p >= paragraphs.length) {
        p = 0;
        s = 0;
        setMode('stopped');
        return;
      }
      const my = ++gen;
      const u = engine.createUtterance(paragraphs[p][s]);
      u.lang = lang || '';
      if (voice) u.voice = voice;
      u.rate = currentRate;
      const at = [p, s];
      u.onstart = () => {
        if (my === gen && onSentence) onSentence(at[0], at[1]);
      };
      u.onend = () => {
        if (my !== gen || mode === 'stopped') return;
        s++;
        speakCurrent();
      };
      u.onerror = (e) => {
        if (my !== gen) return;
        const why = e && e.error;
        if (why === 'interrupted' || why === 'canceled') return;
        stop();
        if (onError) onError(String(why || 'error'));
      };
      if (onSentence) onSentence(p, s); // shown at once; onstart confirms it
      engine.speak(u);
    }

    function cancelCurrent() {
      gen++;
      try {
        engine.cancel();
      } catch { /* nothing was speaking */ }
    }

    function play() {
      if (mode === 'playing') return;
      if (mode === 'paused') {
        setMode('playing');
        engine.resume();
        return;
      }
      setMode('playing');
      speakCurrent();
    }

    function pause() {
      if (mode !== 'playing') return;
      engine.pause();
      setMode('paused');
    }

    function stop() {
      cancelCurrent();
      p = 0;
      s = 0;
      if (mode !== 'stopped') setMode('stopped');
    }

    // Moving while paused or playing starts reading the new paragraph; while stopped it only
    // moves the place where reading will start.
    function go(to) {
      const was = mode;
      cancelCurrent();
      p = Math.max(0, Math.min(paragraphs.length - 1, to));
      s = 0;
      if (was === 'stopped') {
        if (onSentence) onSentence(p, s);
        return;
      }
      if (was === 'paused') engine.resume();
      setMode('playing');
      speakCurrent();
    }

    function setRate(r) {
      currentRate = r;
      if (mode === 'playing' || mode === 'paused') {
        cancelCurrent();
        if (mode === 'paused') engine.resume();
        setMode('playing');
        speakCurrent();
      }
    }

    return {
      play,
      pause,
      stop,
      next: () => go(p + 1),
      prev: () => go(s > 0 && mode !== 'stopped' ? p : p - 1),
      setRate,
      get mode() {
        return mode;
      },
      get position() {
        return [p, s];
      },
    };
  }

  Object.defineProperty(globalThis, 'MalgeumSpeech', {
    value: Object.freeze({ splitSentences, chooseVoice, browserEngine, Speaker }),
    writable: false,
    enumerable: false,
    configurable: false,
  });
})();
