// Builds elements from data without innerHTML: names and snippets come from reports, not from us.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

export function showError(err) {
  const box = document.getElementById('error');
  box.textContent = `出错了 — ${err.message ?? err}`;
  box.hidden = false;
  document.body.dataset.state = 'error';
}
