// The operators' dashboard: reads the admin APIs with the operator's token (kept in this tab's
// sessionStorage only) and draws each metric with charts.js.
(function () {
    'use strict';

    const TOKEN_KEY = 'freshloop.operatorToken';
    const GREEN = '#2f8f5b';
    const ORANGE = '#e07b39';
    const BLUE = '#3a6ea5';
    const $ = id => document.getElementById(id);

    const pct = v => (v === null || v === undefined) ? '–' : (v * 100).toFixed(Math.abs(v) < 0.1 ? 1 : 0) + ' %';
    const num = v => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10).toLocaleString('en');
    const shortDay = d => d.slice(5);

    function isoDay(date) {
        return date.toISOString().slice(0, 10);
    }

    function initialRange() {
        const params = new URLSearchParams(window.location.search);
        const tomorrow = new Date(Date.now() + 86400000);
        const to = params.get('to') || isoDay(tomorrow);
        const from = params.get('from') || isoDay(new Date(Date.parse(to) - 90 * 86400000));
        $('from').value = from;
        $('to').value = to;
        $('grain').value = ['day', 'week', 'month'].includes(params.get('grain')) ? params.get('grain') : 'day';
    }

    function status(message, error) {
        const s = $('status');
        s.textContent = message;
        s.className = error ? 'error' : '';
    }

    async function api(path) {
        const token = sessionStorage.getItem(TOKEN_KEY) || '';
        const response = await fetch(path, {headers: {Authorization: 'Bearer ' + token, Accept: 'application/json'}});
        if (response.status === 401) {
            throw new Error('the token was rejected (401): paste a valid operator token');
        }
        if (response.status === 403) {
            throw new Error('this token is not an operator\'s (403)');
        }
        if (!response.ok) {
            let detail = '';
            try {
                detail = (await response.json()).detail || '';
            } catch (ignored) {
                // not JSON
            }
            throw new Error(`${path.split('?')[0]} answered ${response.status} ${detail}`);
        }
        return response.json();
    }

    function range() {
        return `from=${$('from').value}T00:00:00Z&to=${$('to').value}T00:00:00Z`;
    }

    const panels = {
        async repurchase(r) {
            const grain = $('grain').value;
            $('grain-name').textContent = grain;
            const report = await api(`/admin/v1/metrics/repurchase-rate?${r}&groupBy=${grain}`);
            const rows = report.rows;
            Charts.line($('repurchase-chart'), rows.map(x => shortDay(x.key)), [{
                name: '30-day repurchase rate',
                color: GREEN,
                values: rows.map(x => x.rate),
                hollow: rows.map(x => !x.complete)
            }], {format: pct, emptyMessage: 'No orders in this period.'});
        },
        async redemption(r) {
            const report = await api(`/admin/v1/metrics/coupon-redemption?${r}&groupBy=campaign`);
            const rows = report.rows;
            Charts.bars($('redemption-chart'), rows.map(x => x.key), [{
                name: 'redemption rate', color: GREEN, values: rows.map(x => x.rate)
            }], {format: pct, max: 1, emptyMessage: 'No coupons issued in this period.'});
        },
        async segments() {
            const at = `${$('to').value}T00:00:00Z`;
            const rows = await api(`/admin/v1/metrics/segments?kind=segment&at=${at}`);
            Charts.hbars($('segments-chart'), rows.map(x => ({label: x.segment, value: x.users})), {
                format: v => num(v) + (v === 1 ? ' user' : ' users'), color: BLUE, emptyMessage: 'No segments assigned yet.'
            });
        },
        async attribution(r) {
            const body = await api(`/admin/v1/metrics/attribution?${r}`);
            const channels = body.report.channels;
            $('attribution-organic').textContent =
                `${body.report.repurchases} repurchases, ${body.report.organic} without touchpoints (organic).`;
            Charts.bars($('attribution-chart'), channels.map(c => c.channel), [
                {name: 'Shapley', color: GREEN, values: channels.map(c => c.shapley)},
                {name: 'last touch', color: ORANGE, values: channels.map(c => c.lastTouch)}
            ], {format: num, emptyMessage: 'No repurchase had a touchpoint in this period.'});
        },
        async recall(r) {
            const report = await api(`/admin/v1/metrics/campaign-recall?${r}`);
            const rows = report.rows;
            Charts.bars($('recall-chart'), rows.map(x => x.campaign), [
                {name: 'treatment', color: GREEN, values: rows.map(x => x.treatment.rate)},
                {name: 'control', color: '#9aa8a0', values: rows.map(x => x.control.rate)}
            ], {format: pct, max: 1, emptyMessage: 'No campaign members in this period.'});
        },
        async forecast(r) {
            const report = await api(`/admin/v1/metrics/forecast-vs-actual?${r}`);
            const days = report.days;
            $('forecast-note').textContent = report.forecastAvailable
                ? 'Units sold per day (all SKUs) beside the latest demand forecast.'
                : 'Units sold per day (all SKUs). No demand forecast is published as an event yet (demand.forecasted), so only actuals are drawn.';
            const series = [{name: 'actual units', color: BLUE, values: days.map(d => d.actualUnits)}];
            if (report.forecastAvailable) {
                series.push({name: 'forecast', color: ORANGE, dashed: true, values: days.map(d => d.forecastUnits)});
            }
            Charts.line($('forecast-chart'), days.map(d => shortDay(d.date)), series, {format: num});
        },
        async push(r) {
            const report = await api(`/admin/v1/metrics/push?${r}&groupBy=${$('grain').value}`);
            const rows = report.rows;
            Charts.line($('push-chart'), rows.map(x => shortDay(x.key)), [
                {name: 'open rate', color: BLUE, values: rows.map(x => x.openRate)},
                {name: 'conversion rate', color: GREEN, values: rows.map(x => x.conversionRate)}
            ], {format: pct, max: 1, emptyMessage: 'No pushes sent in this period.'});
        },
        async alerts() {
            const alerts = await api('/admin/v1/metrics/alerts');
            const list = $('alerts-list');
            list.innerHTML = '';
            if (alerts.length === 0) {
                list.innerHTML = '<div class="empty">No alert raised in the last 30 days.</div>';
            }
            alerts.slice(0, 10).forEach(a => {
                const row = document.createElement('div');
                row.textContent = `${a.raisedAt.slice(0, 16).replace('T', ' ')} · ${a.metric} = ${a.value.toFixed(3)}`
                    + ` (baseline ${a.baseline.toFixed(3)}, ${pct(a.changeRatio)})`;
                list.appendChild(row);
            });
            list.dataset.state = 'ready';
        }
    };

    async function load() {
        if (!sessionStorage.getItem(TOKEN_KEY)) {
            status('Enter an operator token first.', true);
            return;
        }
        status('Loading…');
        document.body.dataset.loaded = 'false';
        const r = range();
        const names = Object.keys(panels);
        const results = await Promise.allSettled(names.map(name => panels[name](r)));
        const failed = results
            .map((result, i) => result.status === 'rejected' ? `${names[i]}: ${result.reason.message}` : null)
            .filter(x => x !== null);
        if (failed.length > 0) {
            status(`Some panels failed — ${failed.join('; ')}`, true);
        } else {
            status(`Loaded ${$('from').value} to ${$('to').value} at ${new Date().toISOString().slice(11, 19)} UTC.`);
        }
        document.body.dataset.loaded = 'true';
    }

    document.addEventListener('DOMContentLoaded', () => {
        initialRange();
        const saved = sessionStorage.getItem(TOKEN_KEY);
        if (saved) {
            $('token').value = saved;
        }
        $('controls').addEventListener('submit', event => {
            event.preventDefault();
            sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
            load();
        });
        $('forget').addEventListener('click', () => {
            sessionStorage.removeItem(TOKEN_KEY);
            $('token').value = '';
            status('Token removed from this tab.');
        });
        if (saved) {
            load();
        }
    });
})();
