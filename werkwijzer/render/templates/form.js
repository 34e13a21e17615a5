/* The quickscan in the browser: statements from the embedded model data, answers kept in local
   storage after every change, a werkwijzer-answers/1 file to save at the end, and the result,
   scored by the same rule as `werkwijzer score` (exact fractions, the model's own threshold).
   Texts reach the page through textContent only, never as HTML. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("werkwijzer-data").textContent);
  var UNKNOWN = "unknown";
  var $ = function (id) { return document.getElementById(id); };

  // --- the scoring rule (werkwijzer/core/scoring.py) ------------------------------------------

  /* One aspect's phase for a layer: per phase the mean of (v - 1) / 3 over the answers 1-4, as a
     fraction [sum, 3 * count]; null when fewer than half the phase's statements have one. The
     first phase below the threshold is the respondent's; a null score met first: no phase. */
  function scoreAspect(layer, aspectId, answers) {
    var t = data.threshold, scores = {}, phase = null, mastered = false;
    data.phases.forEach(function (p) {
      var items = data.items[layer].filter(function (i) {
        return i.aspect === aspectId && i.phase === p.id;
      });
      var values = items.map(function (i) { return answers[i.id]; }).filter(function (v) {
        return v !== undefined && v !== null;
      });
      scores[p.id] = 2 * values.length < items.length || items.length === 0 ? null
        : [values.reduce(function (s, v) { return s + v - 1; }, 0), 3 * values.length];
    });
    for (var n = 0; n < data.phases.length; n++) {
      var id = data.phases[n].id, s = scores[id];
      if (s === null) { phase = null; break; }
      if (s[0] * t[1] < t[0] * s[1]) { phase = id; break; }
      if (n === data.phases.length - 1) { phase = id; mastered = true; }
    }
    return { id: aspectId, phase: phase, mastered_all: mastered, scores: scores };
  }

  /* The start: the aspect with the lowest phase, then the lowest score in it, then model order. */
  function score(layer, answers) {
    var aspects = data.aspects.map(function (a) { return scoreAspect(layer, a.id, answers); });
    var order = data.phases.map(function (p) { return p.id; });
    var best = null;
    aspects.forEach(function (a) {
      if (a.phase === null) { return; }
      var rank = order.indexOf(a.phase), s = a.scores[a.phase];
      if (best === null || rank < best.rank ||
          (rank === best.rank && s[0] * best.score[1] < best.score[0] * s[1])) {
        best = { rank: rank, score: s, aspect: a.id, phase: a.phase };
      }
    });
    return { aspects: aspects, start: best && { aspect: best.aspect, phase: best.phase } };
  }

  window.werkwijzer = { score: score };  // the browser test holds it against `werkwijzer score`

  // --- keeping the answers ------------------------------------------------------------------------

  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(data.storage_key + ":test", "1");
    storage.removeItem(data.storage_key + ":test");
  } catch (e) {
    storage = null;
  }
  var state = null;

  function load() {
    if (!storage) { return null; }
    try {
      var kept = JSON.parse(storage.getItem(data.storage_key) || "null");
      return kept && data.items[kept.layer] ? kept : null;
    } catch (e) {
      return null;
    }
  }

  function keep() {
    if (!storage) { return; }
    try {
      storage.setItem(data.storage_key, JSON.stringify(state));
    } catch (e) {
      $("no-storage").hidden = false;
    }
  }

  function forget() {
    if (storage) { storage.removeItem(data.storage_key); }
  }

  function today() {
    var d = new Date(), two = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  // --- screens ------------------------------------------------------------------------------------

  function show(id) {
    ["welcome", "resume", "question", "done"].forEach(function (v) { $(v).hidden = v !== id; });
  }

  function items() { return data.items[state.layer]; }

  function answered() {
    return items().filter(function (i) { return i.id in state.answers; }).length;
  }

  function firstOpen() {
    var list = items();
    for (var i = 0; i < list.length; i++) {
      if (!(list[i].id in state.answers)) { return i; }
    }
    return -1;
  }

  function layerName(id) {
    return data.layers.filter(function (l) { return l.id === id; })[0].name;
  }

  function aspectOf(id) {
    return data.aspects.filter(function (a) { return a.id === id; })[0];
  }

  function phaseName(id) {
    return data.phases.filter(function (p) { return p.id === id; })[0].name;
  }

  function start() {
    if (!storage) { $("no-storage").hidden = false; }
    state = load();
    if (state === null) {
      show("welcome");
      return;
    }
    $("resume-text").textContent = "Je gaat verder als " + layerName(state.layer).toLowerCase() +
      ": " + answered() + " van de " + items().length + " uitspraken zijn al beantwoord. " +
      "Alles blijft bewaard in deze browser.";
    show("resume");
    $("continue").focus();
  }

  function begin(event) {
    event.preventDefault();
    var layer = data.layers.length === 1 ? data.layers[0].id : checkedValue("layer");
    if (!layer) {
      $("need-layer").hidden = false;
      document.querySelector("input[name=layer]").focus();
      return;
    }
    var school = data.school || ($("school") ? $("school").value.trim() : "");
    state = {
      layer: layer, school: school || null, respondent: $("respondent").value.trim() || null,
      date: today(), answers: {}, notes: {}, index: 0
    };
    keep();
    ask(0);
  }

  function resume() {
    var open = firstOpen();
    if (open < 0) { finish(); } else { ask(open); }
  }

  function restart() {
    if (!window.confirm("Al je antwoorden in deze browser wissen en opnieuw beginnen?")) { return; }
    forget();
    state = null;
    show("welcome");
    $("welcome-title").focus();
  }

  // --- one statement ------------------------------------------------------------------------------

  function checkedValue(name) {
    var checked = document.querySelector("input[name=" + name + "]:checked");
    return checked ? checked.value : null;
  }

  function radios() { return Array.prototype.slice.call(document.querySelectorAll("input[name=answer]")); }

  function ask(index) {
    var list = items(), item = list[index], aspect = aspectOf(item.aspect);
    var inAspect = list.filter(function (i) { return i.aspect === item.aspect; });
    var position = inAspect.indexOf(item) + 1;
    state.index = index;
    keep();
    $("progress").textContent = aspect.name + " · " + position + " van " + inAspect.length +
      " · totaal " + (index + 1) + " van " + list.length;
    $("bar-aspect").style.backgroundSize = (100 * position / inAspect.length) + "% 100%";
    $("bar-total").style.backgroundSize = (100 * (index + 1) / list.length) + "% 100%";
    $("aspect-name").textContent = aspect.name;
    $("aspect-description").textContent = aspect.description;
    $("aspect-description").hidden = position !== 1;  // as the scan: once, at the aspect's start
    $("statement").textContent = item.text;
    var given = item.id in state.answers ? state.answers[item.id] : undefined;
    radios().forEach(function (r) {
      r.checked = given !== undefined && r.value === (given === null ? UNKNOWN : String(given));
    });
    var note = state.notes[item.id] || "";
    $("note").value = note;
    $("note-box").open = note !== "";
    $("need-answer").hidden = true;
    $("previous").hidden = index === 0;
    show("question");
    var focus = radios().filter(function (r) { return r.checked; })[0] || radios()[0];
    focus.blur();
    focus.focus();
  }

  function current() { return items()[state.index]; }

  function next(event) {
    event.preventDefault();
    var value = checkedValue("answer");
    if (value === null) {
      $("need-answer").hidden = false;
      radios()[0].focus();
      return;
    }
    state.answers[current().id] = value === UNKNOWN ? null : Number(value);
    keep();
    var list = items(), index = state.index;
    var following = index + 1 < list.length ? index + 1 : firstOpen();
    if (following < 0) { finish(); } else { ask(following); }
  }

  function previous() {
    if (state.index > 0) { ask(state.index - 1); }
  }

  function noted() {
    var text = $("note").value.trim();
    if (text) { state.notes[current().id] = text; } else { delete state.notes[current().id]; }
    keep();
  }

  function shortcut(event) {
    var target = event.target;
    if (event.key === "Enter" && target.name === "layer") {
      begin(event);  // Enter on a radio button submits nowhere by itself in every browser
      return;
    }
    if ($("question").hidden || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "Enter" && target.name === "answer") {
      next(event);
      return;
    }
    if (target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && target.type === "text")) {
      return;
    }
    var choice = radios()[Number(event.key) - 1];
    if (/^[1-9]$/.test(event.key) && choice) {
      event.preventDefault();
      choice.checked = true;
      choice.focus();
      $("need-answer").hidden = true;
    } else if (event.key === "t" && state.index > 0) {
      event.preventDefault();
      previous();
    } else if (event.key === "n") {
      event.preventDefault();
      $("note-box").open = true;
      $("note").focus();
    }
  }

  // --- the end ------------------------------------------------------------------------------------

  function finish() {
    $("done-title").textContent = "Klaar: alle " + items().length + " uitspraken zijn beantwoord.";
    showResult();
    show("done");
    $("done-title").focus();
  }

  function fileName() {
    return "werkwijzer-" + state.layer + "-" + state.date + ".json";
  }

  /* The answers file, keys in the order `werkwijzer scan` writes them, statements in scan order. */
  function document_() {
    var doc = { format: "werkwijzer-answers/1", layer: state.layer };
    if (state.school) { doc.school = state.school; }
    if (state.respondent) { doc.respondent = state.respondent; }
    doc.date = state.date;
    doc.model_version = data.model_version;
    doc.answers = {};
    var notes = {};
    items().forEach(function (i) {
      if (i.id in state.answers) { doc.answers[i.id] = state.answers[i.id]; }
      if (state.notes[i.id]) { notes[i.id] = state.notes[i.id]; }
    });
    if (Object.keys(notes).length) { doc.notes = notes; }
    return doc;
  }

  function save() {
    var text = JSON.stringify(document_(), null, 2) + "\n";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = fileName();
    document.body.appendChild(link);
    link.click();
    link.remove();
    var where = data.send_to ? "Zet het nu in " + data.send_to + "."
      : "Stuur het nu naar wie je dit formulier stuurde.";
    $("saved").textContent = "Je antwoorden zijn bewaard als " + fileName() +
      " (meestal in je map Downloads). " + where;
    $("saved").hidden = false;
  }

  function showResult() {
    var result = score(state.layer, state.answers), rows = $("result-rows");
    rows.textContent = "";
    result.aspects.forEach(function (a) {
      var tr = document.createElement("tr"), name = document.createElement("th");
      var phase = document.createElement("td");
      name.scope = "row";
      name.textContent = aspectOf(a.id).name;
      phase.textContent = a.phase === null ? "te weinig antwoorden"
        : phaseName(a.phase) + (a.mastered_all ? " (alles bereikt)" : "");
      tr.appendChild(name);
      tr.appendChild(phase);
      rows.appendChild(tr);
    });
    $("threshold-note").textContent = data.reached_rule;
    var box = $("start");
    box.textContent = "";
    if (result.start === null) {
      para(box, "Er zijn te weinig antwoorden om een startpunt te kiezen. Beantwoord per fase " +
        "minstens de helft van de uitspraken; ‘weet ik niet’ telt daarbij niet mee.");
      return;
    }
    var cell = data.cells[state.layer][result.start.aspect][result.start.phase];
    var lead = para(box, "");
    lead.appendChild(document.createTextNode("Begin bij "));
    strong(lead, aspectOf(result.start.aspect).name);
    lead.appendChild(document.createTextNode(", in de "));
    strong(lead, phaseName(result.start.phase).toLowerCase());
    lead.appendChild(document.createTextNode("."));
    para(box, cell.description);
    if (!cell.actions.length) { return; }
    var heading = document.createElement("h3");
    heading.textContent = "Wat kun je doen?";
    box.appendChild(heading);
    var list = document.createElement("ol");
    cell.actions.forEach(function (action) {
      var li = document.createElement("li");
      strong(li, action.title);
      li.appendChild(document.createTextNode(" (" + action.effort + "). " + action.description));
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function para(parent, text) {
    var p = document.createElement("p");
    p.textContent = text;
    parent.appendChild(p);
    return p;
  }

  function strong(parent, text) {
    var s = document.createElement("strong");
    s.textContent = text;
    parent.appendChild(s);
  }

  function forgetHere() {
    if (!window.confirm("Je antwoorden uit deze browser wissen? Bewaar ze eerst als bestand.")) {
      return;
    }
    forget();
    state = null;
    show("welcome");
    $("welcome-title").focus();
  }

  // --- wiring -------------------------------------------------------------------------------------

  $("start-form").addEventListener("submit", begin);
  $("answer-form").addEventListener("submit", next);
  $("previous").addEventListener("click", previous);
  $("note").addEventListener("input", noted);
  $("continue").addEventListener("click", resume);
  $("restart").addEventListener("click", restart);
  $("save").addEventListener("click", save);
  $("back-to-last").addEventListener("click", function () { ask(items().length - 1); });
  $("forget").addEventListener("click", forgetHere);
  $("print").addEventListener("click", function () { window.print(); });
  document.addEventListener("keydown", shortcut);
  radios().forEach(function (r) {
    r.addEventListener("change", function () { $("need-answer").hidden = true; });
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[name=layer]"), function (r) {
    r.addEventListener("change", function () { $("need-layer").hidden = true; });
  });
  start();
}());
