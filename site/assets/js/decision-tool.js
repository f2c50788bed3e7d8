// Channel decision tool: turns the decision tables on the page into a step-by-step form.
//
// The Markdown tables are the single source of truth. Each `table.decision-table` inside a
// `.decision-tool` container declares, as data attributes written in the Markdown:
//   data-inputs  how many leading columns are questions (the rest are answers);
//   data-match   "first" (use the first matching row) or "all" (use every matching row);
//   data-title   the heading for its part of the result.
// A cell reading "Any" matches every option. The container may list the question order in
// data-steps ("Message type; Content; ..."); otherwise questions appear in table order.
//
// Privacy: everything happens in this page. No network requests, no storage, no cookies.
// The form has no action and its submit is always handled here.
(() => {
    'use strict';

    const wildcard = 'any';

    const normalize = (text) => text.replace(/\s+/g, ' ').trim();

    function readTable(table) {
        const headers = Array.from(table.querySelectorAll('thead th'), (th) => normalize(th.textContent));
        const inputCount = Number.parseInt(table.dataset.inputs ?? '', 10);
        if (!Number.isInteger(inputCount) || inputCount < 1 || inputCount >= headers.length) {
            return null;
        }

        const rows = Array.from(table.querySelectorAll('tbody tr'), (tr) => {
            const cells = Array.from(tr.children);
            return {
                keys: cells.slice(0, inputCount).map((cell) => normalize(cell.textContent)),
                answers: cells.slice(inputCount),
            };
        }).filter((row) => row.keys.length === inputCount);

        return {
            questions: headers.slice(0, inputCount),
            answerHeaders: headers.slice(inputCount),
            matchAll: table.dataset.match === 'all',
            title: table.dataset.title || headers[inputCount],
            rows,
        };
    }

    // Each question's options, in the order of the table that lists the most of them,
    // then any options that only other tables mention.
    function collectQuestions(tables, preferredOrder) {
        const byName = new Map();
        for (const table of tables) {
            table.questions.forEach((name, column) => {
                const values = [];
                for (const row of table.rows) {
                    const value = row.keys[column];
                    if (value.toLowerCase() !== wildcard && !values.includes(value)) {
                        values.push(value);
                    }
                }
                const lists = byName.get(name) ?? [];
                lists.push(values);
                byName.set(name, lists);
            });
        }

        const questions = [];
        for (const [name, lists] of byName) {
            const ordered = [...lists].sort((a, b) => b.length - a.length);
            const options = [];
            for (const list of ordered) {
                for (const value of list) {
                    if (!options.includes(value)) {
                        options.push(value);
                    }
                }
            }
            questions.push({ name, options });
        }

        const rank = (name) => {
            const index = preferredOrder.indexOf(name);
            return index === -1 ? preferredOrder.length : index;
        };
        return questions.sort((a, b) => rank(a.name) - rank(b.name));
    }

    function element(tag, properties = {}, children = []) {
        const node = document.createElement(tag);
        Object.assign(node, properties);
        for (const child of children) {
            node.append(child);
        }
        return node;
    }

    function buildForm(questions, idPrefix) {
        const form = element('form', { className: 'decision-form', noValidate: true });
        form.setAttribute('aria-label', 'Channel decision steps');
        form.append(element('p', {
            className: 'decision-intro',
            textContent: `Answer the ${questions.length} steps, then choose "Show the answer". Nothing you pick leaves this page.`,
        }));

        questions.forEach((question, step) => {
            const fieldset = element('fieldset', { className: 'decision-step' });
            fieldset.append(element('legend', {
                textContent: `Step ${step + 1} of ${questions.length}: ${question.name}`,
            }));
            question.options.forEach((option, index) => {
                const id = `${idPrefix}-q${step}-o${index}`;
                const input = element('input', { type: 'radio', id, name: `${idPrefix}-q${step}`, value: option });
                const label = element('label', { htmlFor: id }, [input, element('span', { textContent: option })]);
                fieldset.append(label);
            });
            form.append(fieldset);
        });

        const actions = element('div', { className: 'decision-actions' }, [
            element('button', { type: 'submit', textContent: 'Show the answer' }),
            element('button', { type: 'reset', textContent: 'Start again' }),
        ]);
        form.append(actions);

        const result = element('div', { className: 'decision-result', id: `${idPrefix}-result` });
        result.setAttribute('aria-live', 'polite');
        form.append(result);
        return { form, result };
    }

    function matches(row, questions, choices) {
        return row.keys.every((key, column) =>
            key.toLowerCase() === wildcard || key === choices.get(questions[column]));
    }

    function copyCell(cell) {
        const fragment = document.createDocumentFragment();
        for (const child of cell.childNodes) {
            fragment.append(child.cloneNode(true));
        }
        return fragment;
    }

    function renderFirstMatch(table, row) {
        const section = element('div', { className: 'decision-part' });
        section.append(element('h3', { textContent: table.title }));
        if (!row) {
            section.append(element('p', {
                textContent: 'No row of the table covers this combination. Read the tables below or ask your privacy officer.',
            }));
            return section;
        }

        const [first, ...rest] = row.answers;
        section.append(element('p', { className: 'decision-verdict' }, [
            element('strong', {}, [copyCell(first)]),
        ]));
        const details = element('dl');
        rest.forEach((cell, index) => {
            details.append(element('dt', { textContent: table.answerHeaders[index + 1] }));
            details.append(element('dd', {}, [copyCell(cell)]));
        });
        section.append(details);
        section.append(element('p', {
            className: 'decision-source',
            textContent: `From the table row: ${row.keys.join(' · ')}.`,
        }));
        return section;
    }

    function renderAllMatches(table, rows) {
        const section = element('div', { className: 'decision-part' });
        section.append(element('h3', { textContent: table.title }));
        if (rows.length === 0) {
            section.append(element('p', { textContent: 'None for this combination.' }));
            return section;
        }

        const list = element('ul');
        for (const row of rows) {
            const [first, ...rest] = row.answers;
            const item = element('li', {}, [copyCell(first)]);
            rest.forEach((cell, index) => {
                item.append(element('span', { className: 'decision-rule' }, [
                    `${table.answerHeaders[index + 1]}: `,
                    copyCell(cell),
                ]));
            });
            list.append(item);
        }
        section.append(list);
        return section;
    }

    function showAnswer(form, result, questions, tables) {
        const choices = new Map();
        const missing = [];
        questions.forEach((question, step) => {
            const checked = form.querySelector(`input[name="${CSS.escape(form.dataset.prefix)}-q${step}"]:checked`);
            if (checked) {
                choices.set(question.name, checked.value);
            } else {
                missing.push({ step, question });
            }
        });

        result.replaceChildren();
        if (missing.length > 0) {
            const names = missing.map(({ step, question }) => `step ${step + 1} (${question.name})`).join(', ');
            result.append(element('p', { textContent: `Choose an option in ${names}.` }));
            const firstMissing = form.querySelectorAll('fieldset')[missing[0].step];
            firstMissing?.querySelector('input')?.focus();
            return;
        }

        for (const table of tables) {
            const matching = table.rows.filter((row) => matches(row, table.questions, choices));
            result.append(table.matchAll
                ? renderAllMatches(table, matching)
                : renderFirstMatch(table, matching[0]));
        }
    }

    function setUp(container, index) {
        const tables = Array.from(container.querySelectorAll('table.decision-table'), readTable)
            .filter((table) => table !== null && table.rows.length > 0);
        if (tables.length === 0) {
            return;
        }

        const preferredOrder = (container.dataset.steps ?? '').split(';').map(normalize).filter(Boolean);
        const questions = collectQuestions(tables, preferredOrder);
        const idPrefix = `decision-tool-${index + 1}`;
        const { form, result } = buildForm(questions, idPrefix);
        form.dataset.prefix = idPrefix;

        form.addEventListener('submit', (event) => {
            event.preventDefault();
            showAnswer(form, result, questions, tables);
        });
        form.addEventListener('reset', () => {
            result.replaceChildren();
        });

        container.prepend(form);
        container.classList.add('decision-tool-ready');
    }

    document.querySelectorAll('.decision-tool').forEach(setUp);
})();
