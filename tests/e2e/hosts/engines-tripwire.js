// Loaded by hosts/engines-rich.html before anything else: every way the hostile HTML in its
// article body could run calls window.__tripped(what), and dialogs count too.
window.__trips = [];
window.__tripped = (what) => window.__trips.push(what);
for (const name of ['alert', 'prompt', 'confirm']) window[name] = () => window.__trips.push(name);
