# Two commands: `make run` and `make test`. Both set everything up first.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.setup-stamp
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test bench faults setup system native lint typecheck imports translations check-translations screenshot model review-model \
        package

setup: system $(STAMP) translations native

system:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

translations: $(STAMP)
	@$(PY) scripts/translations.py build

# The analyser's hot modules compiled with mypyc (skipped when up to date; see app/analysis/__init__.py).
native: $(STAMP)
	@$(PY) scripts/build_native.py

run: setup
	@$(VENV)/bin/aizuchi run

lint: setup
	$(VENV)/bin/ruff check app ui tests bench scripts

typecheck: setup
	$(VENV)/bin/mypy --strict app
	$(VENV)/bin/mypy --disallow-untyped-defs --ignore-missing-imports ui

imports: setup
	$(VENV)/bin/lint-imports

check-translations: setup
	$(PY) scripts/translations.py check

test: lint typecheck imports check-translations
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q

# The analyser's learned layer, rebuilt from the annotated corpus with a fixed seed (scripts/train_model.py).
model: setup
	$(PY) scripts/train_model.py --curve

# The review's learned scorer (app/review/learned.py), trained on the review's tuning pairs with a fixed seed and
# judged by leaving one writer's batch out (bench/review_lobo.py).
review-model: setup
	$(PY) scripts/train_review_model.py

# The desktop build a shop owner installs (issue 20): PyInstaller's one-folder app from build_spec/aizuchi.spec,
# packed as dist/aizuchi-*.tar.gz and (on Debian) dist/aizuchi_*.deb, then the package's own smoke test.
# Not part of `make test`: it takes minutes. See README "Build a package".
package: setup
	$(PY) scripts/package.py
	$(PY) scripts/package_smoke.py

bench: setup
	$(PY) bench/run.py

# The standing fault suite alone (it also runs in `make test`), with its counts (bench/faults.py).
faults: setup
	$(PY) bench/faults.py

# The README shows a shop's computer on Japan time (the reader and the quote line follow the computer's zone).
screenshot: export TZ := JST-9
screenshot: setup
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshot.py docs/screenshot.png
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshot.py docs/composer.png --composer
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshot.py docs/customer.png --customer
	xvfb-run -a -s "-screen 0 1024x700x24" $(PY) scripts/screenshot.py docs/small.png
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshot.py docs/after_hours.png --after-hours
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshot.py docs/undo.png --undo
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshot_team.py presence docs/team-presence.png
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshot_team.py snippet docs/team-snippet.png
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshot_team.py response docs/team-response.png
