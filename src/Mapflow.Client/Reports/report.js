(function () {
  'use strict';
  var table = document.getElementById('aois');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var svg = document.getElementById('map');
  var shown = document.getElementById('shown');

  function select(index, zoom) {
    rows.forEach(function (r) { r.classList.toggle('sel', r.dataset.row === index); });
    if (svg) {
      Array.prototype.forEach.call(svg.querySelectorAll('.aoi'), function (p) {
        var on = p.dataset.row === index;
        p.classList.toggle('sel', on);
        if (on && zoom) { zoomTo(p.getBBox()); }
      });
    }
    var row = document.getElementById('row-' + index);
    if (row) {
      if (row.hidden) { filter.value = ''; applyFilter(); }
      if (!zoom) { row.scrollIntoView({ block: 'center' }); }
    }
  }

  // Sorting: numbers by data-v, text by its words, each header toggling its order.
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
    th.addEventListener('click', function () {
      var descending = th.getAttribute('aria-sort') === 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      var numeric = th.dataset.type === 'number';
      rows.sort(function (a, b) {
        var x = a.cells[column], y = b.cells[column], order;
        if (numeric) { order = (parseFloat(x.dataset.v) || 0) - (parseFloat(y.dataset.v) || 0); }
        else { order = x.textContent.localeCompare(y.textContent, undefined, { numeric: true, sensitivity: 'base' }); }
        return descending ? -order : order;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });

  var filter = document.getElementById('filter');
  function applyFilter() {
    var q = filter.value.trim().toLowerCase(), count = 0;
    rows.forEach(function (r) { r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0; if (!r.hidden) { count++; } });
    shown.textContent = count + ' of ' + rows.length;
  }
  filter.addEventListener('input', applyFilter);
  body.addEventListener('click', function (e) {
    var row = e.target.closest('tr');
    if (row && !e.target.closest('a')) { select(row.dataset.row, true); }
  });

  var zoomTo = function () {};
  if (svg) {
    var home = svg.getAttribute('viewBox').split(' ').map(Number), view = home.slice();
    var show = function () { svg.setAttribute('viewBox', view.join(' ')); };
    zoomTo = function (b) {
      var w = Math.max(b.width, b.height / 2, 1) * 2.2, h = Math.max(b.height, b.width / 2, 1) * 2.2;
      view = [b.x + b.width / 2 - w / 2, b.y + b.height / 2 - h / 2, w, h];
      show();
    };
    // Screen to map units, with the viewBox fitted and centred as preserveAspectRatio does.
    var at = function (e) {
      var r = svg.getBoundingClientRect(), s = Math.min(r.width / view[2], r.height / view[3]);
      var left = r.left + (r.width - view[2] * s) / 2, top = r.top + (r.height - view[3] * s) / 2;
      return { x: view[0] + (e.clientX - left) / s, y: view[1] + (e.clientY - top) / s, s: s };
    };
    svg.addEventListener('wheel', function (e) {
      e.preventDefault();
      var p = at(e), f = e.deltaY < 0 ? 0.8 : 1.25;
      view = [p.x - (p.x - view[0]) * f, p.y - (p.y - view[1]) * f, view[2] * f, view[3] * f];
      show();
    }, { passive: false });
    var drag = null;
    svg.addEventListener('pointerdown', function (e) {
      drag = { x: e.clientX, y: e.clientY, view: view.slice(), s: at(e).s, moved: false };
      svg.setPointerCapture(e.pointerId);
      svg.classList.add('dragging');
    });
    svg.addEventListener('pointermove', function (e) {
      if (!drag) { return; }
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; }
      view = [drag.view[0] - dx / drag.s, drag.view[1] - dy / drag.s, drag.view[2], drag.view[3]];
      show();
    });
    svg.addEventListener('pointerup', function (e) {
      var d = drag;
      drag = null;
      svg.classList.remove('dragging');
      if (d && !d.moved) {
        var hit = document.elementFromPoint(e.clientX, e.clientY);
        if (hit && hit.classList.contains('aoi')) { select(hit.dataset.row, false); }
      }
    });
    document.getElementById('reset').addEventListener('click', function () { view = home.slice(); show(); });
  }
  applyFilter();
  console.log('mapflow-report ready: ' + rows.length + ' AOI rows, ' + (svg ? svg.querySelectorAll('.aoi').length : 0) + ' AOIs on the map');
}());
