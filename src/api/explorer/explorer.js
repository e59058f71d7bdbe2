// The Laurel explorer: GraphiQL (from the server's own copy of the graphiql
// package, no CDN) with an "Examples" panel listing the operations of
// docs/queries.graphql. Plain browser script: React, ReactDOM and GraphiQL
// are globals of the bundles the page loads before it.
(function () {
  'use strict';

  var root = document.getElementById('explorer');
  var config = JSON.parse(document.getElementById('laurel-explorer-config').textContent);
  var examples = config.examples;
  var h = React.createElement;
  var useEditorContext = GraphiQL.React.useEditorContext;

  var START = '# Pick an example from the Examples panel on the left, or write a query.\n# Ctrl-Enter runs it; Ctrl-Space completes.\n';

  function variablesText(example) {
    return example.variables ? JSON.stringify(example.variables, null, 2) : '';
  }

  function isBlank(query) {
    var q = (query || '').trim();
    return q === '' || q === START.trim() || examples.some(function (e) { return e.query.trim() === q; });
  }

  function ExamplesIcon(props) {
    return h(
      'svg',
      Object.assign({ viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5 }, props),
      h('path', { d: 'M5 4h10l4 4v12H5z M15 4v4h4 M8 12h8 M8 15h8 M8 18h5' }),
    );
  }

  function ExamplesPanel() {
    var editor = useEditorContext({ nonNull: true });

    function open(example) {
      var load = function () {
        if (editor.queryEditor) editor.queryEditor.setValue(example.query);
        if (editor.variableEditor) editor.variableEditor.setValue(variablesText(example));
        // GraphiQL learns the operation's name from the editor 100 ms after a
        // change (longer on a busy machine); ▶ pressed before that would ask
        // for the previous example's operation. Name it at once.
        editor.setOperationName(example.name);
      };
      var same = function (query) { return (query || '').trim() === example.query.trim(); };
      var current = editor.queryEditor ? editor.queryEditor.getValue() : '';
      if (same(current)) return;
      // Stored tab state lags behind typing, so the active tab is judged by its editor.
      var index = editor.tabs.findIndex(function (t, i) { return i !== editor.activeTabIndex && same(t.query); });
      if (index >= 0) {
        editor.changeTab(index);
      } else if (isBlank(current)) {
        load();
      } else {
        // Keep the user's own query: the example gets a tab of its own. The new
        // tab's editors are filled once GraphiQL has switched to it.
        editor.addTab();
        setTimeout(load, 0);
      }
    }

    return h(
      'section',
      { className: 'laurel-examples', 'aria-label': 'Example queries' },
      h('div', { className: 'graphiql-doc-explorer-title' }, 'Examples'),
      h('p', { className: 'laurel-examples-hint' }, 'From docs/queries.graphql. Choose one, then run it with the ▶ button or Ctrl-Enter.'),
      h(
        'ul',
        null,
        examples.map(function (example) {
          return h(
            'li',
            { key: example.name },
            h(
              'button',
              { type: 'button', className: 'laurel-example', 'data-example': example.name, onClick: function () { open(example); } },
              h('span', { className: 'laurel-example-name' }, example.name, example.kind === 'query' ? null : h('span', { className: 'laurel-example-kind' }, example.kind)),
              example.description ? h('span', { className: 'laurel-example-description' }, example.description) : null,
            ),
          );
        }),
      ),
    );
  }

  // Hands the result on screen to the graph view, when it holds a network or a path.
  function DrawButton() {
    var editor = useEditorContext({ nonNull: true });
    function draw() {
      var text = editor.responseEditor ? editor.responseEditor.getValue() : '';
      var data = null;
      try { data = JSON.parse(text).data; } catch (e) { data = null; }
      var found = data && (data.network || data.path) ? { network: data.network, path: data.path } : null;
      if (!found) {
        window.alert('Run a network or path query first (select nodes { id } and edges or hops); the graph view draws its result.');
        return;
      }
      sessionStorage.setItem('laurel-graph-result', JSON.stringify(found));
      window.open(config.graphViewUrl + '?result=explorer', '_blank');
    }
    return h(GraphiQL.React.ToolbarButton, { onClick: draw, label: 'Draw this network or path in the graph view' }, h('span', { className: 'laurel-draw' }, '◎'));
  }

  var first = examples[0];
  // GraphiQL 4.1 fills the variables editor from its storage or the
  // `variables` prop only, never from the first default tab: on a first
  // visit (nothing stored yet), give it the first example's variables, or
  // that example runs without them.
  var firstVisit = !Object.keys(localStorage).some(function (key) { return key.indexOf(config.storageNamespace + ':') === 0; });
  var element = h(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: config.graphqlUrl }),
    // Tabs and editors persist in the browser; a new examples file starts afresh.
    storage: GraphiQL.createLocalStorage({ namespace: config.storageNamespace }),
    defaultQuery: START,
    defaultTabs: first ? [{ query: first.query, variables: variablesText(first) }] : undefined,
    variables: firstVisit && first ? variablesText(first) : undefined,
    defaultEditorToolsVisibility: first && first.variables ? 'variables' : undefined,
    plugins: [{ title: 'Examples', icon: ExamplesIcon, content: ExamplesPanel }],
  },
  h(GraphiQL.Logo, null, h('a', { href: config.graphViewUrl, className: 'laurel-graph-link' }, 'Graph view →')),
  h(GraphiQL.Toolbar, null, function (tools) { return h(React.Fragment, null, tools.prettify, tools.copy, tools.merge, h(DrawButton)); }));
  root.classList.remove('laurel-loading');
  ReactDOM.createRoot(root).render(element);

  // Open the Examples panel as a click on its sidebar button would: GraphiQL
  // 4.1 keeps the plugin pane collapsed when `visiblePlugin` is given as a prop.
  (function showExamples(frames) {
    var button = document.querySelector('.graphiql-sidebar button[aria-label="Show Examples"]');
    if (button) button.click();
    else if (frames > 0) requestAnimationFrame(function () { showExamples(frames - 1); });
  })(120);
})();
