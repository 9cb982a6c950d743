// integrationskonzept: copy buttons for IRIs, and the cue on tables wider than the column.
(() => {
  // --- copy an IRI: the button names what it copies; a status line announces the copy
  const copy = async (text) => {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (!ok) throw new Error("copy refused");
  };
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.ik-copy");
    if (!button) return;
    const status = button.nextElementSibling;
    copy(button.dataset.ikCopy).then(
      () => {
        button.classList.add("ik-copied");
        if (status && status.classList.contains("ik-copy-status")) {
          status.textContent = button.dataset.ikDone;
          setTimeout(() => { status.textContent = ""; }, 3000);
        }
        setTimeout(() => button.classList.remove("ik-copied"), 3000);
      },
      () => button.classList.add("ik-copy-failed"),
    );
  });

  // --- tables: mark a scroll region that overflows (shows the hint and the edge shadows)
  const mark = (region) => {
    const frame = region.parentElement;
    const room = region.scrollWidth - region.clientWidth;
    frame.classList.toggle("ik-overflows", room > 1);
    frame.classList.toggle("ik-more-left", region.scrollLeft > 1);
    frame.classList.toggle("ik-more-right", region.scrollLeft < room - 1);
  };
  const markAll = () => document.querySelectorAll(".ik-scroll").forEach(mark);
  document.addEventListener("scroll", (event) => {
    if (event.target.classList && event.target.classList.contains("ik-scroll")) mark(event.target);
  }, true);
  window.addEventListener("resize", markAll);
  document.addEventListener("toggle", markAll, true); // a <details> opened
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markAll);
  } else {
    markAll();
  }
})();
