// Sphinx's doctools.js picks a plural form with translated[PLURAL_EXPR(n)]. For German the
// catalogue's expression is "(n != 1)", a boolean, so the lookup is undefined and the search
// page stops with a TypeError once it has results. Pick the form by number, and fall back
// to the English text where the catalogue has an empty translation.
(() => {
  if (typeof Documentation === "undefined") return;
  Documentation.ngettext = (singular, plural, n) => {
    const translated = Documentation.TRANSLATIONS[singular];
    const form = Array.isArray(translated)
      ? translated[Number(Documentation.PLURAL_EXPR(n))]
      : undefined;
    return form || (n === 1 ? singular : plural);
  };
})();
