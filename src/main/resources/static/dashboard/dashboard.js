// Draws the dashboard's charts from the figures the page carries in its JSON data block (#dashboard-data). The same
// figures are in the tables beside each chart; without this script the page still shows every number.
(function () {
  'use strict';

  var BLUE = '#0b57d0', ORANGE = '#b3541e', GREEN = '#1e7b34', PURPLE = '#6f3fb5', GREY = '#6e6e75', RED = '#a50e0e';
  var PRIORITY_COLOURS = { P1: RED, P2: ORANGE, P3: BLUE };

  function hours(seconds) {
    return seconds === null || seconds === undefined ? null : Math.round(seconds / 36) / 100;
  }

  function percent(ratio) {
    return ratio === null || ratio === undefined ? null : Math.round(ratio * 1000) / 10;
  }

  function line(label, values, colour, dashed) {
    return { label: label, data: values, borderColor: colour, backgroundColor: colour, borderDash: dashed ? [6, 4] : [],
             spanGaps: true, tension: 0.2, pointRadius: 3 };
  }

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) {
      return;
    }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom' } } }, config.options || {});
    new Chart(canvas, config);
  }

  function start() {
    var block = document.getElementById('dashboard-data');
    if (!block || typeof Chart === 'undefined') {
      return;
    }
    var data = JSON.parse(block.textContent);
    Chart.defaults.color = '#1d1d1f';
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

    var weeks = data.weeks;
    var labels = weeks.map(function (w) { return w.label; });
    draw('chart-times', {
      type: 'line',
      data: { labels: labels, datasets: [
        line('First response p90', weeks.map(function (w) { return hours(w.frtP90Seconds); }), BLUE, false),
        line('First response average', weeks.map(function (w) { return hours(w.frtAvgSeconds); }), BLUE, true),
        line('Resolution p90', weeks.map(function (w) { return hours(w.resolutionP90Seconds); }), ORANGE, false),
        line('Resolution average', weeks.map(function (w) { return hours(w.resolutionAvgSeconds); }), ORANGE, true)
      ] },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'hours' } } } }
    });
    draw('chart-quality', {
      type: 'line',
      data: { labels: labels, datasets: [
        line('SLA first response met', weeks.map(function (w) { return percent(w.slaResponse); }), GREEN, false),
        line('SLA resolution met', weeks.map(function (w) { return percent(w.slaResolution); }), PURPLE, false),
        line('First-contact resolution', weeks.map(function (w) { return percent(w.fcr); }), GREY, true)
      ] },
      options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } }
    });

    var groups = Object.keys(data.backlogByGroup);
    var priorities = ['P1', 'P2', 'P3'];
    draw('chart-backlog', {
      type: 'bar',
      data: { labels: groups, datasets: priorities.map(function (p) {
        return { label: p, backgroundColor: PRIORITY_COLOURS[p],
                 data: groups.map(function (g) { return data.backlogByGroup[g][p] || 0; }) };
      }) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });

    var scores = Object.keys(data.csat);
    draw('chart-csat', {
      type: 'bar',
      data: { labels: scores, datasets: [{ label: 'Answers', backgroundColor: BLUE,
        data: scores.map(function (s) { return data.csat[s]; }) }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });

    draw('chart-tags', {
      type: 'bar',
      data: { labels: data.tags.map(function (t) { return t.tag; }), datasets: [
        { label: 'This week', backgroundColor: BLUE, data: data.tags.map(function (t) { return t.thisWeek; }) },
        { label: 'Last week', backgroundColor: GREY, data: data.tags.map(function (t) { return t.lastWeek; }) }
      ] },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
