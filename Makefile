# equilab: thin wrappers around CMake. `make run` and `make test` work on a fresh Debian machine.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
PACKAGES := g++ make cmake libboost-dev libboost-graph-dev libgmp-dev nlohmann-json3-dev libcli11-dev \
            liblpsolve55-dev libglpk-dev libqsopt-ex-dev qsopt-ex coinor-libclp-dev pkg-config zlib1g-dev libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev libxml2-dev \
            parallel
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build setup test run bench clean format test-sanitize fuzz

all: build

# Installs the Debian packages the project needs; does nothing when they are all present.
setup:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "setup: installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	else echo "setup: all packages present"; fi

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

test: setup build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The report: the catalog reproduced (Markdown table printed, JSON kept), the first three sizes of
# every benchmark, a small cross-check sweep, then reports/out/index.html (+ report.md, LaTeX tables).
# Every step runs even when an earlier one reports a mismatch; the exit status says whether all passed.
RUN_BENCH ?= --first 3 --min-time 0.05
RUN_SWEEP ?= reports/specs/crosscheck-smoke.json
run: setup build
	mkdir -p reports/out reports/data
	@status=0; \
	$(BUILD)/equilab reproduce --json --report reports/out/reproduce.md > reports/data/reproduce.json || status=1; \
	cat reports/out/reproduce.md; \
	$(BUILD)/equilab bench $(RUN_BENCH) --out reports/data || status=1; \
	$(BUILD)/equilab sweep $(RUN_SWEEP) --run --force --quiet --out reports/data/sweep || status=1; \
	$(BUILD)/equilab report reports/data --out reports/out > /dev/null || status=1; \
	echo "report: $(CURDIR)/reports/out/index.html"; exit $$status

# Renders reports/out/index.html with headless Chromium at 1280 and 390 px (screenshots beside it)
# and fails if the page is blank, a plot is missing or a table overflows. Needs the browser, so it is
# not part of `make test`; runs `make run` first when there is no report yet.
REPORT_CHECK_PACKAGES := chromium python3
.PHONY: report-check
report-check: setup
	@missing=""; for p in $(REPORT_CHECK_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "report-check: installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@[ -f reports/out/index.html ] || $(MAKE) run
	python3 reports/check_report.py reports/out/index.html

# Every suite in bench/ at full size: Google Benchmark JSON and machine.json under reports/data/
# (EQUILAB_BENCH_MAX caps the LP sizes).
bench: setup build
	$(BUILD)/equilab bench --out reports/data

# The whole ctest suite under AddressSanitizer and UndefinedBehaviorSanitizer (any UB finding is fatal);
# -O1 with line tables (as ASan recommends) and assertions on.
SANITIZE_BUILD ?= build-sanitize
test-sanitize: setup
	cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" \
	  -DEQUILAB_BENCH=ON "-DEQUILAB_SANITIZE=address;undefined" -DCMAKE_CXX_FLAGS=-fno-sanitize-recover=undefined \
	  $(CMAKE_FLAGS)
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	cd $(SANITIZE_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# libFuzzer targets (tests/fuzz/) built with clang; each runs FUZZ_SECONDS from its seed corpus in
# tests/corpus/<target>/ (new inputs go to $(FUZZ_BUILD)/corpus/<target>/, crashes, inputs slower
# than 10 s and inputs needing more than 2 GB to $(FUZZ_BUILD)/crashes/<target>/).
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_PACKAGES := clang-14 libclang-rt-14-dev
fuzz: setup
	@missing=""; for p in $(FUZZ_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "fuzz: installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" \
	  -DEQUILAB_BENCH=OFF -DEQUILAB_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 $(CMAKE_FLAGS)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_targets
	@failed=""; for t in $$(cat $(FUZZ_BUILD)/tests/fuzz/targets.txt); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/crashes/$$t $(FUZZ_BUILD)/fuzz-logs; \
	  log=$(FUZZ_BUILD)/fuzz-logs/$$t.log; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  if ! $(FUZZ_BUILD)/tests/fuzz/fuzz_$$t $(FUZZ_BUILD)/corpus/$$t tests/corpus/$$t \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_BUILD)/crashes/$$t/ \
	    -print_final_stats=1 2>$$log; then failed="$$failed $$t"; tail -40 $$log; fi; \
	  grep -E '^stat::number_of_executed_units' $$log | sed "s/^stat::number_of_executed_units: */fuzz: $$t executions: /"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: crashes in$$failed (inputs under $(FUZZ_BUILD)/crashes/)"; exit 1; fi

clean:
	rm -rf $(BUILD)

format:
	clang-format -i $$(git ls-files '*.h' '*.cpp')
