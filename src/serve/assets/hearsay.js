// hearsay's pages: diagrams are fetched as SVG and put inline, so that their nodes are links.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll(".diagram[data-src]")) {
    box.textContent = "Drawing the diagram…";
    fetch(box.dataset.src)
      .then((r) => (r.ok ? r.text() : r.text().then((t) => Promise.reject(new Error(t)))))
      .then((svg) => {
        const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
        box.replaceChildren(document.importNode(doc.documentElement, true));
        box.dataset.loaded = "true";
      })
      .catch((e) => { box.textContent = "No diagram: " + e.message; });
  }
  const target = document.getElementById("target");
  if (target) target.scrollIntoView({ block: "center" });
  const editor = document.getElementById("yasgui");
  if (editor && window.Yasgui) {
    new window.Yasgui(editor, {
      requestConfig: { endpoint: window.location.origin + "/sparql", method: "POST" },
      copyEndpointOnNewTab: false,
    });
  }
});
