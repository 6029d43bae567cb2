/* newsprism web app: progress polling and the compare form's "add another text". No external code. */
(function () {
  "use strict";
  var job = document.getElementById("job");
  if (job) {
    var id = job.getAttribute("data-job");
    var target = job.getAttribute("data-reload");
    var stage = document.getElementById("job-stage");
    var status = document.getElementById("job-status");
    var stages = document.getElementById("job-stages");
    var error = document.getElementById("job-error");
    var poll = function () {
      fetch("/api/jobs/" + encodeURIComponent(id), {headers: {"Accept": "application/json"}})
        .then(function (r) { return r.json(); })
        .then(function (j) {
          if (j.error && j.status === undefined) { throw new Error(j.error); }
          stage.textContent = j.stage;
          status.textContent = "(" + j.status + ", " + j.elapsed + " s)";
          stages.textContent = "";
          (j.stages || []).forEach(function (s) {
            var li = document.createElement("li");
            li.textContent = s;
            stages.appendChild(li);
          });
          // replace, not assign: Back from the report goes to the page before the analysis
          if (j.status === "done") { window.location.replace(target); return; }
          if (j.status === "failed") {
            // The server's page for a failed job says why and offers a retry; without this the spinner
            // kept turning under "shows the report when it is ready".
            window.location.replace(target);
            return;
          }
          window.setTimeout(poll, 600);
        })
        .catch(function (e) {
          error.textContent = "Lost contact with the server (" + e.message + "); reload the page to retry.";
          error.hidden = false;
        });
    };
    window.setTimeout(poll, 300);
  }
  var add = document.getElementById("add-text");
  if (add) {
    add.addEventListener("click", function () {
      var items = document.querySelectorAll("#texts .text-item");
      var copy = items[items.length - 1].cloneNode(true);
      copy.querySelector("legend").textContent = "Article " + (items.length + 1);
      copy.querySelectorAll("textarea, input").forEach(function (el) { el.value = ""; });
      document.getElementById("texts").appendChild(copy);
    });
  }
}());
