
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");
  var current = null;
  var quietFocus = false;  // focus moved back by the close button: do not reopen

  function byClaim(selector, id) {
    return doc.querySelectorAll(selector.replace("ID", CSS.escape(id)));
  }

  function closeCard() {
    if (current === null) { return; }
    var card = doc.getElementById("card-" + current);
    if (card) { card.classList.remove("open"); }
    byClaim('mark[data-claim="ID"]', current).forEach(function (el) {
      el.classList.remove("active");
      if (el.hasAttribute("aria-expanded")) { el.setAttribute("aria-expanded", "false"); }
    });
    byClaim('.cue[data-cue-for~="ID"]', current).forEach(function (el) { el.classList.remove("active"); });
    current = null;
    showPanel(false);
  }

  function showPanel(on) {
    var panel = doc.getElementById("card-panel");
    var close = doc.getElementById("card-close");
    if (panel) { panel.classList.toggle("showing", on); }
    if (close) { close.hidden = !on; }
  }

  function openCard(id, moveFocus) {
    var card = doc.getElementById("card-" + id);
    if (!card) { return; }
    if (current !== id) {
      closeCard();
      card.classList.add("open");
      byClaim('mark[data-claim="ID"]', id).forEach(function (el) {
        el.classList.add("active");
        if (el.hasAttribute("aria-expanded")) { el.setAttribute("aria-expanded", "true"); }
      });
      byClaim('.cue[data-cue-for~="ID"]', id).forEach(function (el) { el.classList.add("active"); });
      var hint = doc.getElementById("card-hint");
      if (hint) { hint.classList.add("gone"); }
      current = id;
      showPanel(true);
    }
    if (moveFocus) { card.focus(); }
  }

  function goTo(id) {
    var mark = doc.getElementById("hl-" + id);
    if (!mark) { return; }
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
    openCard(id, false);
  }

  var article = doc.getElementById("article");
  if (article) {
    article.addEventListener("click", function (event) {
      var mark = event.target.closest("mark[data-claim]");
      if (mark) { openCard(mark.getAttribute("data-claim"), false); }
    });
    article.addEventListener("focusin", function (event) {
      var mark = event.target.closest("mark[data-claim]");
      if (mark && !quietFocus) { openCard(mark.getAttribute("data-claim"), false); }
    });
    article.addEventListener("keydown", function (event) {
      var mark = event.target.closest("mark[data-claim]");
      if (mark && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        openCard(mark.getAttribute("data-claim"), true);
      }
    });
  }

  var closeButton = doc.getElementById("card-close");
  if (closeButton) {
    closeButton.addEventListener("click", function () {
      var mark = current !== null ? doc.getElementById("hl-" + current) : null;
      closeCard();
      if (mark) {
        quietFocus = true;
        mark.focus({ preventScroll: true });
        quietFocus = false;
      }
    });
  }

  var panel = doc.getElementById("card-panel");
  if (panel) {
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && current !== null) {
        var mark = doc.getElementById("hl-" + current);
        if (mark) { mark.focus(); }
      }
    });
  }

  doc.addEventListener("click", function (event) {
    var link = event.target.closest("[data-goto]");
    if (link) {
      event.preventDefault();
      goTo(link.getAttribute("data-goto"));
    }
  });

  // Sortable tables: a button in each header; numbers sort as numbers.
  function cellKey(row, col) {
    var cell = row.cells[col];
    if (!cell) { return ""; }
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim().toLowerCase();
  }

  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    var numeric = a !== "" && b !== "" && !isNaN(x) && !isNaN(y) && isFinite(a) && isFinite(b);
    if (numeric) { return x - y; }
    if (a === "" && b !== "") { return 1; }
    if (b === "" && a !== "") { return -1; }
    return a < b ? -1 : a > b ? 1 : 0;
  }

  doc.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("th button[data-col]").forEach(function (button) {
      button.addEventListener("click", function () {
        var col = parseInt(button.getAttribute("data-col"), 10);
        var th = button.parentElement;
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var order = compare(cellKey(r1, col), cellKey(r2, col));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  // The claims table's filters.
  var filter = doc.getElementById("claim-filter");
  var stateFilter = doc.getElementById("state-filter");
  var categoryFilter = doc.getElementById("category-filter");
  var count = doc.getElementById("claim-count");
  var claimsTable = doc.getElementById("claims-table");

  function applyFilters() {
    if (!claimsTable) { return; }
    var words = filter ? filter.value.trim().toLowerCase() : "";
    var state = stateFilter ? stateFilter.value : "";
    var category = categoryFilter ? categoryFilter.value : "";
    var rows = claimsTable.tBodies[0].rows, shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var keep = (!words || row.textContent.toLowerCase().indexOf(words) !== -1) &&
        (!state || row.getAttribute("data-state") === state) &&
        (!category || row.getAttribute("data-category") === category);
      row.hidden = !keep;
      if (keep) { shown++; }
    }
    if (count) { count.textContent = shown + " of " + rows.length + " shown"; }
  }

  [filter, stateFilter, categoryFilter].forEach(function (el) {
    if (el) { el.addEventListener("input", applyFilters); }
  });
  applyFilters();
})();
