// The page's behaviour: start a run through the runs API, follow its event stream, then show the bundle.
// Model text (narratives are rendered safe by the server) and file contents only ever reach the DOM as text
// (textContent), never as markup; the server's Content-Security-Policy forbids inline script besides.
(() => {
  'use strict';

  const KEY_STORAGE = 'tarantool-agents.api-key';
  const FINAL_RUN_STATES = ['succeeded', 'failed', 'cancelled'];
  const PHASE_EVENT_STATUS = {
    'phase.started': 'running',
    'phase.answer_rejected': 'running',
    'phase.completed': 'succeeded',
    'phase.failed': 'failed',
    'phase.skipped': 'skipped',
  };
  const RUN_EVENT_STATUS = {
    'run.queued': 'queued',
    'run.started': 'running',
    'run.succeeded': 'succeeded',
    'run.failed': 'failed',
    'run.cancelled': 'cancelled',
  };

  const texts = JSON.parse(document.getElementById('page-texts').textContent);
  let language = document.documentElement.lang === 'ru' ? 'ru' : 'en';
  let current = null; // { id, abort: AbortController }
  let pendingAfterKey = null;
  let runsNext = null;

  const $ = (id) => document.getElementById(id);
  const t = (key) => (texts[language] && texts[language][key]) || texts.en[key] || key;
  const enc = encodeURIComponent;

  // ---- language -------------------------------------------------------------------------------------------------

  function applyLanguage(next) {
    if (next !== 'en' && next !== 'ru') return;
    language = next;
    document.documentElement.lang = next;
    document.title = t('title');
    for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
    for (const button of document.querySelectorAll('[data-language]')) {
      button.setAttribute('aria-pressed', String(button.dataset.language === next));
    }
  }

  // ---- API ------------------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  function authHeaders(extra) {
    const headers = Object.assign({}, extra || {});
    const key = sessionStorage.getItem(KEY_STORAGE);
    if (key) headers.Authorization = 'Bearer ' + key;
    return headers;
  }

  // The service's errors are JSON in OpenAI's shape: {"error": {"message": ...}}; the message is what people read.
  async function errorMessage(response) {
    try {
      const body = await response.json();
      if (body && body.error && typeof body.error.message === 'string' && body.error.message) return body.error.message;
    } catch (_) {
      // Not JSON: fall back to the status below.
    }
    return t('error.http').replace('{status}', String(response.status));
  }

  async function api(path, options) {
    const settings = Object.assign({}, options || {});
    settings.headers = authHeaders(settings.headers);
    let response;
    try {
      response = await fetch(path, settings);
    } catch (error) {
      if (error && error.name === 'AbortError') throw error;
      throw new ApiError(t('error.network'), 0);
    }
    if (response.status === 401) {
      const message = await errorMessage(response);
      askForKey(message);
      throw new ApiError(message, 401);
    }
    if (!response.ok) throw new ApiError(await errorMessage(response), response.status);
    return response;
  }

  function showError(error) {
    if (error && error.name === 'AbortError') return;
    const box = $('error');
    box.textContent = error instanceof ApiError ? error.message : String((error && error.message) || error);
    box.hidden = false;
  }

  function clearError() {
    const box = $('error');
    box.textContent = '';
    box.hidden = true;
  }

  // ---- API key --------------------------------------------------------------------------------------------------

  function askForKey(message) {
    const form = $('key-form');
    const wasHidden = form.hidden;
    form.hidden = false;
    $('key-message').textContent = message || t('error.key');
    $('key-message').hidden = false;
    if (sessionStorage.getItem(KEY_STORAGE)) sessionStorage.removeItem(KEY_STORAGE); // the stored key was refused
    if (wasHidden) $('api-key').focus();
    return message;
  }

  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('api-key').value.trim();
    if (!key) return;
    sessionStorage.setItem(KEY_STORAGE, key);
    $('api-key').value = '';
    $('key-form').hidden = true;
    clearError();
    const retry = pendingAfterKey;
    pendingAfterKey = null;
    loadRuns(false);
    if (retry) retry();
  });

  // ---- starting a run -------------------------------------------------------------------------------------------

  function collectRequest() {
    const body = { description: $('description').value };
    for (const control of document.querySelectorAll('[data-param]')) {
      const value = control.value.trim();
      if (value === '') continue;
      const name = control.dataset.param;
      if (control.hasAttribute('data-number') && /^-?\d+$/.test(value)) body[name] = Number(value);
      else if (name === 'enable-sharding') body[name] = value === 'true';
      else body[name] = value;
    }
    return body;
  }

  $('run-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const start = async () => {
      clearError();
      const button = $('submit');
      button.disabled = true;
      button.textContent = t('submitting');
      try {
        const response = await api('/v1/runs', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(collectRequest()),
        });
        const created = await response.json();
        await openRun(created.id, true);
        loadRuns(false);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) pendingAfterKey = start;
        showError(error);
      } finally {
        button.disabled = false;
        button.textContent = t('submit');
      }
    };
    await start();
  });

  // ---- a run and its phases -------------------------------------------------------------------------------------

  function phaseStatus(value) {
    switch (String(value || '').toLowerCase()) {
      case 'running':
      case 'started':
        return 'running';
      case 'succeeded':
      case 'completed':
      case 'reused':
        return 'succeeded';
      case 'failed':
        return 'failed';
      case 'skipped':
      case 'cancelled':
        return 'skipped';
      default:
        return 'queued';
    }
  }

  function setStatus(element, status) {
    element.dataset.status = status;
    const label = element.querySelector('.status') || element;
    label.dataset.i18n = 'status.' + status;
    label.textContent = t('status.' + status);
  }

  function renderPhases(phases) {
    const list = $('phases');
    list.replaceChildren();
    for (const phase of phases || []) {
      const item = document.createElement('li');
      item.className = 'phase';
      item.dataset.key = phase.key;
      const name = document.createElement('span');
      name.className = 'name';
      if (texts.en['phase.' + phase.key]) {
        name.dataset.i18n = 'phase.' + phase.key;
        name.textContent = t('phase.' + phase.key);
      } else {
        name.textContent = phase.name || phase.key;
      }
      const status = document.createElement('span');
      status.className = 'status';
      item.append(name, ' ', status);
      setStatus(item, phaseStatus(phase.status));
      setReason(item, phase.reason);
      list.append(item);
    }
  }

  // Why a phase failed or was skipped, in the service's words, as text.
  function setReason(item, reason) {
    let element = item.querySelector('.reason');
    if (!reason) {
      if (element) element.remove();
      return;
    }
    if (!element) {
      element = document.createElement('span');
      element.className = 'reason';
      item.append(' ', element);
    }
    element.textContent = String(reason);
  }

  // The cancel button is there while the run can still be stopped.
  function showCancel(status) {
    const button = $('cancel');
    const active = status === 'queued' || status === 'running';
    button.hidden = !active;
    if (!active) {
      button.disabled = false;
      button.dataset.i18n = 'run.cancel';
      button.textContent = t('run.cancel');
    }
  }

  $('cancel').addEventListener('click', async () => {
    if (!current) return;
    const id = current.id;
    const button = $('cancel');
    button.disabled = true;
    button.dataset.i18n = 'run.cancelling';
    button.textContent = t('run.cancelling');
    try {
      // 202: a queued run is cancelled at once, a running one at its next step; the event stream reports the end.
      await api('/v1/runs/' + enc(id), { method: 'DELETE', headers: { Accept: 'application/json' } });
    } catch (error) {
      button.disabled = false;
      button.dataset.i18n = 'run.cancel';
      button.textContent = t('run.cancel');
      // 409: it finished meanwhile; the stream shows how.
      if (!(error instanceof ApiError && error.status === 409)) showError(error);
    }
  });

  function phaseElement(key) {
    for (const item of $('phases').children) if (item.dataset.key === key) return item;
    return null;
  }

  function phaseKeyOf(data) {
    if (!data || typeof data !== 'object') return null;
    if (typeof data.key === 'string') return data.key;
    if (typeof data.phase_key === 'string') return data.phase_key;
    if (data.phase && typeof data.phase === 'object' && typeof data.phase.key === 'string') return data.phase.key;
    if (typeof data.phase === 'string') return data.phase;
    return null;
  }

  async function openRun(id, focus) {
    if (current) current.abort.abort();
    const abort = new AbortController();
    current = { id, abort };
    if (location.hash !== '#run=' + enc(id)) history.replaceState(null, '', '#run=' + enc(id));
    $('bundle').hidden = true;
    const response = await api('/v1/runs/' + enc(id), { signal: abort.signal });
    const run = await response.json();
    if (current.id !== id) return;
    showRun(run);
    if (focus) $('run-heading').focus();
    if (FINAL_RUN_STATES.includes(run.status)) {
      await finishRun(id, abort.signal);
    } else {
      watch(id, abort.signal).catch(showError);
    }
  }

  function showRun(run) {
    if (run.language) applyLanguage(String(run.language).toLowerCase());
    $('run').hidden = false;
    $('run-id').textContent = run.id;
    setStatus($('run-status'), run.status);
    showCancel(run.status);
    // The description as the user typed it: text, whatever markup it holds.
    $('run-description').textContent = (run.request && run.request.description) || run.description || '';
    renderPhases(run.phases);
    if (run.error) showError(new ApiError(typeof run.error === 'string' ? run.error : run.error.message || '', 0));
  }

  // Server-Sent Events read through fetch, not EventSource: EventSource cannot send the Authorization header.
  async function watch(id, signal) {
    let lastId = 0;
    for (let failures = 0; failures < 5; ) {
      try {
        const headers = { Accept: 'text/event-stream' };
        if (lastId > 0) headers['Last-Event-ID'] = String(lastId);
        const response = await api('/v1/runs/' + enc(id) + '/events', { headers, signal });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n?/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const message = parseEvent(block);
            if (!message) continue;
            if (message.id) lastId = Number(message.id) || lastId;
            handleEvent(message);
          }
        }
        break; // the service ends the stream after the run's final event
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ApiError && error.status !== 0) throw error;
        failures++;
        await new Promise((resolve) => setTimeout(resolve, 1000 * failures));
      }
    }
    if (!signal.aborted) await finishRun(id, signal);
  }

  function parseEvent(block) {
    const message = { id: null, type: 'message', data: '' };
    let any = false;
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') message.id = value;
      else if (field === 'event') message.type = value;
      else if (field === 'data') message.data += (message.data ? '\n' : '') + value;
      any = true;
    }
    return any ? message : null;
  }

  function handleEvent(message) {
    let data = null;
    try {
      data = message.data ? JSON.parse(message.data) : null;
    } catch (_) {
      data = null;
    }
    if (PHASE_EVENT_STATUS[message.type]) {
      const item = phaseElement(phaseKeyOf(data));
      if (item) {
        setStatus(item, PHASE_EVENT_STATUS[message.type]);
        setReason(item, data && (message.type === 'phase.failed' || message.type === 'phase.skipped') ? data.reason : null);
      }
    } else if (RUN_EVENT_STATUS[message.type]) {
      setStatus($('run-status'), RUN_EVENT_STATUS[message.type]);
      showCancel(RUN_EVENT_STATUS[message.type]);
    }
  }

  // The run's own record is the final word on every phase (an event may have been missed while reconnecting).
  async function finishRun(id, signal) {
    const response = await api('/v1/runs/' + enc(id), { signal });
    const run = await response.json();
    if (!current || current.id !== id) return;
    showRun(run);
    loadRuns(false);
    if (run.status === 'succeeded' || run.status === 'failed') await loadBundle(id, signal);
  }

  // ---- the bundle -----------------------------------------------------------------------------------------------

  const filesBase = (id) => '/v1/runs/' + enc(id) + '/files/';
  const filePath = (path) => path.split('/').map(enc).join('/');

  async function loadBundle(id, signal) {
    let manifest;
    try {
      const response = await api(filesBase(id) + 'bundle.json', { signal, headers: { Accept: 'application/json' } });
      manifest = await response.json();
    } catch (error) {
      // A run that failed before writing anything has no bundle; its error is already shown.
      if (error instanceof ApiError && error.status === 404) return;
      throw error;
    }
    if (!current || current.id !== id) return;
    $('bundle').hidden = false;
    $('download').href = '/v1/runs/' + enc(id) + '/bundle.zip';
    renderWarnings(manifest.warnings || []);
    renderCriteria(manifest.successCriteria || manifest.success_criteria || []);
    renderNarratives(id, manifest.phases || []);
    renderFiles(id, ['bundle.json'].concat((manifest.artifacts || []).map((a) => a.path)));
    $('narrative').replaceChildren();
    showFileHint();
  }

  function renderWarnings(warnings) {
    const list = $('warnings');
    list.replaceChildren();
    if (warnings.length === 0) {
      const item = document.createElement('li');
      item.dataset.i18n = 'warnings.none';
      item.textContent = t('warnings.none');
      list.append(item);
      return;
    }
    for (const warning of warnings) {
      const item = document.createElement('li');
      if (warning.source) {
        const source = document.createElement('code');
        source.textContent = warning.source;
        item.append(source, ' ');
      }
      item.append(String(warning.message || ''));
      list.append(item);
    }
  }

  function renderCriteria(criteria) {
    const body = $('criteria').tBodies[0];
    body.replaceChildren();
    for (const criterion of criteria) {
      const row = body.insertRow();
      row.insertCell().textContent = criterion.criterion || criterion.id || '';
      const status = row.insertCell();
      status.textContent = criterion.status || '';
      status.title = criterion.how || '';
      row.insertCell().textContent = (criterion.provides || []).join(', ');
      const verify = document.createElement('code');
      verify.textContent = criterion.verify || '';
      row.insertCell().append(verify);
    }
  }

  function renderNarratives(id, phases) {
    const list = $('narratives');
    list.replaceChildren();
    for (const phase of phases) {
      const hasNarrative = (phase.outputs || []).some((path) => path.startsWith('phases/'));
      if (!hasNarrative) continue;
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.narrative = phase.key;
      if (texts.en['phase.' + phase.key]) {
        button.dataset.i18n = 'phase.' + phase.key;
        button.textContent = t('phase.' + phase.key);
      } else {
        button.textContent = phase.name || phase.key;
      }
      button.addEventListener('click', () => openNarrative(id, phase.key).catch(showError));
      item.append(button);
      list.append(item);
    }
  }

  async function openNarrative(id, key) {
    const response = await api('/v1/runs/' + enc(id) + '/narratives/' + enc(key) + '.html', { headers: { Accept: 'text/html' } });
    const html = await response.text();
    if (!current || current.id !== id) return;
    const article = $('narrative');
    // Rendered by the server from Markdown with raw HTML disabled and unsafe links removed.
    article.innerHTML = html;
    article.dataset.key = key;
    for (const button of document.querySelectorAll('[data-narrative]')) {
      button.setAttribute('aria-pressed', String(button.dataset.narrative === key));
    }
    article.focus();
  }

  // Links from a narrative to the bundle's own files open in the file view (which sends the API key if any).
  $('narrative').addEventListener('click', (event) => {
    const link = event.target.closest('a[href]');
    if (!link || !current) return;
    const base = filesBase(current.id);
    const href = link.getAttribute('href');
    if (!href.startsWith(base)) return;
    event.preventDefault();
    openFile(current.id, decodeURIComponent(href.slice(base.length).split('#')[0])).catch(showError);
  });

  function renderFiles(id, paths) {
    const root = { folders: new Map(), files: [] };
    for (const path of [...new Set(paths)].sort()) {
      const parts = path.split('/');
      let node = root;
      for (const part of parts.slice(0, -1)) {
        if (!node.folders.has(part)) node.folders.set(part, { folders: new Map(), files: [] });
        node = node.folders.get(part);
      }
      node.files.push({ name: parts[parts.length - 1], path });
    }
    const tree = $('file-tree');
    for (const old of tree.querySelectorAll('ul')) old.remove();
    tree.append(renderFolder(id, root));
  }

  function renderFolder(id, node) {
    const list = document.createElement('ul');
    for (const [name, child] of [...node.folders.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      const item = document.createElement('li');
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = name + '/';
      details.append(summary, renderFolder(id, child));
      item.append(details);
      list.append(item);
    }
    for (const file of node.files) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'file';
      button.dataset.path = file.path;
      button.textContent = file.name;
      button.addEventListener('click', () => openFile(id, file.path).catch(showError));
      item.append(button);
      list.append(item);
    }
    return list;
  }

  function showFileHint() {
    const content = $('file-content');
    content.dataset.i18n = 'file.none';
    content.textContent = t('file.none');
    $('file-path').textContent = '';
  }

  async function openFile(id, path) {
    const response = await api(filesBase(id) + filePath(path));
    const text = await response.text();
    if (!current || current.id !== id) return;
    const content = $('file-content');
    delete content.dataset.i18n;
    content.textContent = text;
    $('file-path').textContent = path;
    $('file-path').focus();
  }

  // With an API key the plain link would arrive without it, so the zip is fetched and handed over as a blob.
  $('download').addEventListener('click', async (event) => {
    if (!sessionStorage.getItem(KEY_STORAGE)) return;
    event.preventDefault();
    try {
      const response = await api($('download').getAttribute('href'));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = 'bundle.zip';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (error) {
      showError(error);
    }
  });

  // ---- earlier runs ---------------------------------------------------------------------------------------------

  async function loadRuns(more) {
    try {
      const query = '?limit=20' + (more && runsNext ? '&after=' + enc(runsNext) : '');
      const response = await api('/v1/runs' + query, { headers: { Accept: 'application/json' } });
      const page = await response.json();
      const list = $('runs');
      if (!more) list.replaceChildren();
      for (const run of page.data || []) list.append(runItem(run));
      if (list.children.length === 0) {
        const item = document.createElement('li');
        item.dataset.i18n = 'runs.none';
        item.textContent = t('runs.none');
        list.append(item);
      }
      runsNext = page.has_more ? page.next : null;
      $('runs-more').hidden = !runsNext;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        pendingAfterKey = null;
        return;
      }
      showError(error);
    }
  }

  function runItem(run) {
    const item = document.createElement('li');
    item.dataset.run = run.id;
    const button = document.createElement('button');
    button.type = 'button';
    const request = run.request || {};
    const name = request.clusterName || request.cluster_name || request['cluster-name'] || run.id;
    const environment = request.environment ? ' (' + request.environment + ')' : '';
    button.textContent = name + environment;
    button.addEventListener('click', () => {
      clearError();
      openRun(run.id, true).catch(showError);
    });
    const status = document.createElement('span');
    status.className = 'status';
    item.append(button, ' ', status);
    setStatus(item, run.status);
    if (run.created_at) {
      const time = document.createElement('time');
      time.dateTime = run.created_at;
      const created = new Date(run.created_at);
      time.textContent = ' ' + (isNaN(created) ? String(run.created_at) : created.toLocaleString(language === 'ru' ? 'ru-RU' : 'en-GB'));
      item.append(time);
    }
    return item;
  }

  $('runs-refresh').addEventListener('click', () => loadRuns(false));
  $('runs-more').addEventListener('click', () => loadRuns(true));

  for (const button of document.querySelectorAll('[data-language]')) {
    button.addEventListener('click', () => applyLanguage(button.dataset.language));
  }

  // ---- start ----------------------------------------------------------------------------------------------------

  applyLanguage(language);
  loadRuns(false);
  const linked = /^#run=(.+)$/.exec(location.hash);
  if (linked) openRun(decodeURIComponent(linked[1]), false).catch(showError);
  document.documentElement.dataset.ready = 'true';
})();
