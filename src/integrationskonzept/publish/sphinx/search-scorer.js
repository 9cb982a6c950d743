/* integrationskonzept: how the site's search ranks and summarises its results.
 *
 * Sphinx inlines this file (the html_search_scorer) into language_data.js, which the search
 * page loads after searchtools.js. Every entity page has its code and names as index
 * entries (publish/site/search.py); an entry that is the query scores 100, far above titles
 * (at most 16) and words in the text (5). Where two pages share an entry (goal C-1 and
 * indicator C-1 both have the code "C-1"), the kind decides: field or topic, then goal,
 * indicator, actor and network, then the rest.
 *
 * The summary under each result starts with the page's own description (its
 * <meta name="description">: title, kind and statement); the language switch, the heading
 * (which the result's link shows), buttons and hints are left out.
 */
"use strict";

var Scorer = {
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
  // the kinds of page that win a tie between index entries, by the start of their page name
  ikKindBonus: [
    ["field/", 4],
    ["topic/", 4],
    ["goal/", 3],
    ["indicator/", 2],
    ["actor/", 2],
    ["network/", 2],
  ],
  score: (result) => {
    const [docname, , , , score, , kind] = result;
    if (kind !== "index") return score;
    const found = Scorer.ikKindBonus.find(([prefix]) => docname.startsWith(prefix));
    return score + (found ? found[1] : 0);
  },
};

if (typeof Search !== "undefined" && !Search.ikSummaries) {
  const pageText = Search.htmlToText;
  Search.ikSummaries = true;
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    page
      .querySelectorAll('.ik-language-switch, .ik-copy, .ik-scroll-hint, [role="main"] h1')
      .forEach((element) => element.remove());
    const meta = page.querySelector('meta[name="description"]');
    const text = pageText(page.documentElement.outerHTML, anchor);
    return meta && meta.content && !anchor ? `${meta.content} · ${text}` : text;
  };
}
