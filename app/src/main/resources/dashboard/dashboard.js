// The subsidy dashboard: totals and latest decisions from the HTTP API, kept live by the
// server-sent events of /events, drawn as plain SVG. No framework, no build step, works offline.
(function () {
  "use strict";

  var ZONES = { ZGC: "中关村", ZJ: "张江", XA: "西安", BH: "天津滨海", SIP: "苏州工业园区" };
  var ZONE_ORDER = ["ZGC", "ZJ", "XA", "BH", "SIP"];
  // What a programme's amounts are (GET /programmes, moneyKind). Unlike kinds are never added up.
  var KINDS = {
    CASH: { zh: "现金减免", en: "cash relief" },
    TAX_DEDUCTION: { zh: "税前加计扣除额", en: "tax deductions" },
    LOAN: { zh: "贷款", en: "loans" },
    RECOGNITION: { zh: "科技型中小企业入库", en: "recognitions", countsOnly: true }
  };
  var PALETTE = ["var(--p1)", "var(--p2)", "var(--p3)", "var(--p4)", "var(--p5)", "var(--p6)"];
  var STATUSES = [
    { code: "APPROVED", zh: "已批准", field: "approved" },
    { code: "WAITLISTED", zh: "候补中", field: "waitlisted" },
    { code: "REJECTED", zh: "已驳回", field: "rejected" },
    { code: "WITHDRAWN", zh: "已撤回", field: "withdrawn" }
  ];
  var LATEST = 25;
  var REFRESH_MS = 10000;
  var SVG = "http://www.w3.org/2000/svg";

  var programmes = []; // from GET /programmes, in its order
  var labels = { keys: {}, indicators: {} }; // detail-labels.json: docs/decision-details.md
  var reasonLabels = {}; // reason-labels.json: each reason code in Chinese and English
  var totals = {}; // "ZONE:PROGRAMME:YEAR" -> Totals
  var latest = []; // newest first
  var finance = {}; // "ZONE:PROGRAMME:YEAR" -> fen settled, asked back and recovered, all days
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

  // Money is summed in whole fen: adding yuan as binary fractions drifts.
  function fen(value) {
    return Math.round(Number(value || 0) * 100);
  }

  function fenText(f) {
    return (f / 100).toFixed(2);
  }

  // Thousands grouped in the digits before a decimal point, exactly (no trip through a float).
  function groupDigits(whole) {
    return whole.replace(/\B(?=(\d{3})+$)/g, ",");
  }

  // An exact amount, where the page shows one (an application): ¥, grouped, two decimals.
  function money(value) {
    var f = fen(value), text = fenText(Math.abs(f)).split(".");
    return (f < 0 ? "−¥" : "¥") + groupDigits(text[0]) + "." + text[1];
  }

  // Amounts in a rule's own words ("840.29 left of 30000000.00" beside "134,300.00") written one
  // way: grouped, two decimals. Rates (0.15) and counts are left as they are.
  function amountsGrouped(text) {
    return String(text).replace(/(^|[^\d.,])(\d{4,})\.(\d\d)(?![\d.])/g, function (all, before, whole, cents) {
      return before + groupDigits(whole) + "." + cents;
    });
  }

  function zoneLabel(code) {
    if (!code) return "—";
    if (code === "UNKNOWN") return "未登记 unregistered";
    return ZONES[code] ? ZONES[code] + " " + code : code;
  }

  function statusLabel(code) {
    for (var i = 0; i < STATUSES.length; i++) {
      if (STATUSES[i].code === code) return STATUSES[i].zh + " " + code;
    }
    return code;
  }

  // A code the listing does not know is shown by its code, as a kind of its own: never added to
  // another programme's money.
  function programme(code) {
    for (var i = 0; i < programmes.length; i++) if (programmes[i].code === code) return programmes[i];
    return { code: code, nameZh: code, nameEn: "", moneyKind: "OTHER:" + code, colour: "var(--muted)" };
  }

  // A recognition grants a status, not money: it is counted, and its amounts (always 0) are never
  // shown as if they were yuan.
  function countsOnly(code) {
    return !!kind(programme(code).moneyKind).countsOnly;
  }

  var RECOGNISED = "入库 recognised", NOT_AN_AMOUNT = "不计金额 not an amount";

  // What a decision was granted: money in yuan, or for a recognition that it was recognised.
  function granted(d, code) {
    if (d.status !== "APPROVED") return "—";
    return countsOnly(code) ? RECOGNISED : yuan(d.approvedAmount);
  }

  function kind(code) {
    if (KINDS[code]) return KINDS[code];
    if (/^OTHER:/.test(code)) return { zh: code.replace(/^OTHER:/, ""), en: "unlisted programme" };
    return { zh: code, en: code.toLowerCase().replace(/_/g, " ") }; // a kind newer than this page
  }

  function programmeLabel(code) {
    var p = programme(code);
    return p.nameEn ? p.nameZh + " " + p.nameEn : p.nameZh;
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

  // A reason code's name in Chinese and English, or the code where the page does not know it.
  function reasonName(r) {
    var name = reasonLabels[r.code];
    return name ? name.zh + " " + name.en : r.code;
  }

  function statusBadge(parent, code) {
    return el("span", { "class": "status " + code, "data-status": code }, parent, statusLabel(code));
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

  // A zone's own bucket: not the ALL sum, not the applications of unregistered enterprises.
  function isZoneBucket(t) {
    return t.zone !== "ALL" && t.zone !== "UNKNOWN";
  }

  function rowsOfYear() {
    var out = [];
    for (var k in totals) if (totals[k].year === year) out.push(totals[k]);
    return out;
  }

  // Listed programmes first, in the listing's order, then any other code the totals carry.
  function programmeCodes(rows) {
    var codes = programmes.map(function (p) { return p.code; });
    rows.forEach(function (t) { if (codes.indexOf(t.programme) < 0) codes.push(t.programme); });
    return codes;
  }

  // Money kinds in listing order, then a kind of its own for each unlisted code.
  function kindsOf(codes) {
    var kinds = [];
    codes.forEach(function (c) {
      var k = programme(c).moneyKind;
      if (kinds.indexOf(k) < 0) kinds.push(k);
    });
    return kinds;
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
    renderFinance(rows);
    renderLatest();
    document.getElementById("updated").textContent = "更新 updated " + new Date().toLocaleTimeString("zh-CN");
  }

  // Only years in which a zone received something that was not rejected: invalid applications
  // name any year (2015, 2023, …) and are rejected, which makes no year worth a look.
  function renderYears() {
    var received = {};
    for (var k in totals) {
      var t = totals[k];
      if (isZoneBucket(t) && t.received - t.rejected > 0) {
        received[t.year] = (received[t.year] || 0) + t.received;
      }
    }
    var list = Object.keys(received).map(Number).sort();
    if (list.length && list.indexOf(year) < 0) {
      year = list.reduce(function (best, y) { return received[y] > received[best] ? y : best; }, list[0]);
    }
    var select = document.getElementById("year");
    var shown = Array.prototype.map.call(select.options, function (o) { return Number(o.value); });
    if (shown.join() !== list.join()) {
      clear(select);
      list.forEach(function (y) { el("option", { value: y }, select, String(y)); });
    }
    if (year !== null) select.value = String(year);
  }

  function tile(box, attrs, label, value, title) {
    var div = el("div", { "class": "tile" + (attrs["class"] ? " " + attrs["class"] : "") }, box);
    if (title) div.title = title;
    el("div", { "class": "label" }, div, label);
    var v = el("div", { "class": "value" }, div, value);
    for (var a in attrs) if (a !== "class") v.setAttribute(a, attrs[a]);
    return div;
  }

  // Counts add up over programmes; money only within its kind: one tile per kind approved, one per
  // kind for the budget left in the zones that have a budget.
  function renderTiles(rows) {
    var sum = { received: 0, approved: 0, waitlisted: 0, rejected: 0, withdrawn: 0 };
    rows.filter(function (t) { return t.zone === "ALL"; }).forEach(function (t) {
      for (var f in sum) sum[f] += Number(t[f] || 0);
    });
    var box = document.getElementById("tiles");
    clear(box);
    tile(box, { "data-tile": "received" }, "受理 Received", count(sum.received));
    STATUSES.forEach(function (s) {
      tile(box, { "data-tile": s.field }, statusLabel(s.code), count(sum[s.field]));
    });

    var codes = programmeCodes(rows);
    kindsOf(codes).forEach(function (k) {
      var mine = codes.filter(function (c) { return programme(c).moneyKind === k; });
      var approved = 0, approvedCount = 0, left = 0, budgeted = 0;
      rows.forEach(function (t) {
        if (mine.indexOf(t.programme) < 0) return;
        if (t.zone === "ALL") {
          approved += fen(t.approvedAmount);
          approvedCount += t.approved;
        } else if (isZoneBucket(t) && t.budget != null) {
          budgeted++;
          left += Math.max(0, fen(t.budgetRemaining)); // a bucket over budget leaves 0, not less
        }
      });
      var kd = kind(k), names = mine.map(programmeLabel).join(" · ");
      if (kd.countsOnly) {
        tile(box, { "class": "money", "data-tile": "approved-kind", "data-kind": k, "data-count": approvedCount },
          kd.zh + " " + kd.en, count(approvedCount) + " 家 enterprises", names);
        return;
      }
      tile(box, { "class": "money", "data-tile": "approved-kind", "data-kind": k, "data-amount": fenText(approved) },
        "已批准 " + kd.zh + " · approved " + kd.en, yuan(approved / 100), names);
      tile(box, { "class": "money", "data-tile": "budget-left", "data-kind": k,
        "data-amount": budgeted ? fenText(left) : "" },
        "预算余额 " + kd.zh + " · budget left", budgeted ? yuan(left / 100) : "不设预算 no budget",
        budgeted ? "over " + budgeted + " budgeted buckets" : names);
    });
  }

  // ---- charts: drawn at their own width in CSS pixels, never scaled, so text stays 12 px --------

  var LINE = 16, BAR = 14;
  var measurer = null;

  // The width a chart text takes, measured as the browser draws it (an SVG text out of sight): a
  // canvas measures glyphs a font lacks otherwise than the page draws them.
  function textWidth(text, bold) {
    if (!measurer) {
      var svg = svgEl("svg", { "aria-hidden": "true", style: "position:absolute;left:-10000px;top:0;visibility:hidden;width:10px;height:10px" },
        document.body);
      measurer = svgEl("text", { x: 0, y: 0 }, svg);
    }
    measurer.setAttribute("font-weight", bold ? "600" : "400");
    measurer.textContent = text;
    return Math.ceil(measurer.getComputedTextLength()) + 2;
  }

  // Lines no wider than width: broken after a " · " where one fits, else between words. Joined
  // with spaces they give the text back.
  function wrap(text, width, bold) {
    var lines = [];
    var pack = function (pieces) {
      var line = "";
      pieces.forEach(function (piece) {
        var longer = line ? line + " " + piece : piece;
        if (!line || textWidth(longer, bold) <= width) {
          line = longer;
        } else {
          lines.push(line);
          line = piece;
        }
      });
      if (line) lines.push(line);
    };
    var chunks = text.split(" · ").map(function (c, i, all) { return i < all.length - 1 ? c + " ·" : c; });
    chunks.forEach(function (chunk) {
      var before = lines.length;
      if (before && textWidth(lines[before - 1] + " " + chunk, bold) <= width) {
        lines[before - 1] += " " + chunk;
      } else if (textWidth(chunk, bold) <= width) {
        lines.push(chunk);
      } else {
        pack(chunk.split(" "));
      }
    });
    return lines.length ? lines : [""];
  }

  // One text of one or more lines (tspans), its whole text also in data-text.
  function textLines(parent, x, y, lines, attrs) {
    var t = svgEl("text", attrs || {}, parent);
    t.setAttribute("x", x);
    t.setAttribute("y", y);
    t.setAttribute("data-text", lines.join(" "));
    if (lines.length === 1) {
      t.textContent = lines[0];
      return t;
    }
    lines.forEach(function (line, i) { svgEl("tspan", { x: x, dy: i ? LINE : 0 }, t, line); });
    return t;
  }

  // The width the chart is shown at; 640 while it is hidden.
  function chartWidth(svg) {
    var w = Math.floor(svg.getBoundingClientRect().width);
    return w > 0 ? w : 640;
  }

  function finishChart(svg, width, height) {
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("height", height);
    svg.setAttribute("data-width", width);
  }

  // A heading over the whole width, wrapped; returns the y below it.
  function chartHeading(svg, text, width, y, attrs) {
    var bold = attrs && attrs["font-weight"];
    var lines = wrap(text, width, bold);
    textLines(svg, 0, y + 13, lines, attrs);
    return y + lines.length * LINE + 2;
  }

  // Label, bar and value text side by side where the widest of each fit beside a bar worth the
  // name; else each row stacked: label, then the bar over the whole width, then the value.
  function barLayout(width, rows) {
    var labelW = 0, valueW = 0;
    rows.forEach(function (r) {
      labelW = Math.max(labelW, textWidth(r.label));
      valueW = Math.max(valueW, textWidth(r.value));
    });
    labelW += 8;
    valueW += 8;
    var plotW = width - labelW - valueW;
    var stacked = plotW < Math.max(90, width / 5);
    return { width: width, labelW: stacked ? 0 : labelW, plotW: stacked ? width : plotW, stacked: stacked };
  }

  // One row: {label, segments: [{value, colour, series, title}], value, valueClass, attrs,
  // valueAttrs}; returns the y below it.
  function barRow(parent, r, max, lay, y) {
    var g = svgEl("g", r.attrs || {}, parent);
    if (lay.stacked) {
      var labelLines = wrap(r.label, lay.width);
      textLines(g, 0, y + 12, labelLines, { "class": "label" });
      y += labelLines.length * LINE;
    } else {
      svgEl("text", { x: lay.labelW - 8, y: y + 13, "text-anchor": "end", "class": "label" }, g, r.label);
    }
    svgEl("line", { x1: lay.labelW, x2: lay.labelW + lay.plotW, y1: y + 2 + BAR / 2, y2: y + 2 + BAR / 2,
      "class": "grid-line" }, g);
    var x = lay.labelW;
    r.segments.forEach(function (s) {
      var w = max > 0 ? lay.plotW * Math.max(0, s.value) / max : 0;
      if (w <= 0) return;
      var rect = svgEl("rect", { x: x, y: y + 2, width: Math.max(w, 1), height: BAR, rx: 2,
        fill: s.colour, "data-series": s.series || "" }, g);
      svgEl("title", {}, rect, s.title);
      x += w;
    });
    var attrs = { "class": "value " + (r.valueClass || "") };
    for (var a in r.valueAttrs || {}) attrs[a] = r.valueAttrs[a];
    if (lay.stacked) {
      var lines = wrap(r.value, lay.width);
      textLines(g, 0, y + BAR + 16, lines, attrs);
      return y + BAR + 8 + lines.length * LINE;
    }
    textLines(g, lay.labelW + lay.plotW + 8, y + 13, [r.value], attrs);
    return y + BAR + 8;
  }

  // Horizontal stacked bars in sections, each with its own scale: [{title, rows}], a row as
  // barRow takes it.
  function barChart(svg, sections) {
    clear(svg);
    var width = chartWidth(svg);
    var all = [];
    sections.forEach(function (section) { all = all.concat(section.rows); });
    var lay = barLayout(width, all);
    var y = 2;
    sections.forEach(function (section) {
      if (!section.rows.length) return;
      var max = 0;
      section.rows.forEach(function (r) {
        max = Math.max(max, r.segments.reduce(function (a, s) { return a + Math.max(0, s.value); }, 0));
      });
      if (section.title) y = chartHeading(svg, section.title, width, y, { "font-weight": "600" });
      section.rows.forEach(function (r) { y = barRow(svg, r, max, lay, y); });
      y += 6;
    });
    if (!all.length) {
      svgEl("text", { x: 0, y: 20, "class": "muted" }, svg, "暂无数据 No data yet.");
      y = 30;
    }
    finishChart(svg, width, y);
  }

  // Each programme on its own scale: rent relief is cash, R&D a tax deduction, loans are credit and
  // recognitions are counted, so their amounts are not to be stacked or compared.
  function renderApproved(rows) {
    var zones = zonesOf(rows);
    var sections = programmeCodes(rows).map(function (code) {
      var p = programme(code), kd = kind(p.moneyKind);
      return {
        title: programmeLabel(code) + " · " + kd.zh + " " + kd.en,
        rows: zones.map(function (z) { return find(rows, z, code); })
          .filter(function (t) { return t && (t.zone !== "UNKNOWN" || t.approved > 0); })
          .map(function (t) {
            var v = kd.countsOnly ? t.approved : Number(t.approvedAmount);
            var text = kd.countsOnly ? count(t.approved) + " 家 recognised"
              : yuan(v) + " · " + count(t.approved) + " 件 approved";
            return {
              label: zoneLabel(t.zone),
              segments: [{ value: v, colour: p.colour, series: code, title: zoneLabel(t.zone) + " · " + p.nameZh + ": " + text }],
              value: text,
              attrs: { "data-programme": code, "data-zone": t.zone }
            };
          })
      };
    });
    barChart(document.getElementById("chart-approved"), sections);
  }

  // Bars are shares of each budget (buckets differ a hundredfold); the text gives the amounts. A
  // zone's bucket without a budget is unlimited: it is listed as such, not left out.
  function renderBudget(rows) {
    var zones = zonesOf(rows).filter(function (z) { return z !== "UNKNOWN"; });
    var sections = programmeCodes(rows)
      .filter(function (code) { return !kind(programme(code).moneyKind).countsOnly; })
      .map(function (code) {
        var p = programme(code);
        return {
          title: programmeLabel(code),
          rows: zones.map(function (z) { return find(rows, z, code); })
            .filter(function (t) { return t; })
            .map(function (t) { return t.budget == null ? unbudgeted(t) : budgeted(t); })
        };
      });
    barChart(document.getElementById("chart-budget"), sections);
  }

  function unbudgeted(t) {
    return {
      label: zoneLabel(t.zone),
      segments: [],
      value: "不设预算 no budget · 已批准 " + yuan(t.approvedAmount),
      valueClass: "no-budget",
      attrs: { "data-budget": "none", "data-programme": t.programme, "data-zone": t.zone }
    };
  }

  function budgeted(t) {
    var budget = Number(t.budget), used = Number(t.approvedAmount), left = Number(t.budgetRemaining);
    var share = function (v) { return budget > 0 ? v / budget : 0; };
    var pct = budget > 0 ? Math.round(100 * used / budget) : 0;
    return {
      label: zoneLabel(t.zone),
      segments: [
        { value: share(Math.min(used, budget)), colour: "var(--used)", series: "used",
          title: "已批准 approved " + yuan(used) + " / " + yuan(budget) },
        { value: share(Math.max(0, left)), colour: "var(--left)", series: "remaining",
          title: "余额 left " + yuan(left) },
        { value: share(Math.max(0, used - budget)), colour: "var(--over)", series: "over",
          title: "超出 over budget by " + yuan(used - budget) }
      ],
      value: "已用 used " + pct + "% of " + yuan(budget) + " · 余额 left " + yuan(left)
        + (t.waitlisted ? " · 候补 waitlisted " + count(t.waitlisted) : ""),
      valueClass: left <= 0 ? "muted" : "",
      attrs: { "data-budget": "set", "data-programme": t.programme, "data-zone": t.zone }
    };
  }

  function renderStatus(rows) {
    var codes = programmeCodes(rows);
    var data = zonesOf(rows).map(function (z) {
      var sums = {}, received = 0;
      STATUSES.forEach(function (s) { sums[s.code] = 0; });
      codes.forEach(function (code) {
        var t = find(rows, z, code);
        if (!t) return;
        received += t.received;
        STATUSES.forEach(function (s) { sums[s.code] += t[s.field]; });
      });
      return {
        label: zoneLabel(z),
        segments: STATUSES.map(function (s) {
          return { value: sums[s.code], colour: "var(--" + s.code.toLowerCase() + ")", series: s.code,
            title: zoneLabel(z) + ": " + count(sums[s.code]) + " " + statusLabel(s.code) };
        }),
        value: count(received) + " 受理 received · " + (received ? Math.round(100 * sums.APPROVED / received) : 0) + "% 批准 approved"
      };
    });
    barChart(document.getElementById("chart-status"), [{ rows: data }]);
  }

  // GET /reconciliation: each bucket's days, summed over every day.
  function putFinance(days) {
    finance = {};
    days.forEach(function (d) {
      var k = d.zone + ":" + d.programme + ":" + d.year;
      var f = finance[k] || (finance[k] = { settled: 0, toRecover: 0, recovered: 0 });
      f.settled += fen(d.settled);
      f.toRecover += fen(d.toRecover);
      f.recovered += fen(d.recovered);
    });
  }

  // Per zone and programme of the year: approved (the totals), paid net of recoveries received,
  // what is approved and not paid, and what is asked back and not received. A recognition moves
  // no money and has no row.
  function renderFinance(rows) {
    var body = document.querySelector("#finance tbody");
    clear(body);
    var shown = 0;
    rows.filter(isZoneBucket).forEach(function (t) {
      if (programme(t.programme).moneyKind === "RECOGNITION" || fen(t.approvedAmount) === 0) return;
      var f = finance[t.zone + ":" + t.programme + ":" + t.year] || { settled: 0, toRecover: 0, recovered: 0 };
      var approved = fen(t.approvedAmount);
      var paid = f.settled - f.recovered;
      var toRecover = f.toRecover - f.recovered;
      var outstanding = approved - (paid - toRecover);
      var tr = el("tr", { "data-bucket": t.zone + ":" + t.programme + ":" + t.year,
        "data-approved": fenText(approved), "data-outstanding": fenText(outstanding) }, body);
      el("td", {}, tr, zoneLabel(t.zone));
      el("td", {}, tr, programmeLabel(t.programme));
      el("td", { "class": "num" }, tr, yuan(fenText(approved)));
      el("td", { "class": "num" }, tr, yuan(fenText(paid)));
      el("td", { "class": "num" }, tr, yuan(fenText(outstanding)));
      el("td", { "class": "num" }, tr, yuan(fenText(toRecover)));
      shown++;
    });
    document.getElementById("finance-empty").style.display = shown ? "none" : "";
  }

  function renderLatest() {
    var body = document.querySelector("#latest tbody");
    clear(body);
    latest.forEach(function (d) {
      var k = d.applicationId + "#" + d.sequence;
      var tr = el("tr", { "data-key": k }, body);
      el("td", { "class": "num" }, tr, cst(d.decidedAt));
      var id = el("td", { "class": "id", title: "revision " + d.revision + ", decision " + d.sequence }, tr);
      el("a", { href: "#/applications/" + encodeURIComponent(d.applicationId) }, id, d.applicationId);
      el("td", { title: d.creditCode }, tr, d.enterpriseName || d.creditCode);
      el("td", {}, tr, zoneLabel(d.zone));
      el("td", {}, tr, programmeLabel(d.programme));
      statusBadge(el("td", {}, tr), d.status);
      el("td", { "class": "num", "data-amount-of": "requested" }, tr,
        d.requestedAmount == null || countsOnly(d.programme) ? "—" : yuan(d.requestedAmount));
      el("td", { "class": "num", "data-amount-of": "approved" }, tr, granted(d, d.programme));
      var reasons = (d.reasons || []);
      el("td", { "class": "reasons", title: reasons.map(function (r) {
        return r.code + ": " + amountsGrouped(r.message || ""); }).join("\n") },
        tr, reasons.map(reasonName).join("; "));
    });
    document.getElementById("latest-empty").style.display = latest.length ? "none" : "";
  }

  function legends() {
    var ls = document.getElementById("legend-status");
    clear(ls);
    STATUSES.forEach(function (s) {
      var k = el("span", { "class": "key" }, ls);
      k.style.background = "var(--" + s.code.toLowerCase() + ")";
      ls.appendChild(document.createTextNode(statusLabel(s.code)));
    });
    document.getElementById("programme-names").textContent =
      programmes.map(function (p) { return p.nameZh; }).join(" · ");
  }

  // ---- one application: its current decision and its history ----------------------------

  // The label of a details key from docs/decision-details.md; value.<indicator> and its kin name
  // their indicator or group.
  function detailLabel(k) {
    if (labels.keys[k]) return labels.keys[k];
    var m = /^(value|points|group)\.(.+)$/.exec(k);
    if (m) {
      var general = labels.keys[m[1] + (m[1] === "group" ? ".<group>" : ".<indicator>")];
      if (general) {
        return { zh: general.zh + " · " + (labels.indicators[m[2]] || m[2]), en: general.en };
      }
    }
    return { zh: k, en: "" };
  }

  function showApplication(id) {
    var panel = document.getElementById("application");
    panel.hidden = false;
    document.getElementById("app-id").textContent = id;
    var message = document.getElementById("app-message");
    message.textContent = "查询中 Looking up…";
    clear(document.getElementById("app-current"));
    clear(document.getElementById("history"));
    var path = "/applications/" + encodeURIComponent(id);
    Promise.all([api(path), api(path + "/history"), ready]).then(function (answers) {
      if (document.getElementById("app-id").textContent !== id) return; // another search since
      message.textContent = "";
      renderCurrent(answers[0]);
      renderHistory(answers[1]);
    }).catch(function (e) {
      message.textContent = e.status === 404
        ? "未找到该申请 No decision for application " + id
        : refusal(e) || "暂时无法查询，请稍后再试 Cannot look it up now, try again (" + e.message + ")";
    });
    panel.scrollIntoView({ block: "start" });
  }

  function field(dl, zh, en, value) {
    el("dt", {}, dl, zh + " " + en);
    return el("dd", {}, dl, value == null ? "—" : String(value));
  }

  // An amount kept on one line: "144,849,160.6 / 8" broke at 420 px.
  function amountField(dl, zh, en, text) {
    var dd = field(dl, zh, en, "");
    el("span", { "class": "amount" }, dd, text);
    return dd;
  }

  // A reason as its code, its name in Chinese and English, and the rule's own words with its
  // amounts written one way.
  function reasonItem(parent, r, tag) {
    var item = el(tag, { "class": "reason", "data-code": r.code }, parent);
    var name = reasonLabels[r.code];
    el("code", {}, item, r.code);
    if (name) {
      el("span", { "class": "reason-zh" }, item, " " + name.zh);
      el("span", { "class": "en" }, item, " " + name.en);
    }
    if (r.message) el("div", { "class": "reason-text" }, item, amountsGrouped(r.message));
    return item;
  }

  var SIZE_CLASSES = { MICRO: "微型", SMALL: "小型", MEDIUM: "中型", LARGE: "大型" };

  // Details are strings: yes/no and size classes in both languages, amounts grouped, the rest as
  // they are.
  function detailValue(k, v) {
    if (v === "true") return "是 yes";
    if (v === "false") return "否 no";
    if (k === "sizeClass" && SIZE_CLASSES[v]) return SIZE_CLASSES[v] + " " + v;
    return amountsGrouped(v);
  }

  function renderCurrent(d) {
    var box = document.getElementById("app-current");
    var dl = el("dl", { "class": "facts" }, box);
    statusBadge(field(dl, "状态", "Status", ""), d.status);
    field(dl, "项目", "Programme", programmeLabel(d.programme));
    field(dl, "企业", "Enterprise", (d.enterpriseName || "") + " " + d.creditCode);
    field(dl, "园区", "Zone", zoneLabel(d.zone));
    field(dl, "年度", "Year", d.year);
    var recognition = countsOnly(d.programme);
    if (d.requestedAmount == null || recognition) field(dl, "申请额", "Requested", "—");
    else amountField(dl, "申请额", "Requested", money(d.requestedAmount));
    (recognition ? field(dl, "批准额", "Approved", (d.status === "APPROVED" ? RECOGNISED + " · " : "") + NOT_AN_AMOUNT)
      : amountField(dl, "批准额", "Approved", money(d.approvedAmount))).setAttribute("data-field", "approved");
    field(dl, "决定时间", "Decided", cst(d.decidedAt) + " · 第 " + d.sequence + " 次决定 decision " + d.sequence);
    field(dl, "政策版本", "Policy version", d.policyVersion);
    el("h3", {}, box, "理由 Reasons");
    var ul = el("ul", { "class": "reasons-list" }, box);
    (d.reasons || []).forEach(function (r) { reasonItem(ul, r, "li"); });
    el("h3", {}, box, "明细 Details");
    var scroller = el("div", { "class": "table-wrap" }, box);
    var table = el("table", { id: "app-details" }, scroller);
    var head = el("tr", {}, el("thead", {}, table));
    ["项目 Item", "数值 Value", "键 Key"].forEach(function (h) { el("th", {}, head, h); });
    var body = el("tbody", {}, table);
    Object.keys(d.details || {}).sort().forEach(function (k) {
      var label = detailLabel(k);
      var tr = el("tr", { "data-detail": k }, body);
      var td = el("td", {}, tr);
      el("div", {}, td, label.zh);
      if (label.en) el("div", { "class": "muted" }, td, label.en);
      var value = detailValue(k, d.details[k]);
      // A figure stays whole on its line; a sentence (a size band, a note) wraps.
      el("span", { "class": /^[−+-]?[\d,.]+%?$/.test(value) ? "amount" : "" }, el("td", { "class": "value" }, tr), value);
      el("td", { "class": "id" }, tr, k);
    });
  }

  function renderHistory(list) {
    var ol = document.getElementById("history");
    clear(ol);
    list.forEach(function (d) {
      var li = el("li", { "data-sequence": d.sequence }, ol);
      el("span", { "class": "when" }, li, "#" + d.sequence + " · " + cst(d.decidedAt) + " · 修订 revision " + d.revision + " ");
      statusBadge(li, d.status);
      if (d.status === "APPROVED") {
        el("span", { "class": "amount" }, li, " " + (countsOnly(d.programme) ? RECOGNISED : money(d.approvedAmount)));
      }
      var first = (d.reasons || [])[0];
      if (first) reasonItem(li, first, "div").className += " muted";
    });
  }

  function route() {
    var m = /^#\/applications\/(.+)$/.exec(location.hash);
    if (m) {
      showApplication(decodeURIComponent(m[1]));
    } else {
      document.getElementById("application").hidden = true;
    }
  }

  // ---- a what-if run: GET /whatif/{name} (README, "What-if replays") ----------------------

  var WHATIF_ROWS = 500; // changed applications listed at most; the rest are counted
  var WHATIF_FIRST = 50; // listed until all are asked for
  var whatifAllChanges = false;
  var CAUSES = {
    RULES: { zh: "规则", title: "候选政策对该申请本身判断不同 the candidate's rules judged it otherwise" },
    COMPETITION: { zh: "竞争", title: "只是预算或名额的竞争结果不同 only the contest for a budget or claim went otherwise" }
  };
  var whatifAsked = 0;
  var whatifRun = null; // the run shown, drawn again when the chart's width changes
  var whatifAllZero = false; // whether buckets that are zero on both sides are shown

  function signedCount(n) {
    return (n > 0 ? "+" : n < 0 ? "−" : "") + count(Math.abs(n));
  }

  function signedFen(f) {
    return (f > 0 ? "+" : "") + yuan(f / 100);
  }

  function showWhatIf(name) {
    var asked = ++whatifAsked;
    var message = document.getElementById("whatif-message");
    document.getElementById("whatif-result").hidden = true;
    whatifRun = null;
    document.getElementById("whatif-name").value = name;
    message.className = "muted";
    message.textContent = "读取中 Loading " + name + "…";
    Promise.all([api("/whatif/" + encodeURIComponent(name)), ready]).then(function (answers) {
      if (asked !== whatifAsked) return; // another run asked for since
      message.textContent = "推演 Run " + name;
      document.getElementById("whatif-result").hidden = false; // shown first: the chart takes its width
      whatifRun = answers[0];
      renderWhatIf(answers[0]);
    }).catch(function (e) {
      if (asked !== whatifAsked) return;
      message.className = "error";
      message.setAttribute("data-status", e.status || "");
      message.textContent = e.status === 404
        ? "没有名为 " + name + " 的已完成推演 · no finished what-if run named " + name
          + " on this instance (bin/subsidy whatif --name " + name + ")"
        : e.status === 400
          ? "推演名称只能含字母、数字和 _ · a run name has letters, digits and _ only: " + name
          : refusal(e) || "暂时无法读取推演 · cannot read the run now (" + e.message + ")";
    });
  }

  function renderWhatIf(run) {
    var changes = run.changes || [];
    var byCause = function (c) {
      var field = c === "RULES" ? "changedByRules" : "changedByCompetition";
      return run[field] != null ? run[field] : changes.filter(function (x) { return x.cause === c; }).length;
    };
    document.getElementById("whatif-summary").textContent =
      "已重放 " + count(run.applications) + " 个修订 revisions replayed · 变化 " + count(run.changed)
      + " 件申请 applications changed (规则 rules " + count(byCause("RULES")) + " · 竞争 competition "
      + count(byCause("COMPETITION")) + ")";
    renderWhatIfChart(run.buckets || []);
    renderWhatIfChanges(changes, run.changed);
  }

  // A bucket in which nothing was approved, waiting or rejected, live or candidate: most buckets
  // of a run (every zone, programme and year), and nothing to look at.
  function allZero(b) {
    return [b.live, b.candidate].every(function (f) {
      return !f.approved && !f.waitlisted && !f.rejected && fen(f.approvedAmount) === 0;
    });
  }

  function bucketChanged(b) {
    return b.live.approved !== b.candidate.approved || b.live.waitlisted !== b.candidate.waitlisted
      || b.live.rejected !== b.candidate.rejected || fen(b.live.approvedAmount) !== fen(b.candidate.approvedAmount);
  }

  // The buckets shown: changed ones first, then the rest; all-zero ones only when asked for.
  function bucketsShown(buckets) {
    var shown = buckets.filter(function (b) { return whatifAllZero || !allZero(b); });
    return shown.filter(bucketChanged).concat(shown.filter(function (b) { return !bucketChanged(b); }));
  }

  function renderZeroToggle(buckets) {
    var zero = buckets.filter(allZero).length;
    var button = document.getElementById("whatif-zero");
    button.hidden = zero === 0;
    button.textContent = whatifAllZero
      ? "隐藏 " + count(zero) + " 个全为零的桶 hide the " + count(zero) + " all-zero buckets"
      : "显示 " + count(zero) + " 个全为零的桶 show the " + count(zero) + " all-zero buckets";
    button.setAttribute("aria-pressed", whatifAllZero ? "true" : "false");
  }

  // One section per programme, each on its own scale, so no two kinds of money meet; per bucket a
  // bar live and a bar candidate, and the difference.
  function renderWhatIfChart(buckets) {
    var svg = document.getElementById("chart-whatif");
    clear(svg);
    renderZeroToggle(buckets);
    var width = chartWidth(svg), y = 2;
    var shown = bucketsShown(buckets);
    var codes = programmes.map(function (p) { return p.code; });
    shown.forEach(function (b) { if (codes.indexOf(b.programme) < 0) codes.push(b.programme); });
    var sides = [];
    var sections = codes.map(function (code) {
      var p = programme(code), kd = kind(p.moneyKind);
      var rows = shown.filter(function (b) { return b.programme === code; }).map(function (b) {
        var row = whatIfBucket(b, p, kd);
        sides = sides.concat(row.sides);
        return row;
      });
      return { code: code, p: p, kd: kd, rows: rows };
    });
    // Programmes with a changed bucket first, so the changes lead whichever programme they are in.
    var changedIn = function (section) { return section.rows.some(function (r) { return r.changed; }); };
    sections = sections.filter(changedIn).concat(sections.filter(function (x) { return !changedIn(x); }));
    var lay = barLayout(width, sides);
    sections.forEach(function (section) {
      if (!section.rows.length) return;
      var max = 0;
      section.rows.forEach(function (r) {
        r.sides.forEach(function (side) { max = Math.max(max, side.segments[0].value); });
      });
      y = chartHeading(svg, programmeLabel(section.code), width, y, { "font-weight": "600" });
      y = chartHeading(svg, section.kd.zh + " " + section.kd.en, width, y, { "class": "muted" });
      section.rows.forEach(function (r) {
        var g = svgEl("g", r.attrs, svg);
        y = whatIfHead(g, r, width, y);
        r.sides.forEach(function (side) { y = barRow(g, side, max, lay, y); });
        y += 6;
      });
      y += 4;
    });
    if (y === 2) {
      svgEl("text", { x: 0, y: 20, "class": "muted" }, svg, buckets.length
        ? "没有非零的桶 Every bucket is zero on both sides." : "没有决定 No decisions in this run.");
      y = 30;
    }
    finishChart(svg, width, y);
  }

  // A bucket's data attributes, its heading and difference, and its two bars as barRow takes them.
  function whatIfBucket(b, p, kd) {
    var measure = function (f) { return kd.countsOnly ? f.approved : fen(f.approvedAmount); };
    var dAmount = fen(b.candidate.approvedAmount) - fen(b.live.approvedAmount);
    var dCount = b.candidate.approved - b.live.approved;
    var dWait = b.candidate.waitlisted - b.live.waitlisted;
    var change = kd.countsOnly ? dCount : dAmount;
    return {
      attrs: { "data-zone": b.zone, "data-programme": b.programme, "data-year": b.year, "data-kind": p.moneyKind,
        "data-changed": bucketChanged(b) ? "true" : "false",
        "data-live-count": b.live.approved, "data-candidate-count": b.candidate.approved, "data-diff-count": dCount,
        "data-live-amount": fenText(fen(b.live.approvedAmount)),
        "data-candidate-amount": fenText(fen(b.candidate.approvedAmount)), "data-diff-amount": fenText(dAmount) },
      label: zoneLabel(b.zone) + " · " + b.year,
      changed: bucketChanged(b),
      diff: "差 Δ " + (kd.countsOnly ? signedCount(dCount) + " 家" : signedFen(dAmount) + " · " + signedCount(dCount) + " 件")
        + (dWait ? " · 候补 waitlisted " + signedCount(dWait) : ""),
      diffClass: "diff " + (change > 0 ? "up" : change < 0 ? "down" : "muted"),
      sides: [["live", "现行 live", b.live], ["candidate", "候选 candidate", b.candidate]].map(function (side) {
        var f = side[2];
        var text = kd.countsOnly ? count(f.approved) + " 家 recognised"
          : yuan(f.approvedAmount) + " · " + count(f.approved) + " 件 approved";
        return {
          label: side[1],
          segments: [{ value: measure(f), colour: "var(--" + side[0] + ")", series: side[0],
            title: zoneLabel(b.zone) + " · " + p.nameZh + " · " + side[1] + " " + text }],
          value: text,
          valueAttrs: { "data-side": side[0] }
        };
      })
    };
  }

  // The bucket's name, and its difference to the right where both fit on a line, else below.
  function whatIfHead(g, r, width, y) {
    var nameW = textWidth(r.label, true), diffW = textWidth(r.diff);
    svgEl("text", { x: 0, y: y + 13, "font-weight": "600", "class": "bucket" }, g, r.label);
    if (nameW + 12 + diffW <= width) {
      textLines(g, width, y + 13, [r.diff], { "text-anchor": "end", "class": r.diffClass });
      return y + LINE + 2;
    }
    var lines = wrap(r.diff, width);
    textLines(g, 0, y + 13 + LINE, lines, { "class": r.diffClass });
    return y + (lines.length + 1) * LINE + 2;
  }

  function renderWhatIfChanges(changes, changed) {
    var body = document.querySelector("#whatif-changes tbody");
    clear(body);
    var amount = function (d) { return d ? fenText(fen(d.approvedAmount)) : ""; };
    var shown = function (d) { return d ? yuan(d.approvedAmount) : "—"; };
    var rows = whatifAllChanges ? WHATIF_ROWS : WHATIF_FIRST;
    var more = document.getElementById("whatif-all-changes");
    more.hidden = changes.length <= WHATIF_FIRST;
    more.textContent = whatifAllChanges
      ? "只显示前 " + WHATIF_FIRST + " 件 show the first " + WHATIF_FIRST + " only"
      : "显示全部 " + count(Math.min(changes.length, WHATIF_ROWS)) + " 件 show all "
        + count(Math.min(changes.length, WHATIF_ROWS)) + " changes";
    changes.slice(0, rows).forEach(function (c) {
      var tr = el("tr", { "data-id": c.applicationId, "data-cause": c.cause }, body);
      tr.title = ["live", "candidate"].map(function (s) {
        return s + ": " + (c[s] ? (c[s].reasons || []).join(", ") : "—");
      }).join("\n");
      var id = el("td", { "class": "id" }, tr);
      el("a", { href: "#/applications/" + encodeURIComponent(c.applicationId) }, id, c.applicationId);
      var st = el("td", { "class": "change" }, tr);
      [c.live, c.candidate].forEach(function (d, i) {
        if (i) st.appendChild(document.createTextNode(" → "));
        if (d) statusBadge(st, d.status); else el("span", { "class": "muted" }, st, "未决定 none");
      });
      if (c.programme && countsOnly(c.programme)) {
        el("td", { "class": "num muted" }, tr, NOT_AN_AMOUNT);
      } else {
        el("td", { "class": "num", "data-live-amount": amount(c.live), "data-candidate-amount": amount(c.candidate) },
          tr, shown(c.live) + " → " + shown(c.candidate));
      }
      var cause = CAUSES[c.cause];
      el("td", { title: cause ? cause.title : "" }, tr, (cause ? cause.zh + " " : "") + c.cause);
    });
    document.getElementById("whatif-more").textContent = !changes.length ? "没有变化 Nothing changed."
      : changes.length > rows ? "显示前 " + rows + " 件 showing the first " + rows + " of "
        + count(changed) + (rows === WHATIF_ROWS ? " (GET /whatif/NAME has all)" : "") : "";
  }

  // ---- fetching and live updates ----------------------------------------------------------

  // Every request of the page goes through here. The session's cookie goes with it (same origin);
  // a 401 means it ended, and the sign-in form opens (people.js). The error carries the status, and
  // the JSON body when there is one.
  function api(path) {
    return fetch(path, { headers: { Accept: "application/json" } }).then(function (r) {
      if (r.status === 401) People.unauthorized();
      if (!r.ok) {
        var e = new Error(path + " answered " + r.status);
        e.status = r.status;
        return r.json().then(function (body) { e.body = body; throw e; }, function () { throw e; });
      }
      return r.json();
    });
  }

  // What a 401 or 403 says to the person; null for other errors.
  function refusal(e) {
    var why = e.body && e.body.error ? ": " + e.body.error : "";
    if (e.status === 401) return "请先登录 Sign in first (401)" + why;
    if (e.status === 403) return "无权查看 Not yours to read (403)" + why;
    return null;
  }

  // Each panel's feed loads on its own, so that one can be left out (a role that may not read it)
  // without the others noticing.
  function loadTotals() {
    api("/totals").then(function (list) {
      list.forEach(putTotals);
      scheduleRender();
    }).catch(function () { /* 503 during a rebalance: keep what is shown, try again later */ });
  }

  function loadFinance() {
    api("/reconciliation").then(function (days) {
      putFinance(days);
      scheduleRender();
    }).catch(function () {});
  }

  function loadLatest() {
    api("/decisions/latest?limit=" + LATEST).then(function (list) {
      list.slice().reverse().forEach(addDecision);
      latest.sort(function (a, b) { return Date.parse(b.decidedAt) - Date.parse(a.decidedAt); });
      scheduleRender();
    }).catch(function () {});
  }

  function loadHealth() {
    var pill = document.getElementById("health");
    var show = function (h) {
      pill.textContent = "streams " + h.state;
      pill.className = h.state === "RUNNING" ? "pill" : "pill off";
    };
    api("/health").then(show).catch(function (e) {
      if (e.body && e.body.state) return show(e.body); // 503 while not running says its state
      pill.textContent = "服务不可达 server unreachable";
      pill.className = "pill off";
    });
  }

  // Only what the person may read is asked for (people.js); the totals and health are open.
  function refresh() {
    loadTotals();
    if (People.may("reconciliation")) loadFinance();
    if (People.may("decisions")) loadLatest();
    loadHealth();
  }

  function listen() {
    var live = document.getElementById("live");
    if (!People.may("decisions")) {
      live.textContent = "每 " + REFRESH_MS / 1000 + " 秒刷新 refreshed every " + REFRESH_MS / 1000 + " s";
      return; // the live events carry enterprises' decisions
    }
    if (!window.EventSource) return;
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
  document.getElementById("search").addEventListener("submit", function (e) {
    e.preventDefault();
    var id = document.getElementById("search-id").value.trim();
    if (!id) return;
    var hash = "#/applications/" + encodeURIComponent(id);
    if (location.hash === hash) route(); else location.hash = hash;
  });
  document.getElementById("app-close").addEventListener("click", function () {
    history.replaceState(null, "", location.pathname + location.search);
    route();
  });
  document.getElementById("whatif-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var name = document.getElementById("whatif-name").value.trim();
    if (!name) return;
    history.replaceState(null, "", "?whatif=" + encodeURIComponent(name) + location.hash);
    showWhatIf(name);
  });
  document.getElementById("whatif-all-changes").addEventListener("click", function () {
    whatifAllChanges = !whatifAllChanges;
    if (whatifRun) renderWhatIfChanges(whatifRun.changes || [], whatifRun.changed);
  });
  document.getElementById("whatif-zero").addEventListener("click", function () {
    whatifAllZero = !whatifAllZero;
    if (whatifRun) renderWhatIfChart(whatifRun.buckets || []);
  });
  window.addEventListener("hashchange", route);
  // Charts are drawn at their width: drawn again when it changes (a turned phone, a scroll bar).
  if (window.ResizeObserver) {
    var resized = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) {
        var svg = entry.target, drawn = Number(svg.getAttribute("data-width"));
        if (!drawn || Math.abs(Math.floor(entry.contentRect.width) - drawn) < 1) return;
        if (svg.id === "chart-whatif") {
          if (whatifRun) renderWhatIfChart(whatifRun.buckets || []);
        } else {
          scheduleRender();
        }
      });
    });
    ["chart-approved", "chart-budget", "chart-status", "chart-whatif"].forEach(function (id) {
      resized.observe(document.getElementById(id));
    });
  }

  // The programme list comes from the server; until it answers, totals show under their codes.
  var ready = Promise.all([
    api("/programmes").then(function (list) {
      programmes = list.map(function (p, i) {
        return { code: p.code, nameZh: p.nameZh, nameEn: p.nameEn, moneyKind: p.moneyKind,
          colour: PALETTE[i % PALETTE.length] };
      });
      legends();
      render();
    }).catch(function () {}),
    api("detail-labels.json").then(function (l) { labels = l; }).catch(function () {}),
    api("reason-labels.json").then(function (l) { reasonLabels = l; scheduleRender(); }).catch(function () {})
  ]);
  legends();
  render();
  // Who is signed in decides which panels load; an unreachable /session shows the open ones.
  People.load().catch(function () {}).then(function () {
    refresh();
    listen();
    route();
    var asked = new URLSearchParams(location.search).get("whatif");
    if (asked && People.may("whatif")) showWhatIf(asked);
    setInterval(refresh, REFRESH_MS);
  });
})();
