// A few SVG charts, no library: the dashboard runs offline and needs only lines and bars.
// Every chart marks its container with data-state ("ready" or "empty") and data-points (how many
// values it drew), which the browser test reads.
(function (global) {
    'use strict';

    const NS = 'http://www.w3.org/2000/svg';
    const H = 260;
    // the drawing is as wide as its card, one unit per pixel, so text keeps its size on wide cards
    let W = 640;
    const PAD = {top: 16, right: 16, bottom: 46, left: 52};

    function el(name, attrs, parent) {
        const node = document.createElementNS(NS, name);
        Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
        if (parent) {
            parent.appendChild(node);
        }
        return node;
    }

    function text(parent, x, y, content, cls, anchor) {
        const t = el('text', {x: x, y: y, class: cls || 'tick', 'text-anchor': anchor || 'middle'}, parent);
        t.textContent = content;
        return t;
    }

    function svg(container, height) {
        container.innerHTML = '';
        W = Math.max(320, Math.round(container.clientWidth || 640));
        return el('svg', {viewBox: `0 0 ${W} ${height || H}`, role: 'img'}, container);
    }

    function niceMax(max) {
        if (!(max > 0)) {
            return 1;
        }
        const magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        const steps = [1, 2, 2.5, 5, 10];
        for (const s of steps) {
            if (s * magnitude >= max) {
                return s * magnitude;
            }
        }
        return 10 * magnitude;
    }

    function yAxis(root, max, format, height) {
        const h = height || H;
        const plotH = h - PAD.top - PAD.bottom;
        for (let i = 0; i <= 4; i++) {
            const v = (max * i) / 4;
            const y = PAD.top + plotH - (plotH * i) / 4;
            el('line', {x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: 'grid'}, root);
            text(root, PAD.left - 6, y + 4, format(v), 'tick', 'end');
        }
        el('line', {x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: PAD.top + plotH, class: 'axis'}, root);
        el('line', {x1: PAD.left, x2: W - PAD.right, y1: PAD.top + plotH, y2: PAD.top + plotH, class: 'axis'}, root);
        return plotH;
    }

    function legend(root, series, height) {
        let x = PAD.left;
        const y = (height || H) - 8;
        series.forEach(s => {
            el('rect', {x: x, y: y - 9, width: 10, height: 10, fill: s.color}, root);
            const t = text(root, x + 14, y, s.name, 'legend', 'start');
            x += 24 + t.getComputedTextLength() + 12;
        });
    }

    function empty(container, message) {
        container.innerHTML = '';
        const p = document.createElement('div');
        p.className = 'empty';
        p.textContent = message || 'No data in this period.';
        container.appendChild(p);
        container.dataset.state = 'empty';
        container.dataset.points = '0';
    }

    function labelEvery(n) {
        return Math.max(1, Math.ceil(n / Math.max(4, Math.floor(W / 90))));
    }

    /** series: [{name, color, values: [number|null], hollow: [bool], dashed}] over shared labels. */
    function line(container, labels, series, options) {
        const opts = options || {};
        const format = opts.format || (v => String(v));
        const all = series.flatMap(s => s.values).filter(v => v !== null && v !== undefined);
        if (labels.length === 0 || all.length === 0) {
            empty(container, opts.emptyMessage);
            return;
        }
        const root = svg(container);
        const max = opts.max || niceMax(Math.max(...all));
        const plotH = yAxis(root, max, format);
        const plotW = W - PAD.left - PAD.right;
        const x = i => PAD.left + (labels.length === 1 ? plotW / 2 : (plotW * i) / (labels.length - 1));
        const y = v => PAD.top + plotH - (plotH * v) / max;
        const every = labelEvery(labels.length);
        labels.forEach((label, i) => {
            if (i % every === 0) {
                text(root, x(i), PAD.top + plotH + 16, label);
            }
        });
        let points = 0;
        series.forEach(s => {
            let d = '';
            s.values.forEach((v, i) => {
                if (v === null || v === undefined) {
                    return;
                }
                d += (d === '' ? 'M' : 'L') + x(i).toFixed(1) + ',' + y(v).toFixed(1);
            });
            el('path', {
                d: d,
                fill: 'none',
                stroke: s.color,
                'stroke-width': 2,
                'stroke-dasharray': s.dashed ? '6 4' : 'none',
                class: 'series'
            }, root);
            s.values.forEach((v, i) => {
                if (v === null || v === undefined) {
                    return;
                }
                const hollow = s.hollow && s.hollow[i];
                const c = el('circle', {
                    cx: x(i), cy: y(v), r: 3.5,
                    fill: hollow ? '#fff' : s.color, stroke: s.color, 'stroke-width': 1.5, class: 'point'
                }, root);
                el('title', {}, c).textContent = `${s.name} ${labels[i]}: ${format(v)}`;
                points++;
            });
        });
        legend(root, series);
        container.dataset.state = 'ready';
        container.dataset.points = String(points);
    }

    /** Grouped vertical bars: series [{name, color, values: [number]}] over labels. */
    function bars(container, labels, series, options) {
        const opts = options || {};
        const format = opts.format || (v => String(v));
        const all = series.flatMap(s => s.values).filter(v => v !== null && v !== undefined);
        if (labels.length === 0 || all.length === 0) {
            empty(container, opts.emptyMessage);
            return;
        }
        const root = svg(container);
        const max = opts.max || niceMax(Math.max(...all));
        const plotH = yAxis(root, max, format);
        const plotW = W - PAD.left - PAD.right;
        const group = plotW / labels.length;
        const barW = Math.min(40, (group * 0.8) / series.length);
        let points = 0;
        labels.forEach((label, i) => {
            const start = PAD.left + group * i + (group - barW * series.length) / 2;
            series.forEach((s, j) => {
                const v = s.values[i];
                if (v === null || v === undefined) {
                    return;
                }
                const h = (plotH * v) / max;
                const r = el('rect', {
                    x: start + j * barW, y: PAD.top + plotH - h, width: barW - 2, height: Math.max(h, 0.5),
                    fill: s.color, class: 'bar'
                }, root);
                el('title', {}, r).textContent = `${label} · ${s.name}: ${format(v)}`;
                points++;
            });
            text(root, PAD.left + group * i + group / 2, PAD.top + plotH + 16, label.length > 16 ? label.slice(0, 15) + '…' : label);
        });
        if (series.length > 1 || opts.legend) {
            legend(root, series);
        }
        container.dataset.state = 'ready';
        container.dataset.points = String(points);
    }

    /** Horizontal bars: [{label, value}] largest first. */
    function hbars(container, rows, options) {
        const opts = options || {};
        const format = opts.format || (v => String(v));
        if (rows.length === 0) {
            empty(container, opts.emptyMessage);
            return;
        }
        const rowH = 24;
        const height = Math.max(120, rows.length * rowH + 24);
        const root = svg(container, height);
        const left = 130;
        const max = niceMax(Math.max(...rows.map(r => r.value)));
        const plotW = W - left - 60;
        rows.forEach((r, i) => {
            const y = 10 + i * rowH;
            const w = (plotW * r.value) / max;
            text(root, left - 8, y + 14, r.label.length > 18 ? r.label.slice(0, 17) + '…' : r.label, 'label', 'end');
            const rect = el('rect', {x: left, y: y + 2, width: Math.max(w, 0.5), height: rowH - 6, fill: opts.color || '#2f8f5b', class: 'bar'}, root);
            el('title', {}, rect).textContent = `${r.label}: ${format(r.value)}`;
            text(root, left + w + 6, y + 14, format(r.value), 'tick', 'start');
        });
        container.dataset.state = 'ready';
        container.dataset.points = String(rows.length);
    }

    global.Charts = {line: line, bars: bars, hbars: hbars, empty: empty};
})(window);
