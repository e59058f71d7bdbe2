// The Laurel graph view: draws `network` and `path` results with Cytoscape.js
// (served by this server from its npm package, no CDN). Search a name to
// start; click a node to expand its neighbourhood, an edge to read the
// sentences that state its facts, with links to their articles; save the
// picture as PNG or SVG; download the neighbourhood as GraphML, CSV or JSON.
// Plain browser script: `cytoscape` is the global of the bundle loaded before it.
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('laurel-graph-config').textContent);
  var styles = config.labels;
  var $ = function (id) { return document.getElementById(id); };
  var statusLine = $('status');
  var details = $('details');
  var currentCenter = null;

  // ---- GraphQL

  function gql(query, variables) {
    return fetch(config.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: query, variables: variables || {} }),
    })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (body.errors && body.errors.length) throw new Error(body.errors.map(function (e) { return e.message; }).join('; '));
        return body.data;
      });
  }

  var NETWORK = 'query ($id: ID!, $depth: Int!, $limit: Int!) { network(center: { id: $id }, depth: $depth, limit: $limit) {' +
    ' truncated nodes { id label type depth } edges { id source target type label factCount } } }';
  var SEARCH = 'query ($text: String!) { search(text: $text, first: 12) { edges { node { id name type } } } }';
  var FACTS = 'query ($from: ID!, $to: ID!) { path(from: { id: $from }, to: { id: $to }, maxHops: 1) { hops { facts(first: 100) {' +
    ' type from { id name } to { id name } year position provenance support' +
    ' evidences { sentence start end } article { id title date newspaper source } } } } }';
  var PATH = 'query ($from: ID!, $to: ID!) { path(from: { id: $from }, to: { id: $to }, maxHops: 6) { length' +
    ' nodes { id name type } hops { facts(first: 100) { type from { id } to { id } year position } } } }';
  var ARTICLE = 'query ($id: ID!) { article(id: $id) { id title date newspaper page source text } }';

  // ---- Drawing

  function typeOf(node) {
    if (node.type && styles[node.type]) return node.type;
    if (node.__typename && styles[node.__typename]) return node.__typename;
    var prefix = String(node.id || '').split(':')[0];
    return styles[prefix] ? prefix : 'Organization';
  }

  var cy = cytoscape({
    container: $('cy'),
    wheelSensitivity: 0.3,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-family': config.fonts,
          'font-size': 13,
          color: '#1f2328',
          'text-valign': 'bottom',
          'text-margin-y': 5,
          'text-wrap': 'wrap',
          'text-max-width': 140,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': 2,
          'border-width': 2,
        },
      },
    ]
      .concat(Object.keys(styles).map(function (label) {
        var s = styles[label];
        return { selector: 'node[type = "' + label + '"]', style: { shape: s.shape, 'background-color': s.color, 'border-color': s.border, width: s.size, height: s.size } };
      }))
      .concat([
        { selector: 'node.center', style: { 'border-width': 5, 'border-color': '#1f2328' } },
        { selector: 'node:selected', style: { 'overlay-color': '#1f2328', 'overlay-opacity': 0.15 } },
        {
          selector: 'edge',
          style: {
            label: 'data(label)',
            'font-family': config.fonts,
            'font-size': 10,
            color: '#4b5563',
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': 1,
            width: 'mapData(facts, 1, 10, 1.5, 6)',
            'line-color': 'data(colour)',
            'target-arrow-color': 'data(colour)',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            'arrow-scale': 0.9,
          },
        },
        { selector: 'edge:selected', style: { width: 6, 'z-index': 10 } },
      ]),
    layout: { name: 'preset' },
  });
  window.laurelGraph = cy; // for the curious in the console, and for the tests

  function addNode(n, depth) {
    var type = typeOf(n);
    var label = n.label || n.name || String(n.id).slice(String(n.id).indexOf(':') + 1);
    if (cy.getElementById(n.id).nonempty()) return;
    cy.add({ group: 'nodes', data: { id: n.id, label: label, type: type, depth: depth || 0 } });
  }

  function addEdge(e) {
    var id = e.id || e.type + ':' + e.source + '->' + e.target;
    if (cy.getElementById(id).nonempty()) return;
    if (cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) return;
    cy.add({
      group: 'edges',
      data: { id: id, source: e.source, target: e.target, type: e.type, label: e.label || e.type, facts: e.factCount || 1, colour: config.relations[e.type] || '#888' },
    });
  }

  function relayout(fresh) {
    var layout = cy.layout({
      name: 'cose',
      animate: false,
      randomize: !!fresh,
      fit: true,
      padding: 40,
      nodeRepulsion: function () { return 9000; },
      idealEdgeLength: function () { return 110; },
      nodeDimensionsIncludeLabels: true,
    });
    var done = new Promise(function (resolve) { layout.one('layoutstop', resolve); });
    layout.run();
    return done;
  }

  function drawNetwork(net, fresh) {
    if (fresh) cy.elements().remove();
    cy.batch(function () {
      net.nodes.forEach(function (n) { addNode(n, n.depth); });
      net.edges.forEach(addEdge);
    });
    return relayout(fresh);
  }

  function setStatus(text, isError) {
    statusLine.textContent = text;
    statusLine.className = isError ? 'error' : '';
  }

  function showCenter(id, depth) {
    currentCenter = { id: id, depth: depth };
    updateDownloads();
    setStatus('Loading the neighbourhood of ' + id + '…');
    return gql(NETWORK, { id: id, depth: depth, limit: config.limit })
      .then(function (d) {
        return drawNetwork(d.network, true).then(function () {
          cy.nodes().removeClass('center');
          cy.getElementById(id).addClass('center');
          setStatus(d.network.nodes.length + ' entities, ' + d.network.edges.length + ' edges' + (d.network.truncated ? ' (more within reach: click a node to expand it)' : '') + '. Click a node to expand it, an edge to read its evidence.');
          history.replaceState(null, '', '?center=' + encodeURIComponent(id) + '&depth=' + depth);
        });
      })
      .catch(function (err) { setStatus(err.message, true); });
  }

  function expand(node) {
    setStatus('Expanding ' + node.data('label') + '…');
    return gql(NETWORK, { id: node.id(), depth: 1, limit: config.limit })
      .then(function (d) {
        var before = cy.nodes().length;
        return drawNetwork(d.network, false).then(function () {
          setStatus('Expanded ' + node.data('label') + ': ' + (cy.nodes().length - before) + ' new entities; ' + cy.nodes().length + ' shown.');
        });
      })
      .catch(function (err) { setStatus(err.message, true); });
  }

  function drawPath(fromId, toId) {
    setStatus('Looking for a path…');
    return gql(PATH, { from: fromId, to: toId })
      .then(function (d) {
        if (!d.path) {
          setStatus('No connection within 6 facts between ' + fromId + ' and ' + toId + '.');
          return;
        }
        var edges = [];
        d.path.hops.forEach(function (hop) {
          hop.facts.forEach(function (f) {
            edges.push({ source: f.from.id, target: f.to.id, type: f.type, label: f.type + (f.year ? ' ' + f.year : f.position ? ' ' + f.position : '') });
          });
        });
        currentCenter = { id: fromId, depth: 1 };
        updateDownloads();
        return drawNetwork({ nodes: d.path.nodes, edges: edges }, true).then(function () {
          cy.getElementById(fromId).addClass('center');
          cy.getElementById(toId).addClass('center');
          setStatus('A path of ' + d.path.length + ' fact(s). Click an edge to read its evidence.');
        });
      })
      .catch(function (err) { setStatus(err.message, true); });
  }

  // ---- Details: a node, an edge's evidence, an article

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.append(c instanceof Node ? c : document.createTextNode(String(c))); });
    return e;
  }

  function articleLink(article, evidence) {
    var name = article.title || article.id;
    var href = '?article=' + encodeURIComponent(article.id) + (evidence ? '&start=' + evidence.start + '&end=' + evidence.end : '');
    var link = el('a', { href: href, class: 'article-link', 'data-article': article.id }, [name]);
    link.addEventListener('click', function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
      ev.preventDefault();
      showArticle(article.id, evidence);
    });
    var meta = [article.newspaper, article.date].filter(Boolean).join(' · ');
    var parts = [link];
    if (meta) parts.push(' (' + meta + ')');
    if (/^https?:\/\//.test(article.source || '')) parts.push(' ', el('a', { href: article.source, rel: 'noopener', target: '_blank' }, ['original ↗']));
    return el('span', {}, parts);
  }

  function showEdge(edge) {
    var d = edge.data();
    details.replaceChildren(el('h2', {}, [cy.getElementById(d.source).data('label') + ' → ' + cy.getElementById(d.target).data('label')]), el('p', { class: 'muted' }, ['Loading the evidence…']));
    return gql(FACTS, { from: d.source, to: d.target })
      .then(function (r) {
        var facts = r.path ? r.path.hops[0].facts.filter(function (f) { return f.type === d.type && f.from.id === d.source; }) : [];
        var list = el('ol', { class: 'facts' }, facts.map(function (f) {
          var head = [el('strong', {}, [f.type]), f.year ? ' ' + f.year : '', f.position ? ' · ' + f.position : ''];
          if (f.provenance === 'LEXICON') {
            return el('li', { class: 'fact' }, head.concat([el('p', { class: 'muted' }, ["From Laurel's honours lexicon, asserted by " + f.support + ' article(s); no sentence states it.'])]));
          }
          var sentences = el('ul', { class: 'evidence' }, f.evidences.map(function (e, i) {
            return el('li', { class: i === 0 ? 'first' : '' }, [el('q', {}, [e.sentence])]);
          }));
          return el('li', { class: 'fact' }, head.concat([sentences, el('p', {}, ['Article: ', articleLink(f.article, f.evidences[0])])]));
        }));
        details.replaceChildren(
          el('h2', {}, [cy.getElementById(d.source).data('label') + ' → ' + cy.getElementById(d.target).data('label')]),
          el('p', { class: 'muted' }, [d.type + ': ' + facts.length + ' fact(s), one per supporting article; the most explicit sentence first.']),
          list,
        );
      })
      .catch(function (err) { details.replaceChildren(el('p', { class: 'error' }, [err.message])); });
  }

  function showNode(node) {
    var d = node.data();
    details.replaceChildren(
      el('h2', {}, [d.label]),
      el('p', {}, [styles[d.type].legend + ' · ', el('code', {}, [d.id])]),
      el('p', { class: 'muted' }, ['Its neighbourhood is added to the picture. ', el('a', { href: '?center=' + encodeURIComponent(d.id) + '&depth=1' }, ['Centre on it'])]),
    );
  }

  function showArticle(id, evidence) {
    details.replaceChildren(el('p', { class: 'muted' }, ['Loading article ' + id + '…']));
    return gql(ARTICLE, { id: id })
      .then(function (d) {
        var a = d.article;
        if (!a) throw new Error('no article ' + id);
        var text = a.text || '';
        var body = el('div', { class: 'article-text' });
        if (evidence && evidence.end > evidence.start) {
          var mark = el('mark', {}, [text.slice(evidence.start, evidence.end)]);
          body.append(text.slice(0, evidence.start), mark, text.slice(evidence.end));
          setTimeout(function () { mark.scrollIntoView({ block: 'center' }); }, 0);
        } else {
          body.append(text);
        }
        details.replaceChildren(
          el('h2', {}, [a.title || a.id]),
          el('p', { class: 'muted' }, [[a.newspaper, a.page && 'p. ' + a.page, a.date, a.id].filter(Boolean).join(' · ')]),
          body,
        );
      })
      .catch(function (err) { details.replaceChildren(el('p', { class: 'error' }, [err.message])); });
  }

  cy.on('tap', 'node', function (ev) {
    showNode(ev.target);
    expand(ev.target);
  });
  cy.on('tap', 'edge', function (ev) { showEdge(ev.target); });

  // ---- Search, path, saving, downloads

  var search = $('search');
  var suggestions = $('suggestions');
  var byLabel = {};
  var pending;
  search.addEventListener('input', function () {
    clearTimeout(pending);
    var text = search.value.trim();
    if (!text) return;
    pending = setTimeout(function () {
      gql(SEARCH, { text: text }).then(function (d) {
        byLabel = {};
        suggestions.replaceChildren.apply(suggestions, d.search.edges.map(function (e) {
          var label = e.node.name + ' · ' + e.node.type;
          byLabel[label] = e.node.id;
          return el('option', { value: label });
        }));
      }).catch(function () {});
    }, 200);
  });

  function resolve(text) {
    text = text.trim();
    if (byLabel[text]) return Promise.resolve(byLabel[text]);
    if (/^(Person|Title|Award|Union|Company|Organization):/.test(text)) return Promise.resolve(text);
    return gql(SEARCH, { text: text }).then(function (d) {
      var exact = d.search.edges.filter(function (e) { return e.node.name === text; })[0] || d.search.edges[0];
      if (!exact) throw new Error('nothing in the graph is named like ' + text);
      return exact.node.id;
    });
  }

  $('start').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var depth = Number($('depth').value);
    resolve(search.value).then(function (id) { return showCenter(id, depth); }).catch(function (err) { setStatus(err.message, true); });
  });

  $('path-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    Promise.all([resolve($('from').value), resolve($('to').value)])
      .then(function (ids) { return drawPath(ids[0], ids[1]); })
      .catch(function (err) { setStatus(err.message, true); });
  });

  function download(name, blob) {
    var a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function fileBase() {
    return 'laurel-' + (currentCenter ? currentCenter.id.replace(/[^\w\u3400-\u9fff]+/g, '-') : 'graph');
  }

  $('save-png').addEventListener('click', function () {
    download(fileBase() + '.png', cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
  });
  $('save-svg').addEventListener('click', function () {
    download(fileBase() + '.svg', new Blob([toSvg()], { type: 'image/svg+xml' }));
  });

  /** The picture as SVG, from the positions and styles Cytoscape computed. */
  function toSvg() {
    var box = cy.elements().boundingBox({ includeLabels: true });
    var pad = 20;
    var esc = function (s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); };
    var out = [
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="' + [box.x1 - pad, box.y1 - pad, box.w + 2 * pad, box.h + 2 * pad].join(' ') + '" width="' + Math.ceil(box.w + 2 * pad) + '" height="' + Math.ceil(box.h + 2 * pad) + '">',
      '<style>text { font-family: ' + esc(config.fonts) + '; }</style>',
      '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6b7280"/></marker></defs>',
      '<rect x="' + (box.x1 - pad) + '" y="' + (box.y1 - pad) + '" width="' + (box.w + 2 * pad) + '" height="' + (box.h + 2 * pad) + '" fill="#ffffff"/>',
    ];
    cy.edges().forEach(function (e) {
      var s = e.sourceEndpoint();
      var t = e.targetEndpoint();
      var m = e.midpoint();
      var c = e.data('colour');
      out.push('<path d="M' + s.x + ',' + s.y + ' Q' + (2 * m.x - (s.x + t.x) / 2) + ',' + (2 * m.y - (s.y + t.y) / 2) + ' ' + t.x + ',' + t.y + '" fill="none" stroke="' + c + '" stroke-width="' + e.numericStyle('width') + '" marker-end="url(#arrow)"/>');
      out.push('<text x="' + m.x + '" y="' + m.y + '" font-size="10" fill="#4b5563" text-anchor="middle" dominant-baseline="central" paint-order="stroke" stroke="#ffffff" stroke-width="3">' + esc(e.data('label')) + '</text>');
    });
    cy.nodes().forEach(function (n) {
      var p = n.position();
      var s = styles[n.data('type')];
      var r = n.width() / 2;
      var shape;
      if (s.shape === 'ellipse') shape = '<circle cx="' + p.x + '" cy="' + p.y + '" r="' + r + '"';
      else if (s.shape === 'rectangle' || s.shape === 'round-rectangle' || s.shape === 'barrel') shape = '<rect x="' + (p.x - r) + '" y="' + (p.y - r) + '" width="' + 2 * r + '" height="' + 2 * r + '" rx="' + (s.shape === 'rectangle' ? 0 : r / 3) + '"';
      else shape = '<polygon points="' + polygon(s.shape, p, r) + '"';
      out.push(shape + ' fill="' + s.color + '" stroke="' + (n.hasClass('center') ? '#1f2328' : s.border) + '" stroke-width="' + (n.hasClass('center') ? 5 : 2) + '"/>');
      out.push('<text x="' + p.x + '" y="' + (p.y + r + 16) + '" font-size="13" fill="#1f2328" text-anchor="middle" paint-order="stroke" stroke="#ffffff" stroke-width="3">' + esc(n.data('label')) + '</text>');
    });
    out.push('</svg>');
    return out.join('\n');
  }

  function polygon(shape, p, r) {
    var corners = shape === 'star' ? 10 : shape === 'diamond' ? 4 : 6;
    var pts = [];
    for (var i = 0; i < corners; i++) {
      var a = (Math.PI * 2 * i) / corners - Math.PI / 2;
      var rr = shape === 'star' && i % 2 ? r * 0.45 : r;
      pts.push((p.x + rr * Math.cos(a)).toFixed(1) + ',' + (p.y + rr * Math.sin(a)).toFixed(1));
    }
    return pts.join(' ');
  }

  function updateDownloads() {
    var links = document.querySelectorAll('[data-export]');
    links.forEach(function (a) {
      var q = currentCenter ? '?center=' + encodeURIComponent(currentCenter.id) + '&depth=' + currentCenter.depth : '';
      a.setAttribute('href', config.exportPath + '/' + a.getAttribute('data-export') + q);
    });
    $('export-scope').textContent = currentCenter ? 'this neighbourhood' : 'the whole graph';
  }

  // ---- Legend and start

  $('legend').replaceChildren.apply($('legend'), Object.keys(styles).filter(function (l) { return l !== 'Article'; }).map(function (label) {
    var s = styles[label];
    var swatch = el('span', { class: 'swatch shape-' + s.shape, style: 'background:' + s.color + ';border-color:' + s.border });
    return el('li', { 'data-label': label }, [swatch, s.legend]);
  }).concat(Object.keys(config.relations).filter(function (t) { return t !== 'MENTIONS'; }).map(function (type) {
    return el('li', { class: 'relation' }, [el('span', { class: 'line', style: 'background:' + config.relations[type] }), type]);
  })));

  updateDownloads();
  var params = new URLSearchParams(location.search);
  if (params.get('article')) {
    var start = params.get('start');
    showArticle(params.get('article'), start === null ? null : { start: Number(start), end: Number(params.get('end')) });
  }
  if (params.get('center')) {
    search.value = params.get('center');
    $('depth').value = params.get('depth') || '1';
    showCenter(params.get('center'), Number($('depth').value));
  } else if (params.get('name')) {
    search.value = params.get('name');
    resolve(params.get('name')).then(function (id) { return showCenter(id, Number(params.get('depth') || 1)); }).catch(function (err) { setStatus(err.message, true); });
  } else if (params.get('from') && params.get('to')) {
    $('from').value = params.get('from');
    $('to').value = params.get('to');
    Promise.all([resolve(params.get('from')), resolve(params.get('to'))]).then(function (ids) { return drawPath(ids[0], ids[1]); }).catch(function (err) { setStatus(err.message, true); });
  } else if (params.get('result') === 'explorer') {
    drawExplorerResult();
  } else {
    setStatus('Search a name to start: a person, an honour, a union, a company or an organisation.');
  }

  /** A `network` or `path` result the explorer handed over (its "Draw" button). */
  function drawExplorerResult() {
    var data;
    try { data = JSON.parse(sessionStorage.getItem('laurel-graph-result') || 'null'); } catch (e) { data = null; }
    var net = data && (data.network || null);
    var path = data && data.path;
    if (path) {
      var edges = [];
      (path.hops || []).forEach(function (hop, i) {
        var from = path.nodes[i].id;
        var to = path.nodes[i + 1].id;
        var facts = hop.facts || [{ type: 'LINK' }];
        facts.forEach(function (f) { edges.push({ source: f.from && f.from.id || from, target: f.to && f.to.id || to, type: f.type, label: f.type + (f.year ? ' ' + f.year : '') }); });
      });
      net = { nodes: path.nodes, edges: edges };
    }
    if (!net || !net.nodes) {
      setStatus('The explorer result has no network or path with node ids to draw; select nodes { id } in your query.', true);
      return;
    }
    drawNetwork(net, true).then(function () { setStatus('Drawn from the explorer: ' + net.nodes.length + ' entities.'); });
  }
})();
