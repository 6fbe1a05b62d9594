// LTI platform storage (1EdTech "LTI Client Side postMessages"): keeps the OIDC state in the
// LMS page when the browser blocks the tool's cookies in the LMS frame. Loaded by the login
// page (mode "put") and the cookie-less launch page (mode "get"); its data comes from the
// script element's data attributes, so the pages need no inline script.
(function () {
  var d = document.currentScript.dataset;
  var TIMEOUT_MS = 2000;

  function storageFrame() {
    var host = window.parent !== window ? window.parent : window.opener;
    if (!host) return null;
    if (d.target && d.target !== '_parent') {
      try {
        if (host.frames[d.target]) return host.frames[d.target];
      } catch (e) {
        // a named frame we may not reach: fall back to the parent itself
      }
    }
    return host;
  }

  // Sends one message and waits for its answer from the platform's origin only.
  function ask(message, done) {
    var frame = storageFrame();
    if (!frame) return done(null);
    var id = 'kko-' + Math.random().toString(36).slice(2);
    var finished = false;
    function finish(answer) {
      if (finished) return;
      finished = true;
      window.removeEventListener('message', onMessage);
      done(answer);
    }
    function onMessage(event) {
      var m = event.data;
      if (event.origin !== d.origin || !m || m.message_id !== id || m.subject !== message.subject + '.response') return;
      finish(m.error ? null : m);
    }
    window.addEventListener('message', onMessage);
    setTimeout(function () {
      finish(null);
    }, TIMEOUT_MS);
    message.message_id = id;
    // Canvas does not yet honour a target origin; what matters is the origin check on the answer.
    frame.postMessage(message, '*');
  }

  if (d.mode === 'put') {
    // Stored or not, go on to the platform: the state cookie may still work.
    ask({ subject: 'lti.put_data', key: d.key, value: d.value }, function () {
      window.location.replace(d.next);
    });
  } else if (d.mode === 'get') {
    ask({ subject: 'lti.get_data', key: d.key }, function (answer) {
      var form = document.getElementById('lti-storage-launch');
      form.elements.lti_storage_value.value = answer && typeof answer.value === 'string' ? answer.value : '';
      form.submit();
    });
  }
})();
