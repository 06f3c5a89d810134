// parallax report pages: sorting and search on the index, filters on an
// event page. Everything here only hides, shows or reorders what the HTML
// already holds, so with scripts off the page reads fully. The controls are
// in the page with `hidden` and shown from here, so that a reader without
// scripts never sees a control that does nothing. No request of any kind.
(function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function indexPage(table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = table.tHead.rows[0].cells;
    var sortKey = function (cell, kind) {
      var value = cell.getAttribute("data-value");
      if (value === null) { value = cell.textContent; }
      return kind === "number" ? parseFloat(value) : value.toLowerCase();
    };
    each(headers, function (header, column) {
      var kind = header.getAttribute("data-sort");
      if (!kind) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = header.textContent;
      header.textContent = "";
      header.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        each(headers, function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var keyed = rows.map(function (row, idx) {
          return { key: sortKey(row.cells[column], kind), idx: idx, row: row };
        });
        keyed.sort(function (a, b) {
          var order = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
          return (ascending ? order : -order) || a.idx - b.idx;
        });
        var fragment = document.createDocumentFragment();
        keyed.forEach(function (item) { fragment.appendChild(item.row); });
        body.appendChild(fragment);
      });
    });
    var search = document.getElementById("event-search");
    var status = document.getElementById("search-status");
    var filter = function () {
      var terms = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute("data-search") || "";
        var match = terms.every(function (term) { return text.indexOf(term) >= 0; });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      status.textContent = shown + " of " + rows.length + " events shown";
    };
    search.addEventListener("input", filter);
    document.getElementById("search-form").hidden = false;
    document.getElementById("search-form").addEventListener("submit", function (event) {
      event.preventDefault();
    });
  }

  function eventPage(form) {
    var type = document.getElementById("f-type");
    var speaker = document.getElementById("f-speaker");
    var confidence = document.getElementById("f-confidence");
    var shownConfidence = document.getElementById("f-confidence-value");
    var status = document.getElementById("filter-status");
    var findingsOf = function (element) {
      var text = element.getAttribute("data-findings") || "";
      return text.split(" ").filter(Boolean).map(function (item) {
        var parts = item.split(":");
        return { kind: parts[0], confidence: parseFloat(parts[1]) };
      });
    };
    var apply = function () {
      var kind = type.value;
      var who = speaker.value;
      var least = parseFloat(confidence.value);
      shownConfidence.textContent = least.toFixed(2);
      var counts = { rows: 0, allRows: 0, findings: 0, allFindings: 0 };
      each(document.querySelectorAll("[data-findings]"), function (element) {
        var speakers = (element.getAttribute("data-speakers") || "").split("|");
        var heard = !who || speakers.indexOf(who) >= 0;
        var found = (!kind && least <= 0) || findingsOf(element).some(function (finding) {
          return (!kind || finding.kind === kind) && finding.confidence >= least;
        });
        element.hidden = !(heard && found);
        var counter = element.classList.contains("finding") ? "findings" : "rows";
        counts[counter === "rows" ? "allRows" : "allFindings"] += 1;
        if (!element.hidden) { counts[counter] += 1; }
      });
      each(document.querySelectorAll("[data-kind]"), function (badge) {
        var confidenceOfBadge = parseFloat(badge.getAttribute("data-confidence"));
        badge.hidden = (kind && badge.getAttribute("data-kind") !== kind) || confidenceOfBadge < least;
      });
      status.textContent = "Showing " + counts.rows + " of " + counts.allRows + " statements and " +
        counts.findings + " of " + counts.allFindings + " findings.";
    };
    each([type, speaker, confidence], function (control) {
      control.addEventListener("input", apply);
      control.addEventListener("change", apply);
    });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  var events = document.getElementById("events");
  if (events) { indexPage(events); }
  var filters = document.getElementById("filters");
  if (filters) { eventPage(filters); }
  // Printed, the full texts are part of the page.
  window.addEventListener("beforeprint", function () {
    each(document.querySelectorAll("details"), function (details) { details.open = true; });
  });
}());
