# Two commands set everything up on a fresh machine: `make run` and `make test`.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Written after a successful install; pyproject.toml newer than it means reinstall.
STAMP := $(VENV)/.installed
SHARED := $(CURDIR)/../shared
LINTED := desktop tests bench tools

.PHONY: venv run test bench score clean distclean

# A venv whose Python no longer starts (moved, or its interpreter removed) is
# rebuilt: dropping the stamp makes the install rule run again.
ifneq ($(wildcard $(STAMP)),)
ifneq ($(shell $(BIN)/python -c "print('ok')" 2>/dev/null),ok)
$(shell rm -f $(STAMP))
endif
endif

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(BIN)/python -c "" 2>/dev/null || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check --quiet -e '.[test]'
	@touch $@

run: venv
	$(BIN)/python -m desktop

test: venv
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

bench: venv
	$(BIN)/python -m bench

score: venv
	@if [ ! -d "$(SHARED)/seeds" ] || [ ! -f "$(SHARED)/tools/score_claims.py" ]; then \
		echo "score: $(SHARED) (seeds, gold, tools) not found; skipping"; exit 0; \
	fi; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(BIN)/factdesk detect "$(SHARED)"/seeds/*.txt --format jsonl > "$$tmp/pred.jsonl" && \
	cat "$(SHARED)"/gold/*.gold.jsonl > "$$tmp/gold.jsonl" && \
	$(BIN)/python "$(SHARED)/tools/score_claims.py" --gold "$$tmp/gold.jsonl" \
		--docs "$(SHARED)/seeds" --pred "$$tmp/pred.jsonl" $(SCORE_ARGS)

clean:
	rm -rf build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache .hypothesis
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
