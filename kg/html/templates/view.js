/* kg graph view: vis-network plus search, filters, legend and the evidence panel.
 *
 * Every text that comes from an article reaches the page through textContent
 * or a canvas label, never as HTML.  The usual vis-network globals (network,
 * nodes, edges) stay reachable for tests and user scripts; window.kgReady
 * turns true once the graph has been drawn and can be used.
 */
"use strict";
var nodes, edges, network, nodeView, edgeView;

(function () {
  var SVG = "http://www.w3.org/2000/svg";
  // Legend icons drawn like vis-network's shapes (points in a 20 x 20 box).
  var SHAPES = {
    triangle: "10,2 18.5,17 1.5,17",
    triangleDown: "1.5,3 18.5,3 10,18",
    diamond: "10,1 19,10 10,19 1,10",
    hexagon: "10,1.5 17.4,5.75 17.4,14.25 10,18.5 2.6,14.25 2.6,5.75",
    star: "10,1 12.2,7 18.6,7.2 13.5,11.1 15.3,17.3 10,13.6 4.7,17.3 6.5,11.1 1.4,7.2 7.8,7"
  };
  var view = readJson("kg-view");
  var details = view.details;
  var styleOf = {};
  view.legend.forEach(function (row) { styleOf[row.key] = row; });

  nodes = new vis.DataSet(readJson("kg-nodes"));
  edges = new vis.DataSet(readJson("kg-edges"));

  // Filters are DataViews over the full data: nodes/edges keep everything,
  // the network draws what the views let through.
  var hiddenGroups = new Set();
  var groupOf = new Map();
  nodes.forEach(function (n) { groupOf.set(n.id, n.group); });
  nodeView = new vis.DataView(nodes, { filter: function (n) { return !hiddenGroups.has(n.group); } });
  edgeView = new vis.DataView(edges, {
    filter: function (e) { return !hiddenGroups.has(groupOf.get(e.from)) && !hiddenGroups.has(groupOf.get(e.to)); }
  });

  var panel = document.getElementById("kg-panel");
  var status = document.getElementById("kg-status");
  var physics = view.options.physics.enabled && nodes.length > 0;
  var settled = !physics;
  var pinned = null;

  network = new vis.Network(document.getElementById("mynetwork"),
                            { nodes: nodeView, edges: edgeView }, view.options);

  // --- settle, then stop -------------------------------------------------
  if (physics) {
    network.on("stabilizationProgress", function (p) {
      status.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      // Physics off once settled: nothing keeps moving, dragged nodes stay put.
      network.setOptions({ physics: { enabled: false } });
      storePositions();
      settled = true;
      fitView();
    });
  } else {
    fitView();
  }
  network.on("afterDrawing", function () {
    if (settled && !window.kgReady) {
      window.kgReady = true;
      window.kgReadyAt = performance.now();
      status.hidden = true;
    }
  });
  network.on("dragEnd", function (p) { if (p.nodes.length) storePositions(p.nodes); });
  if (nodes.length === 0) {
    status.textContent = "This graph is empty.";
    window.kgReady = true;
  }

  // Fit the graph into the part of the canvas the legend does not cover.
  function fitView() {
    network.fit({ animation: false });
    var legendBox = document.getElementById("kg-legend").getBoundingClientRect();
    var width = document.getElementById("mynetwork").clientWidth;
    var inset = legendBox.width + 24;
    if (width <= 2 * inset) return;
    var scale = network.getScale() * (width - inset) / width;
    var at = network.getViewPosition();
    network.moveTo({ position: { x: at.x - inset / 2 / scale, y: at.y }, scale: scale, animation: false });
  }

  // --- the panel ---------------------------------------------------------
  network.on("hoverNode", function (p) { if (pinned === null) showDetails(p.node); });
  network.on("click", function (p) {
    if (p.nodes.length) { pinned = p.nodes[0]; showDetails(pinned); }
    else if (!p.edges.length) { pinned = null; showSummary(); }
  });

  var neighbours = null;  // built on first use: id -> [[relation, other id, outgoing]]
  function neighboursOf(id) {
    if (neighbours === null) {
      neighbours = new Map();
      edges.forEach(function (e) {
        push(neighbours, e.from, [e.label, e.to, true]);
        push(neighbours, e.to, [e.label, e.from, false]);
      });
    }
    return neighbours.get(id) || [];
  }

  function showDetails(id) {
    var d = details[id], n = nodes.get(id);
    if (!d || !n) { showSummary(); return; }
    var style = styleOf[n.group] || {};
    var kind = el("div", "kg-kind");
    kind.append(icon(style.shape, style.color), el("span", null, d.kind));
    var parts = [kind, el("h2", null, d.title)];
    if (d.rows.length) {
      var dl = el("dl");
      d.rows.forEach(function (row) {
        var dd = el("dd");
        dd.append(row[2] && nodes.get(row[2]) ? link(row[1], row[2]) : row[1]);
        dl.append(el("dt", null, row[0]), dd);
      });
      parts.push(dl);
    }
    var near = neighboursOf(id);
    if (near.length) {
      parts.push(el("h3", null, "Connections (" + near.length + ")"));
      var ul = el("ul", "kg-conn");
      near.slice(0, 40).forEach(function (c) {
        var other = nodes.get(c[1]);
        var li = el("li");
        li.append(el("span", "kg-rel", c[2] ? c[0] + " →" : "← " + c[0]),
                  link(other ? other.label : c[1], c[1]));
        ul.append(li);
      });
      if (near.length > 40) ul.append(el("li", "kg-note", "and " + (near.length - 40) + " more"));
      parts.push(ul);
    }
    parts.push(el("h3", null, "Evidence"));
    if (!d.evidence.length) parts.push(el("p", "kg-note", "No passage recorded."));
    d.evidence.forEach(function (ev) { parts.push(evidence(ev[0], ev[1])); });
    if (d.more) parts.push(el("p", "kg-note", "and " + d.more + " more passages"));
    panel.replaceChildren.apply(panel, parts);
    panel.scrollTop = 0;
  }

  function evidence(docIndex, text) {
    var doc = view.documents[docIndex] || { id: "?" };
    var fig = el("figure", "kg-evidence");
    var cap = el("figcaption");
    cap.append((doc.title ? doc.title + " · " : "") + doc.id + (doc.date ? " · " + doc.date : ""));
    if (doc.url && /^https?:\/\//i.test(doc.url)) {  // never a javascript: URL
      var a = el("a", null, "source");
      a.href = doc.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      cap.append(" · ", a);
    }
    fig.append(el("blockquote", null, text), cap);
    return fig;
  }

  function showSummary() {
    var parts = [el("h2", null, "Graph")];
    var ul = el("ul", "kg-stats");
    view.legend.forEach(function (row) { ul.append(el("li", null, row.count + " × " + row.label)); });
    ul.append(el("li", null, edges.length + " edges"), el("li", null, view.documents.length + " source documents"));
    parts.push(ul, el("p", "kg-note",
      "Hover over or click a node to see who or what it is and the sentences it was read from. " +
      "Search at the top; tick and untick classes in the legend to filter."));
    panel.replaceChildren.apply(panel, parts);
  }

  function select(id) {
    var n = nodes.get(id);
    if (!n) return;
    if (hiddenGroups.has(n.group)) setGroup(n.group, true);
    pinned = id;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1),
                        animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showDetails(id);
  }

  // --- legend and filters ------------------------------------------------
  var legend = document.getElementById("kg-legend");
  var boxes = {};
  var section = null;
  view.legend.forEach(function (row) {
    if (row.section !== section) { section = row.section; legend.append(el("h3", null, section)); }
    var label = el("label", "kg-filter");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.group = row.key;
    box.addEventListener("change", function () { setGroup(row.key, box.checked); });
    boxes[row.key] = box;
    label.append(box, icon(row.shape, row.color), el("span", "kg-label", row.label),
                 el("span", "kg-count", String(row.count)));
    legend.append(label);
  });
  var actions = el("div", "kg-legend-actions");
  actions.append(button("All", function () { setAll(true); }), button("None", function () { setAll(false); }));
  if (view.legend.length) legend.append(actions);

  function setGroup(key, on) { setGroups([key], on); }
  function setAll(on) { setGroups(view.legend.map(function (r) { return r.key; }), on); }
  function setGroups(keys, on) {
    keys.forEach(function (key) {
      if (on) hiddenGroups.delete(key); else hiddenGroups.add(key);
      if (boxes[key]) {
        boxes[key].checked = on;
        boxes[key].parentNode.classList.toggle("kg-off", !on);
      }
    });
    nodeView.refresh();
    edgeView.refresh();
  }

  // Nodes re-shown by a filter come back from the DataSet: keep it up to date.
  function storePositions(ids) {
    var pos = network.getPositions(ids);
    nodes.update(Object.keys(pos).map(function (id) { return { id: id, x: pos[id].x, y: pos[id].y }; }));
  }

  // --- search ------------------------------------------------------------
  var input = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var index = null;  // built on first keystroke: [lower-case text, id, rank]
  var active = 0;

  function searchIndex() {
    if (index === null) {
      index = [];
      nodes.forEach(function (n) {
        var d = details[n.id] || {};
        var names = [n.label, d.title || ""].concat(d.aliases || []);
        var isFact = (styleOf[n.group] || {}).section === "Commitments" || n.group === "Statement";
        index.push([names.join("\n").toLowerCase(), n.id, isFact ? 1 : 0, n.size || 0]);
      });
    }
    return index;
  }

  function search(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    searchIndex().forEach(function (entry) {
      var at = entry[0].indexOf(q);
      if (at < 0) return;
      var exact = entry[0].split("\n").indexOf(q) >= 0;
      var word = at === 0 || /[\s\n"“'(-]/.test(entry[0].charAt(at - 1));
      hits.push([exact ? 0 : word ? 1 : 2, entry[2], -entry[3], entry[1]]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : 1); });
    return hits.slice(0, 12).map(function (h) { return h[3]; });
  }

  function render(ids) {
    active = 0;
    var items = ids.map(function (id, i) {
      var n = nodes.get(id), style = styleOf[n.group] || {};
      var li = el("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === 0));
      li.dataset.id = id;
      li.append(icon(style.shape, style.color), el("span", "kg-name", n.label), el("span", "kg-tag", style.label || ""));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(id); });
      return li;
    });
    if (!items.length && input.value.trim()) items = [el("li", "kg-empty", "No match")];
    results.replaceChildren.apply(results, items);
    results.hidden = items.length === 0;
  }

  function choose(id) {
    results.hidden = true;
    select(id);
  }

  input.addEventListener("input", function () { render(search(input.value)); });
  input.addEventListener("keydown", function (ev) {
    var items = results.querySelectorAll("li[data-id]");
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!items.length) return;
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach(function (li, i) { li.setAttribute("aria-selected", String(i === active)); });
    } else if (ev.key === "Enter") {
      var ids = items.length ? null : search(input.value);
      var id = items.length ? items[active].dataset.id : ids[0];
      if (id !== undefined) choose(id);
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });
  input.addEventListener("blur", function () { results.hidden = true; });
  input.addEventListener("focus", function () { if (input.value.trim()) render(search(input.value)); });

  showSummary();

  // --- helpers -----------------------------------------------------------
  function readJson(id) { return JSON.parse(document.getElementById(id).textContent); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function link(text, id) {
    var b = el("button", "kg-link", text);
    b.type = "button";
    b.addEventListener("click", function () { select(id); });
    return b;
  }

  function button(text, onClick) {
    var b = el("button", null, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function push(map, key, value) {
    var list = map.get(key);
    if (list) list.push(value); else map.set(key, [value]);
  }

  function icon(shape, color) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 20 20");
    svg.setAttribute("width", "15");
    svg.setAttribute("height", "15");
    svg.setAttribute("class", "kg-icon");
    var s;
    if (shape === "square") {
      s = document.createElementNS(SVG, "rect");
      [["x", 3], ["y", 3], ["width", 14], ["height", 14]].forEach(function (a) { s.setAttribute(a[0], a[1]); });
    } else if (SHAPES[shape]) {
      s = document.createElementNS(SVG, "polygon");
      s.setAttribute("points", SHAPES[shape]);
    } else {
      s = document.createElementNS(SVG, "circle");
      [["cx", 10], ["cy", 10], ["r", 7.5]].forEach(function (a) { s.setAttribute(a[0], a[1]); });
    }
    s.setAttribute("fill", color || "#c7c7c7");
    s.setAttribute("stroke", "rgba(0,0,0,.35)");
    svg.append(s);
    return svg;
  }
})();
