// The subsidy dashboard: totals and latest decisions from the HTTP API, kept live by the
// server-sent events of /events, drawn as plain SVG. No framework, no build step, works offline.
(function () {
  "use strict";

  var ZONES = { ZGC: "中关村", ZJ: "张江", XA: "西安", BH: "天津滨海", SIP: "苏州工业园区" };
  var ZONE_ORDER = ["ZGC", "ZJ", "XA", "BH", "SIP"];
  var PROGRAMMES = [
    { code: "RENT_RELIEF", zh: "房租减免", en: "Rent relief", colour: "var(--rent)" },
    { code: "RD_SUPER_DEDUCTION", zh: "研发加计扣除", en: "R&D super-deduction", colour: "var(--rd)" },
    { code: "INNOVATION_CREDIT_LOAN", zh: "科创信用贷", en: "Innovation loan", colour: "var(--loan)" }
  ];
  var STATUSES = [
    { code: "APPROVED", label: "approved 批准", field: "approved" },
    { code: "WAITLISTED", label: "waitlisted 候补", field: "waitlisted" },
    { code: "REJECTED", label: "rejected 驳回", field: "rejected" },
    { code: "WITHDRAWN", label: "withdrawn 撤回", field: "withdrawn" }
  ];
  var LATEST = 25;
  var REFRESH_MS = 10000;
  var SVG = "http://www.w3.org/2000/svg";

  var totals = {}; // "ZONE:PROGRAMME:YEAR" -> Totals
  var latest = []; // newest first
  var year = null;
  var renderPending = false;

  // ---- formatting -------------------------------------------------------------------------

  function yuan(value) {
    var n = Number(value || 0);
    var abs = Math.abs(n), sign = n < 0 ? "−¥" : "¥";
    if (abs >= 1e8) return sign + (abs / 1e8).toFixed(2) + "亿";
    if (abs >= 1e4) return sign + (abs / 1e4).toLocaleString("zh-CN", { maximumFractionDigits: 1 }) + "万";
    return sign + abs.toLocaleString("zh-CN", { maximumFractionDigits: 0 });
  }

  function count(n) {
    return Number(n || 0).toLocaleString("en-US");
  }

  function zoneLabel(code) {
    if (!code) return "—";
    if (code === "UNKNOWN") return "未登记 unregistered";
    return ZONES[code] ? ZONES[code] + " " + code : code;
  }

  function programme(code) {
    for (var i = 0; i < PROGRAMMES.length; i++) if (PROGRAMMES[i].code === code) return PROGRAMMES[i];
    return { code: code, zh: code, en: code, colour: "var(--muted)" };
  }

  // Event time, shown as China Standard Time (UTC+8).
  function cst(iso) {
    var d = new Date(Date.parse(iso) + 8 * 3600 * 1000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getUTCFullYear() + "-" + two(d.getUTCMonth() + 1) + "-" + two(d.getUTCDate()) + " "
      + two(d.getUTCHours()) + ":" + two(d.getUTCMinutes());
  }

  // ---- DOM and SVG helpers ----------------------------------------------------------------

  function svgEl(tag, attrs, parent, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  function el(tag, attrs, parent, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  // ---- data -------------------------------------------------------------------------------

  function key(t) {
    return t.zone + ":" + t.programme + ":" + t.year;
  }

  function putTotals(t) {
    var old = totals[key(t)];
    // Totals carry their event time; never let an older one replace a newer one.
    if (!old || Date.parse(t.updatedAt) >= Date.parse(old.updatedAt)) totals[key(t)] = t;
  }

  function rowsOfYear() {
    var out = [];
    for (var k in totals) if (totals[k].year === year) out.push(totals[k]);
    return out;
  }

  function zonesOf(rows) {
    var seen = {};
    rows.forEach(function (t) { if (t.zone !== "ALL") seen[t.zone] = true; });
    var zones = ZONE_ORDER.filter(function (z) { return seen[z]; });
    Object.keys(seen).sort().forEach(function (z) { if (zones.indexOf(z) < 0) zones.push(z); });
    return zones;
  }

  function find(rows, zone, prog) {
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].zone === zone && rows[i].programme === prog) return rows[i];
    }
    return null;
  }

  function addDecision(d) {
    for (var i = 0; i < latest.length; i++) {
      if (latest[i].applicationId === d.applicationId && latest[i].sequence >= d.sequence) return false;
    }
    latest = latest.filter(function (x) { return x.applicationId !== d.applicationId; });
    latest.unshift(d);
    // Newest event time first, as /decisions/latest orders them; partitions emit out of order.
    latest.sort(function (a, b) { return Date.parse(b.decidedAt) - Date.parse(a.decidedAt); });
    if (latest.length > LATEST) latest.length = LATEST;
    return true;
  }

  // ---- rendering --------------------------------------------------------------------------

  function scheduleRender() {
    if (renderPending) return;
    renderPending = true;
    setTimeout(function () { renderPending = false; render(); }, 300);
  }

  function render() {
    renderYears();
    var rows = rowsOfYear();
    renderTiles(rows);
    renderApproved(rows);
    renderBudget(rows);
    renderStatus(rows);
    renderLatest();
    document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString("zh-CN");
  }

  function renderYears() {
    var years = {};
    for (var k in totals) years[totals[k].year] = true;
    var list = Object.keys(years).map(Number).sort();
    if (year === null && list.length) year = list.indexOf(2022) >= 0 ? 2022 : list[0];
    var select = document.getElementById("year");
    if (select.options.length !== list.length) {
      clear(select);
      list.forEach(function (y) {
        var o = el("option", { value: y }, select, String(y));
        if (y === year) o.selected = true;
      });
    }
  }

  function renderTiles(rows) {
    var sum = { received: 0, approved: 0, approvedAmount: 0, waitlisted: 0, rejected: 0, withdrawn: 0 };
    rows.filter(function (t) { return t.zone === "ALL"; }).forEach(function (t) {
      for (var f in sum) sum[f] += Number(t[f] || 0);
    });
    var tiles = [
      ["Received 受理", count(sum.received)],
      ["Approved 批准", count(sum.approved)],
      ["Approved amount 批准金额", yuan(sum.approvedAmount)],
      ["Waitlisted 候补", count(sum.waitlisted)],
      ["Rejected 驳回", count(sum.rejected)],
      ["Withdrawn 撤回", count(sum.withdrawn)]
    ];
    var box = document.getElementById("tiles");
    clear(box);
    tiles.forEach(function (t) {
      var div = el("div", { "class": "tile" }, box);
      el("div", { "class": "label" }, div, t[0]);
      el("div", { "class": "value", "data-tile": t[0].split(" ")[0].toLowerCase() }, div, t[1]);
    });
  }

  // Horizontal stacked bars in sections, each with its own scale: [{title, rows}], a row being
  // {label, segments: [{value, colour, series, title}], value (text at the end of the bar)}.
  function barChart(svg, sections, opts) {
    clear(svg);
    var width = 640, labelW = opts.labelWidth || 130, valueW = opts.valueWidth || 150;
    var rowH = 24, barH = 15, headH = 22;
    var plotW = width - labelW - valueW;
    var y = 4;
    var drawn = 0;
    sections.forEach(function (section) {
      if (!section.rows.length) return;
      var max = 0;
      section.rows.forEach(function (r) {
        max = Math.max(max, r.segments.reduce(function (a, s) { return a + Math.max(0, s.value); }, 0));
      });
      if (section.title) {
        svgEl("text", { x: 0, y: y + 14, "font-weight": "600" }, svg, section.title);
        if (opts.axis) {
          svgEl("text", { x: labelW + plotW, y: y + 14, "text-anchor": "end", "class": "muted" }, svg,
            "max " + opts.axis(max));
        }
        y += headH;
      }
      section.rows.forEach(function (r) {
        svgEl("line", { x1: labelW, x2: labelW + plotW, y1: y + barH / 2, y2: y + barH / 2,
          "class": "grid-line" }, svg);
        svgEl("text", { x: labelW - 8, y: y + barH - 3, "text-anchor": "end" }, svg, r.label);
        var x = labelW;
        r.segments.forEach(function (s) {
          var w = max > 0 ? plotW * Math.max(0, s.value) / max : 0;
          if (w <= 0) return;
          var rect = svgEl("rect", { x: x, y: y, width: Math.max(w, 1), height: barH, rx: 2,
            fill: s.colour, "data-series": s.series || "" }, svg);
          svgEl("title", {}, rect, s.title);
          x += w;
        });
        svgEl("text", { x: labelW + plotW + 8, y: y + barH - 3, "class": r.valueClass || "" }, svg, r.value);
        y += rowH;
        drawn++;
      });
      y += 6;
    });
    if (!drawn) {
      svgEl("text", { x: 0, y: 20, "class": "muted" }, svg, "No data yet.");
      y = 30;
    }
    svg.setAttribute("viewBox", "0 0 " + width + " " + y);
    svg.setAttribute("height", y);
  }

  // Each programme on its own scale: rent relief is paid in cash, R&D is a tax deduction and
  // loans are credit, so their amounts are not to be stacked or compared.
  function renderApproved(rows) {
    var zones = zonesOf(rows);
    var sections = PROGRAMMES.map(function (p) {
      return {
        title: p.zh + " " + p.en,
        rows: zones.map(function (z) { return find(rows, z, p.code); })
          .filter(function (t) { return t && (t.zone !== "UNKNOWN" || t.approved > 0); })
          .map(function (t) {
            var v = Number(t.approvedAmount);
            return {
              label: zoneLabel(t.zone),
              segments: [{ value: v, colour: p.colour, series: p.code,
                title: zoneLabel(t.zone) + " · " + p.zh + ": " + yuan(v) }],
              value: yuan(v) + " · " + count(t.approved) + " approved"
            };
          })
      };
    });
    barChart(document.getElementById("chart-approved"), sections, { axis: yuan, valueWidth: 170 });
  }

  // Bars are shares of each budget (buckets differ a hundredfold); the text gives the amounts.
  function renderBudget(rows) {
    var zones = zonesOf(rows);
    var sections = PROGRAMMES.map(function (p) {
      return {
        title: p.zh + " " + p.en,
        rows: zones.map(function (z) { return find(rows, z, p.code); })
          .filter(function (t) { return t && t.budget !== null && t.budget !== undefined; })
          .map(function (t) {
            var budget = Number(t.budget), used = Number(t.approvedAmount), left = Number(t.budgetRemaining);
            var share = function (v) { return budget > 0 ? v / budget : 0; };
            var pct = budget > 0 ? Math.round(100 * used / budget) : 0;
            return {
              label: zoneLabel(t.zone),
              segments: [
                { value: share(Math.min(used, budget)), colour: "var(--used)", series: "used",
                  title: "approved " + yuan(used) + " of " + yuan(budget) },
                { value: share(Math.max(0, left)), colour: "var(--left)", series: "remaining",
                  title: "remaining " + yuan(left) },
                { value: share(Math.max(0, used - budget)), colour: "var(--over)", series: "over",
                  title: "over budget by " + yuan(used - budget) }
              ],
              value: pct + "% of " + yuan(budget) + " · " + yuan(left) + " left"
                + (t.waitlisted ? " · " + count(t.waitlisted) + " waiting" : ""),
              valueClass: left <= 0 ? "muted" : ""
            };
          })
      };
    });
    barChart(document.getElementById("chart-budget"), sections, { labelWidth: 130, valueWidth: 250 });
  }

  function renderStatus(rows) {
    var data = zonesOf(rows).map(function (z) {
      var sums = {}, received = 0;
      STATUSES.forEach(function (s) { sums[s.code] = 0; });
      PROGRAMMES.forEach(function (p) {
        var t = find(rows, z, p.code);
        if (!t) return;
        received += t.received;
        STATUSES.forEach(function (s) { sums[s.code] += t[s.field]; });
      });
      return {
        label: zoneLabel(z),
        segments: STATUSES.map(function (s) {
          return { value: sums[s.code], colour: "var(--" + s.code.toLowerCase() + ")", series: s.code,
            title: zoneLabel(z) + ": " + count(sums[s.code]) + " " + s.label };
        }),
        value: count(received) + " received · " + (received ? Math.round(100 * sums.APPROVED / received) : 0) + "% approved"
      };
    });
    barChart(document.getElementById("chart-status"), [{ rows: data }], { valueWidth: 190 });
  }

  function renderLatest() {
    var body = document.querySelector("#latest tbody");
    clear(body);
    latest.forEach(function (d) {
      var k = d.applicationId + "#" + d.sequence;
      var tr = el("tr", { "data-key": k }, body);
      el("td", { "class": "num" }, tr, cst(d.decidedAt));
      el("td", { "class": "id", title: "revision " + d.revision + ", decision " + d.sequence }, tr, d.applicationId);
      el("td", { title: d.creditCode }, tr, d.enterpriseName || d.creditCode);
      el("td", {}, tr, zoneLabel(d.zone));
      el("td", {}, tr, programme(d.programme).zh);
      var st = el("td", {}, tr);
      el("span", { "class": "status " + d.status }, st, d.status);
      el("td", { "class": "num" }, tr, d.requestedAmount == null ? "—" : yuan(d.requestedAmount));
      el("td", { "class": "num" }, tr, d.status === "APPROVED" ? yuan(d.approvedAmount) : "—");
      var reasons = (d.reasons || []);
      el("td", { "class": "reasons", title: reasons.map(function (r) { return r.code + ": " + r.message; }).join("\n") },
        tr, reasons.map(function (r) { return r.message || r.code; }).join("; "));
    });
    document.getElementById("latest-empty").style.display = latest.length ? "none" : "";
  }

  function legends() {
    var lp = document.getElementById("legend-programmes");
    PROGRAMMES.forEach(function (p) {
      var k = el("span", { "class": "key" }, lp);
      k.style.background = p.colour;
      lp.appendChild(document.createTextNode(p.zh + " " + p.en));
    });
    var ls = document.getElementById("legend-status");
    STATUSES.forEach(function (s) {
      var k = el("span", { "class": "key" }, ls);
      k.style.background = "var(--" + s.code.toLowerCase() + ")";
      ls.appendChild(document.createTextNode(s.label));
    });
  }

  // ---- fetching and live updates ----------------------------------------------------------

  function getJson(path) {
    return fetch(path, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(path + " answered " + r.status);
      return r.json();
    });
  }

  function refresh() {
    getJson("/totals").then(function (list) {
      list.forEach(putTotals);
      scheduleRender();
    }).catch(function () { /* 503 during a rebalance: keep what is shown, try again later */ });
    getJson("/decisions/latest?limit=" + LATEST).then(function (list) {
      list.slice().reverse().forEach(addDecision);
      latest.sort(function (a, b) { return Date.parse(b.decidedAt) - Date.parse(a.decidedAt); });
      scheduleRender();
    }).catch(function () {});
    fetch("/health").then(function (r) { return r.json(); }).then(function (h) {
      var pill = document.getElementById("health");
      pill.textContent = "streams " + h.state;
      pill.className = h.state === "RUNNING" ? "pill" : "pill off";
    }).catch(function () {
      var pill = document.getElementById("health");
      pill.textContent = "server unreachable";
      pill.className = "pill off";
    });
  }

  function listen() {
    if (!window.EventSource) return;
    var live = document.getElementById("live");
    var source = new EventSource("/events");
    source.onopen = function () { live.textContent = "live"; live.className = "pill"; };
    source.onerror = function () { live.textContent = "reconnecting…"; live.className = "pill off"; };
    source.addEventListener("totals", function (e) {
      putTotals(JSON.parse(e.data));
      scheduleRender();
    });
    source.addEventListener("decision", function (e) {
      if (addDecision(JSON.parse(e.data))) scheduleRender();
    });
  }

  document.getElementById("year").addEventListener("change", function (e) {
    year = Number(e.target.value);
    render();
  });
  legends();
  render();
  refresh();
  listen();
  setInterval(refresh, REFRESH_MS);
})();
