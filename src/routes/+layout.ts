// A single-page app: pages render in the browser, from the fallback page the server returns.
export const ssr = false;
export const prerender = false;
