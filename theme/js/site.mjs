// Site JavaScript: starts the GOV.UK Frontend 6.6.0 components the site uses.
//
// The build bundles this file with esbuild (src/Assets/ThemeAssets.cs) into
// assets/site.js, one minified ES module holding only the GOV.UK Frontend
// components imported here, loaded with <script type="module" src="…/site.js">.
// Import from the package name, "govuk-frontend", never a file in dist/. No
// inline script is needed (Content-Security-Policy friendly).

import {
  Button,
  ExitThisPage,
  NotificationBanner,
  ServiceNavigation,
  SkipLink,
  createAll
} from "govuk-frontend";

// GOV.UK Frontend only starts components when <body> has the class
// `govuk-frontend-supported`. Its page template sets the class with an inline
// script that tests for ES module support ('noModule' in
// HTMLScriptElement.prototype). This file is itself an ES module, so a browser
// that runs it has passed that test: set the class here instead.
document.body.classList.add("govuk-frontend-supported");

// Button is here because the Exit this page link is a GOV.UK button
// (role="button", data-module="govuk-button"): it makes the space bar
// activate the link, as it would a real button.
for (const Component of [SkipLink, Button, ExitThisPage, ServiceNavigation, NotificationBanner]) {
  createAll(Component, undefined, {
    onError(error, context) {
      console.error(error, context);
    }
  });
}

// The search box in the header: the words go to the search page after '#', which browsers never send
// to the host, so they are in no request and no server log. The box has no name, so without this
// script the form sends nothing.
const siteSearch = document.querySelector(".app-site-search__form");
siteSearch?.addEventListener("submit", (event) => {
  event.preventDefault();
  const words = siteSearch.querySelector("input").value.trim();
  window.location.assign(siteSearch.action.split("?")[0] + (words ? "#" + new URLSearchParams({ q: words }) : ""));
});
