// Site JavaScript: starts the GOV.UK Frontend 6.6.0 components the site uses.
//
// Loaded with <script type="module" src="…/site.mjs"></script>. The generator
// copies node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js next to
// this file. No inline script is needed (Content-Security-Policy friendly).

import {
  Button,
  ExitThisPage,
  NotificationBanner,
  ServiceNavigation,
  SkipLink,
  createAll
} from "./govuk-frontend.min.js";

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
