// Newsdesk Ingest page: re-reads the status row of every item that has not settled yet (INDEXED, FAILED, ...)
// from /ingest/items/{id} until it has. Without JavaScript the page refreshes itself instead (<noscript>).
(function () {
  'use strict';
  var INTERVAL_MS = 1500;

  function pendingRows() {
    return Array.prototype.slice.call(document.querySelectorAll('tr[data-item-id][data-settled="false"]'));
  }

  function refresh(row) {
    var id = row.getAttribute('data-item-id');
    return fetch('/ingest/items/' + encodeURIComponent(id), {
      credentials: 'same-origin',
      headers: { 'Accept': 'text/html' },
      redirect: 'error'
    }).then(function (response) {
      if (!response.ok) { return; }
      return response.text().then(function (html) {
        var body = document.createElement('tbody');
        body.innerHTML = html.trim();  // our own server-rendered, escaped row
        var fresh = body.querySelector('tr');
        if (fresh && row.parentNode) { row.parentNode.replaceChild(fresh, row); }
      });
    }).catch(function () { /* try again on the next round */ });
  }

  function round() {
    var rows = pendingRows();
    if (rows.length === 0) { return; }
    Promise.all(rows.map(refresh)).then(function () {
      if (pendingRows().length > 0) { setTimeout(round, INTERVAL_MS); }
    });
  }

  document.addEventListener('DOMContentLoaded', function () { setTimeout(round, INTERVAL_MS); });
})();
