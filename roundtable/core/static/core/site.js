// Roundtable: the little JavaScript the site uses; every page works without it.
// Escape closes an open menu (a <details data-menu>) and gives focus back to its toggle.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll("details[data-menu][open]").forEach(function (menu) {
    var hadFocus = menu.contains(document.activeElement);
    menu.open = false;
    if (hadFocus) menu.querySelector("summary").focus();
  });
});
