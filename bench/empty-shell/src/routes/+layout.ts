// A single-page app, as the portal: the page renders in the browser from the fallback page.
export const ssr = false;
export const prerender = false;
