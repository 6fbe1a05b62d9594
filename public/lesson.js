// The prerendered lesson's only script: the teacher's read marks and "Save for offline" through
// the service worker (/sw.js). The page works without it; marking read is a plain form post, which
// the service worker keeps on the device when there is no connection.
(function () {
  'use strict';
  var body = document.body;
  var moduleId = body.dataset.module;
  var lang = body.dataset.lang;
  var tools = document.querySelector('[data-offline-tools]');
  var status = tools && tools.querySelector('.offline-status');
  var sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;

  function say(key, count) {
    if (!status || !tools) return;
    var text = tools.getAttribute('data-msg-' + key) || '';
    status.textContent = text.replace('{count}', String(count == null ? '' : count));
  }

  function showMarks(read) {
    document.querySelectorAll('.lesson-nav li[data-section]').forEach(function (li) {
      if (read.indexOf(li.getAttribute('data-section')) < 0 || li.querySelector('.read-mark')) return;
      var mark = document.createElement('span');
      mark.className = 'read-mark';
      mark.setAttribute('aria-label', body.dataset.readLabel || '');
      mark.textContent = ' ✓';
      li.appendChild(mark);
    });
  }

  function loadMarks() {
    return fetch('/api/progress/' + encodeURIComponent(moduleId), { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (p) {
        if (!p) return false;
        showMarks(p.read || []);
        return true;
      })
      .catch(function () {
        return false;
      });
  }

  function ask(message) {
    return sw.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (e) {
          resolve(e.data);
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function saveForOffline(button) {
    button.disabled = true;
    say('saving');
    fetch('/api/offline?lang=' + lang, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) throw new Error('offline set ' + r.status);
        return r.json();
      })
      .then(function (set) {
        return ask({ type: 'save', public: set.public, personal: set.personal });
      })
      .then(function (result) {
        if (result.failed.length) console.warn('[offline] not saved:', result.failed);
        say(result.failed.length ? 'failed' : 'saved', result.saved);
      })
      .catch(function (err) {
        console.error('[offline]', err);
        say('failed');
      })
      .then(function () {
        button.disabled = false;
      });
  }

  function replay() {
    if (sw && sw.controller) sw.controller.postMessage({ type: 'replay' });
  }

  loadMarks().then(function (signedIn) {
    if (!sw || !tools) return;
    sw.register('/sw.js').catch(function (err) {
      console.error('[offline] service worker:', err);
    });
    if (!signedIn && navigator.onLine) return;
    tools.hidden = false;
    if (!navigator.onLine) say('offline');
    tools.querySelector('[data-save-offline]').addEventListener('click', function (e) {
      saveForOffline(e.currentTarget);
    });
  });

  if (sw) {
    sw.addEventListener('message', function (e) {
      if (e.data && e.data.type === 'synced') {
        say('synced');
        loadMarks();
      }
    });
    window.addEventListener('online', function () {
      say('');
      replay();
    });
    window.addEventListener('offline', function () {
      say('offline');
    });
    replay();
  }
})();
