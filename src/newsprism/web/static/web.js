/* newsprism web app: progress polling, the compare form's "add another text" and size check. No external code. */
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
  // The server refuses a body over its limit without reading it, so what was pasted would not come back
  // with its error page: check the size here first, say so, and keep the form as it is.
  var form = document.getElementById("compare-form");
  if (form && window.TextEncoder) {
    var encoder = new TextEncoder();
    var PART = 200; // a generous allowance for each part's boundary and headers
    var size = function (n) {
      return n >= 1e6 ? (n / 1e6).toFixed(1) + " MB" : Math.round(n / 1e3) + " kB";
    };
    form.addEventListener("submit", function (e) {
      var maxRequest = Number(form.getAttribute("data-max-request")) || 0;
      var maxUpload = Number(form.getAttribute("data-max-upload")) || 0;
      var total = PART;
      var problem = "";
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.disabled) { return; }
        if (el.type === "file") {
          Array.prototype.forEach.call(el.files || [], function (f) {
            total += PART + encoder.encode(f.name).length + f.size;
            if (!problem && maxUpload && f.size > maxUpload) {
              problem = "The file “" + f.name + "” is " + size(f.size) + ", above this server's upload limit of " +
                size(maxUpload) + " per file. Nothing was sent: choose a smaller file or paste the article text instead.";
            }
          });
          if (!el.files || !el.files.length) { total += PART; }
          return;
        }
        var value = el.value || "";
        var breaks = (value.match(/\r?\n/g) || []).length; // sent as CRLF
        total += PART + encoder.encode(el.name).length + encoder.encode(value).length + breaks;
      });
      if (!problem && maxRequest && total > maxRequest) {
        problem = "These articles come to about " + size(total) + ", above this server's limit of " +
          size(maxRequest) + " in all. Nothing was sent and your text is still in the form: remove a file " +
          "or some text, or split the articles into several comparisons.";
      }
      var box = document.getElementById("size-error");
      if (problem) {
        e.preventDefault();
        box.textContent = problem;
        box.hidden = false;
        box.scrollIntoView({block: "center"});
      } else {
        box.hidden = true;
      }
    });
  }
  // "Back to the form" on an error page: history keeps the form filled in; the link is the fallback.
  Array.prototype.forEach.call(document.querySelectorAll("a[data-back]"), function (a) {
    a.addEventListener("click", function (e) {
      if (window.history.length > 1 && document.referrer) {
        e.preventDefault();
        window.history.back();
      }
    });
  });
}());
