/// The stylesheet and the live-update script, served as files so that the Content-Security-Policy
/// can allow scripts and styles from this server only.
public enum StaticAssets {
    public static let styleSheet = """
    :root { --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --accent: #0b57d0; --mark: #fff3a3; --ok: #1a7f37; --bad: #b3261e; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: var(--ink); background: #fff; }
    header.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .6rem 1rem; border-bottom: 1px solid var(--line); background: #f6f8fa; }
    .brand { font-weight: 700; color: var(--ink); text-decoration: none; }
    nav a { margin-right: 1rem; color: var(--accent); text-decoration: none; }
    nav a[aria-current=page] { font-weight: 700; color: var(--ink); border-bottom: 2px solid var(--accent); }
    main { max-width: 1240px; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.5rem; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
    h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
    .en { color: var(--muted); font-size: .85em; font-weight: normal; }
    .muted { color: var(--muted); }
    .notice { padding: .6rem .8rem; border-left: 4px solid var(--accent); background: #f0f6ff; overflow-wrap: anywhere; }
    .table-wrap { overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
    th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
    th { background: #f6f8fa; font-weight: 600; white-space: nowrap; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    table.meta th { width: 11rem; }
    .step { display: inline-block; margin: 0 .35rem .2rem 0; padding: 0 .35rem; border: 1px solid var(--line); border-radius: 3px; color: var(--muted); white-space: nowrap; font-size: .85em; }
    .step.on { color: var(--ink); border-color: var(--ok); background: #e9f7ec; }
    .badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; border: 1px solid var(--line); font-size: .85em; white-space: nowrap; }
    .badge.done { border-color: var(--ok); color: var(--ok); }
    .badge.failed, .badge.dead { border-color: var(--bad); color: var(--bad); }
    .reason { color: var(--bad); font-size: .85em; overflow-wrap: anywhere; }
    .live { font-size: .85em; padding: 0 .4rem; border-radius: 3px; border: 1px solid var(--line); }
    .live.on { border-color: var(--ok); color: var(--ok); }
    .counts { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
    .count b { font-size: 1.3rem; }
    .panels { display: grid; grid-template-columns: 1fr 2fr; gap: 1rem; }
    .report-layout { display: grid; grid-template-columns: 17rem minmax(0, 1fr); gap: 1.5rem; }
    .toc { position: sticky; top: .5rem; align-self: start; max-height: 95vh; overflow-y: auto; font-size: .9em; }
    .toc ul { padding-left: 1rem; margin: .2rem 0; }
    .toc a { color: var(--accent); text-decoration: none; }
    .text p { margin: .4rem 0; overflow-wrap: anywhere; white-space: pre-wrap; }
    .text p.heading { font-weight: 700; margin-top: 1rem; }
    a.fig { background: #dbeafe; color: inherit; text-decoration: underline dotted; border-radius: 2px; }
    a.fig:target, tr:target { outline: 2px solid var(--accent); }
    mark.term { background: var(--mark); padding: 0 1px; }
    .hit { border-left: 4px solid #e3b341; padding-left: .5rem; }
    tr.target td:first-child { border-left: 3px solid #888; }
    .keywords a { display: inline-block; margin: 0 .4rem .3rem 0; padding: 0 .4rem; border: 1px solid var(--line); border-radius: 3px; text-decoration: none; color: var(--ink); }
    form.search { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin-bottom: 1rem; }
    form.search label { display: flex; flex-direction: column; font-size: .9em; }
    form.search .query { flex: 1 1 18rem; }
    form.search input, form.search select, form.search button { font: inherit; padding: .3rem .5rem; }
    .filters { display: flex; flex-wrap: wrap; gap: .5rem; }
    .filters input { width: 9rem; }
    ol.hits { padding-left: 1.5rem; }
    li.result { margin-bottom: 1rem; }
    .hit-title { font-weight: 600; }
    .snippet { margin: .2rem 0; overflow-wrap: anywhere; }
    td.verdict { white-space: nowrap; }
    td.verdict.met { color: var(--ok); }
    td.verdict.missed { color: var(--bad); font-weight: 600; }
    figure.chart { margin: 0; overflow-x: auto; }
    figure.chart svg { max-width: 100%; height: auto; }
    @media (max-width: 720px) {
      main { padding: .5rem; }
      .panels, .report-layout { grid-template-columns: 1fr; }
      .toc { position: static; max-height: none; }
      table.meta th { width: auto; }
      .filters input { width: 100%; }
      table.inbox .time { display: none; }
      table.inbox td, table.inbox th { padding: .3rem .25rem; }
      .step { margin-right: .15rem; padding: 0 .2rem; }
    }
    """

    /// Follows `/events` and swaps in the rows and the status panel the server renders.
    /// It only inserts HTML this server rendered (every report value escaped there).
    public static let liveScript = """
    (function () {
      'use strict';
      var state = document.getElementById('live-state');
      var table = document.querySelector('#inbox tbody');
      if (!state || !table || !window.EventSource) { return; }
      var source = new EventSource('/events?since=' + encodeURIComponent(state.getAttribute('data-since') || '0'));
      function show(chinese, english, on) {
        state.textContent = chinese + ' ';
        var en = document.createElement('span');
        en.className = 'en';
        en.textContent = english;
        state.appendChild(en);
        state.className = on ? 'live on' : 'live';
      }
      function parse(html) {
        var template = document.createElement('template');
        template.innerHTML = html;
        return template.content.firstElementChild;
      }
      source.onopen = function () { show('实时', 'live', true); };
      source.onerror = function () { show('重新连接中', 'reconnecting', false); };
      source.addEventListener('row', function (event) {
        var message = JSON.parse(event.data);
        var row = parse(message.html);
        var existing = document.getElementById('r-' + message.id);
        if (existing) { existing.replaceWith(row); } else { table.insertBefore(row, table.firstChild); }
        var empty = document.getElementById('inbox-empty');
        if (empty) { empty.remove(); }
      });
      source.addEventListener('status', function (event) {
        document.getElementById('status').innerHTML = JSON.parse(event.data).html;
      });
    })();
    """
}
