// Follows background work on /jobs/{id}: asks /api/jobs/{id} how far it has come and updates the bar and the text
// (read out by screen readers through role=status). When the work is done it reloads the page, and the server sends
// the user on to the result. Without this script the page reloads itself (a <noscript> refresh) and works the same.
(function () {
    "use strict";
    var root = document.getElementById("fremdrift");
    if (!root) return;
    var text = document.getElementById("fremdrift-tekst");
    var bar = document.getElementById("fremdrift-mal");
    var url = "/api/jobs/" + encodeURIComponent(root.dataset.work);

    function tick() {
        fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
            .then(function (response) {
                if (!response.ok) throw new Error("HTTP " + response.status);
                return response.json();
            })
            .then(function (work) {
                if (work.state === "succeeded" || work.state === "failed") {
                    window.location.reload();
                    return;
                }
                if (text.textContent !== work.summary) text.textContent = work.summary;
                if (bar) {
                    if (work.percent === null || work.percent === undefined) bar.removeAttribute("value");
                    else bar.value = work.percent;
                }
                window.setTimeout(tick, 500);
            })
            .catch(function () {
                // The service may be restarting; the work is kept in the database and resumes, so keep asking.
                window.setTimeout(tick, 3000);
            });
    }

    window.setTimeout(tick, 400);
})();
