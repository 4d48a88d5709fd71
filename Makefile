# Two commands set everything up on a fresh machine: `make run` and `make test`.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The exact version of every package installed into .venv; every install
# below goes through it, so a new release on PyPI changes nothing here.
CONSTRAINTS := constraints.txt
PIP_INSTALL := $(BIN)/python -m pip install --disable-pip-version-check --quiet -c $(CONSTRAINTS)
# Written after a successful install; pyproject.toml or constraints.txt newer than it means reinstall.
STAMP := $(VENV)/.installed
SHARED := $(CURDIR)/../shared
# Also the folders .pre-commit-config.yaml checks: keep the two alike.
LINTED := desktop tests bench tools packaging
# The PyInstaller extra, installed only for `make package`.
PACKAGE_STAMP := $(VENV)/.installed-package
# pre-commit, installed only for `make hooks`.
HOOKS_STAMP := $(VENV)/.installed-hooks

.PHONY: venv run test bench score clean distclean package package-sizes bench-frozen hooks constraints

# A venv whose Python no longer starts (moved, or its interpreter removed) is
# rebuilt: dropping the stamp makes the install rule run again.
ifneq ($(wildcard $(STAMP)),)
ifneq ($(shell $(BIN)/python -c "print('ok')" 2>/dev/null),ok)
$(shell rm -f $(STAMP))
endif
endif

venv: $(STAMP)

$(STAMP): pyproject.toml $(CONSTRAINTS)
	@$(BIN)/python -c "" 2>/dev/null || $(PYTHON) -m venv --clear $(VENV)
	$(PIP_INSTALL) -e '.[test]'
	@touch $@

# On an X11 desktop the check names the system packages Qt's xcb plugin
# still needs, where Qt itself would abort blaming xcb-cursor.
run: venv
	@$(BIN)/python -m desktop.system_check
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

# The standalone app: dist/FactDesk/ (one folder), checked by its own
# self-test offscreen, then packed as dist/FactDesk-<version>-<os>-<arch>.tar.gz.
$(PACKAGE_STAMP): $(STAMP)
	$(PIP_INSTALL) -e '.[test,package]'
	@touch $@

package: $(PACKAGE_STAMP)
	$(BIN)/pyinstaller build.spec --noconfirm --clean --log-level WARN
	@out=$$(QT_QPA_PLATFORM=offscreen dist/FactDesk/FactDesk --self-test); rc=$$?; \
		printf '%s\n' "$$out"; \
		[ $$rc = 0 ] && printf '%s\n' "$$out" | grep -qx 'self-test ok' || \
		{ echo "package: the frozen app's self-test failed (exit $$rc)" >&2; exit 1; }
	@archive=dist/$$($(BIN)/python packaging/spec_support.py archive-name "$$(uname -s)" "$$(uname -m)"); \
		rm -f "$$archive" && tar -C dist -czf "$$archive" FactDesk && \
		echo "package: dist/FactDesk unpacked $$(du -sb dist/FactDesk | cut -f1 | awk '{printf "%.1f MB", $$1/1e6}')" \
			"($$(find dist/FactDesk -type f | wc -l) files)" && \
		echo "package: $$archive $$(stat -c %s "$$archive" | awk '{printf "%.1f MB", $$1/1e6}')"

# What each exclusion in build.spec saves (a dozen builds, ~6 minutes).
package-sizes: $(PACKAGE_STAMP)
	$(BIN)/python packaging/measure_sizes.py

# Start to first paint of dist/FactDesk (after `make package`).
bench-frozen: venv
	$(BIN)/python -m bench.frozen_startup

# Git hooks running the checks of `make test` (.pre-commit-config.yaml):
# ruff and mypy before each commit, pytest before each push.
hooks: $(HOOKS_STAMP)
	$(BIN)/pre-commit install

$(HOOKS_STAMP): $(STAMP)
	$(PIP_INSTALL) -e '.[test,hooks]'
	@touch $@

# Resolve every dependency afresh, to the newest release pyproject.toml
# allows, in a scratch venv, and write the result to constraints.txt (its
# comment header kept).  Then `make test package`, and commit both files.
constraints: SCRATCH := build/venv-constraints
constraints:
	rm -rf $(SCRATCH)
	$(PYTHON) -m venv $(SCRATCH)
	$(SCRATCH)/bin/python -m pip install --disable-pip-version-check --quiet -e '.[test,package,hooks]'
	{ sed '/^[^#]/,$$d' $(CONSTRAINTS); $(SCRATCH)/bin/python -m pip freeze --exclude-editable; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)
	rm -rf $(SCRATCH)

clean:
	rm -rf build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache .hypothesis
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
