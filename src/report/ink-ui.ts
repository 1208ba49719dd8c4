// Everything the live apply view needs, behind one module. The build bundles it (Ink, React and the views,
// minified, in one file: scripts/bundle-ui.js), so a terminal's first frame does not wait for the
// hundreds of files Ink is made of; tests and tsc see this plain module.
export { render } from "ink";
export { createElement } from "react";
export { ApplyView } from "./apply/ApplyView.js";
